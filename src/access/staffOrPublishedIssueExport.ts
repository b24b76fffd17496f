import type { Access } from 'payload'

import { isStaff } from './isStaff'

/**
 * The committee reads every export; the public only the PDFs of published issues (the
 * "Download the PDF" link of the web edition and the newsletter).
 */
export const staffOrPublishedIssueExport: Access = (args) => {
  if (isStaff(args)) return true
  return { 'issue._status': { equals: 'published' } }
}
