import type { Access } from 'payload'

import { isStaff } from './isStaff'

/** The public reads published documents only; the committee reads drafts too. */
export const publishedOrStaff: Access = (args) => {
  if (isStaff(args)) return true
  return { _status: { equals: 'published' } }
}
