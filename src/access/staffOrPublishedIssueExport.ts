import type { Access, Where } from 'payload'

import { isStaff } from './isStaff'

/**
 * The committee reads every export; the public only editions (published content) of
 * published issues: the "Download the PDF" link of the web edition and the newsletter.
 * A proof carries unpublished drafts, so it never leaves the committee.
 */
export const staffOrPublishedIssueExport: Access = (args) => {
  if (isStaff(args)) return true
  const editionOfPublishedIssue: Where = { and: [{ kind: { equals: 'edition' } }, { 'issue._status': { equals: 'published' } }] }
  return editionOfPublishedIssue
}
