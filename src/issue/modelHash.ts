import { createHash } from 'node:crypto'

import type { IssueModel } from './model'

/**
 * SHA-256 of what the renderers are given. The render is deterministic, so the same hash
 * means the same PDF: the dashboard knows a PDF is out of date whatever changed (an essay,
 * an author's name, an image, the publication settings), not only what carries a date.
 */
export function issueModelHash(model: IssueModel): string {
  return createHash('sha256').update(JSON.stringify(model)).digest('hex')
}
