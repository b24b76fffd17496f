import { checkIssueModel, type ModelCheckInput, type PreflightFinding } from '@/issue/checks'
import type { IssueModel } from '@/issue/model'

/**
 * What must be right before an issue goes out by email: the model's own checks
 * (src/issue/checks.ts) and none of print's. The reader's mail client sets the text in its
 * own fonts, at its own width, on no pages, with the email derivative of each image, so a
 * character the print fonts lack, a word wider than a print column, an image too coarse for
 * print or a page count do not concern a campaign. Imports no PDF renderer: campaign
 * readiness runs in every process that loads the config.
 */
export function checkIssueForEmail(model: IssueModel, input: ModelCheckInput = {}): PreflightFinding[] {
  return checkIssueModel(model, input)
}
