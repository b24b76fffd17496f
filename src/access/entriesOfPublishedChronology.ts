import type { Access, Where } from 'payload'

import { isStaff } from './isStaff'

/**
 * Chronology entries have no drafts of their own: the public reads an entry once its
 * chronology is published and that publication included it. An entry added or changed
 * since waits for the next one (collections/hooks/withholdChangedEntry).
 */
export const entriesOfPublishedChronology: Access = (args) => {
  if (isStaff(args)) return true
  const published: Where[] = [{ 'chronology._status': { equals: 'published' } }, { publishedWithChronology: { equals: true } }]
  return { and: published }
}
