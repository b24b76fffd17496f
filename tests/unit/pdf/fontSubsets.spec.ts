import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { IssueModel } from '@/issue/model'
import { renderIssuePdf } from '@/render/pdf'
import { forgetEncodedSubsets, subsetCounts } from '@/render/pdf/fonts'
import { makeIssueModel } from '../../fixtures/issueModel'

/**
 * pdfkit embeds each font an issue uses as a subset of the glyphs it drew; fontkit's encoding
 * of that subset is kept across files by font and glyphs (src/render/pdf/fonts.ts).
 */

const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-subsets-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The model with its editor's introduction and title in other words (other glyphs, drawn in another order). */
function reworded(model: IssueModel): IssueModel {
  return {
    ...model,
    editorsIntro: 'Quixotic jazz vibes: wizards box frugal kumquats; 1987 and 2024 (a quarter of them).',
    title: `${model.title}: Zephyr`,
  }
}

describe('font subsets across files', () => {
  it('encodes a subset once for the same glyphs, and prints the same file from it', async () => {
    const model = await makeIssueModel(path.join(dir, 'images'))
    forgetEncodedSubsets()
    const fresh = await renderIssuePdf(model, { cache: false })
    const before = { ...subsetCounts }
    const again = await renderIssuePdf(model, { cache: false })
    expect(subsetCounts.encoded - before.encoded).toBe(0)
    expect(subsetCounts.reused - before.reused).toBeGreaterThanOrEqual(4)
    expect(Buffer.from(again.pdf).equals(Buffer.from(fresh.pdf))).toBe(true)
  })

  it('encodes other glyphs anew: a file after another is the file set from nothing', async () => {
    const model = await makeIssueModel(path.join(dir, 'images'))
    const other = reworded(model)
    await renderIssuePdf(model, { cache: false })
    const before = { ...subsetCounts }
    const afterAnother = await renderIssuePdf(other, { cache: false })
    expect(subsetCounts.encoded - before.encoded).toBeGreaterThan(0)
    forgetEncodedSubsets()
    const alone = await renderIssuePdf(other, { cache: false })
    expect(Buffer.from(afterAnother.pdf).equals(Buffer.from(alone.pdf))).toBe(true)
  })
})
