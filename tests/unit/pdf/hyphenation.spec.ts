import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IssueModel } from '@/issue/model'
import { hyphenateWord, renderIssuePdf } from '@/render/pdf'
import { keepLastWord, keepLastWordOfRuns } from '../../../templates/pdf/text'
import { makeIssueModel } from '../../fixtures/issueModel'
import { hyphenLadders } from './pdfTools'

/**
 * Hyphenation as a copy editor wants it: fragments of at least 2 letters before the hyphen
 * and 3 after, no hyphen in a paragraph's last word, and no ladder of 3 hyphenated lines.
 * react-pdf's line breaker has no hard limit on consecutive hyphens (only a fixed extra cost
 * for two in a row), so the last is reached by the cost of a hyphen, and checked on the
 * fixture issue.
 */

let dir: string
let model: IssueModel
let file: string
let pageCount: number

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-pdf-hyph-'))
  model = await makeIssueModel(path.join(dir, 'images'))
  const result = await renderIssuePdf(model, { cache: false })
  pageCount = result.pageCount
  file = path.join(dir, 'issue.pdf')
  writeFileSync(file, result.pdf)
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const letters = (s: string) => s.replace(/[^\p{L}]/gu, '').length

describe('hyphenation of a word', () => {
  it('leaves at least 2 letters before a hyphen and 3 after it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{7,18}[.,;]?$/), (word) => {
        const parts = hyphenateWord(word)
        expect(parts.join('')).toBe(word)
        if (parts.length > 1) {
          expect(letters(parts[0])).toBeGreaterThanOrEqual(2)
          expect(letters(parts.at(-1) ?? '')).toBeGreaterThanOrEqual(3)
        }
      }),
      { numRuns: 2000 },
    )
    for (const word of ['cooperation.', 'programmes,', 'consultation', 'incidents.']) {
      const parts = hyphenateWord(word)
      expect(letters(parts.at(-1) ?? '')).toBeGreaterThanOrEqual(3)
    }
  })

  it('binds the last two words of a paragraph, so the last one is never hyphenated', () => {
    expect(keepLastWord('they create.')).toBe('they\u00a0create.')
    expect(keepLastWord('alone')).toBe('alone')
    expect(keepLastWordOfRuns([{ text: 'as seen in ' }, { text: 'Tuổi Trẻ', italic: true }, { text: '.' }])).toEqual([
      { text: 'as seen in ' },
      { text: 'Tuổi\u00a0Trẻ', italic: true },
      { text: '.' },
    ])
    expect(keepLastWordOfRuns([{ text: 'see the ' }, { text: 'site', href: 'https://x.org' }])).toEqual([{ text: 'see the ' }, { text: 'site', href: 'https://x.org' }])
    // Words bound by a no-break space are never hyphenated.
    expect(hyphenateWord('consultation\u00a0mechanisms.')).toEqual(['consultation\u00a0mechanisms.'])
  })
})

describe('hyphenation in the rendered issue', () => {
  it('never hyphenates three lines in a row', () => {
    expect(hyphenLadders(file, pageCount).filter((l) => l.length >= 3)).toEqual([])
  })
})
