import type { Access } from 'payload'

import { isStaff } from './isStaff'

/** Chronology entries have no drafts of their own: they are public once their chronology is. */
export const entriesOfPublishedChronology: Access = (args) => {
  if (isStaff(args)) return true
  return { 'chronology._status': { equals: 'published' } }
}
