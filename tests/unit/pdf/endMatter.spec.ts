import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EndMatter, IssueModel } from '@/issue/model'
import { renderIssuePdf } from '@/render/pdf'
import { makeIssueModel } from '../../fixtures/issueModel'
import { pdffonts, pdftotext } from './pdfTools'

/**
 * The issue's endMatter layout field fills the pages left to the end of the last signature
 * of 4 pages: notes pages, with the chosen page (notes, back cover, house advertisement) last.
 */

let dir: string
let base: IssueModel
let plainPages: number

const withEndMatter = (endMatter: EndMatter): IssueModel => ({
  ...structuredClone(base),
  layout: { highlightsOnNewPage: false, chronologyOnNewPage: true, endMatter },
})

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-pdf-end-'))
  base = await makeIssueModel(path.join(dir, 'images'))
  plainPages = (await renderIssuePdf(withEndMatter('none'), { cache: false })).pageCount
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('end matter', () => {
  it('is nothing by default: the issue has the pages its content takes', () => {
    // The fixture does not fill a signature by itself, so the cases below add pages.
    expect(plainPages % 4).not.toBe(0)
  })

  const cases: Array<[Exclude<EndMatter, 'none'>, string[]]> = [
    ['notes', ['Notes']],
    ['backCover', ['KOREA BULLETIN', 'The Korea Bulletin is published quarterly', 'Subscribe to the Korea Bulletin']],
    ['houseAd', ['Read the Korea Bulletin every quarter', 'Subscribe to the Korea Bulletin']],
  ]
  for (const [kind, expected] of cases) {
    it(`${kind}: fills the issue up to a multiple of 4 pages, the ${kind} page last`, async () => {
      const result = await renderIssuePdf(withEndMatter(kind), { cache: false })
      const file = path.join(dir, `${kind}.pdf`)
      writeFileSync(file, result.pdf)
      expect(result.pageCount).toBe(Math.ceil(plainPages / 4) * 4)
      expect(result.endMatterPages).toBe(result.pageCount - plainPages)
      const last = pdftotext(file, result.pageCount).replace(/\s+/g, ' ')
      for (const text of expected) expect(last).toContain(text)
      // Pages between the content and the last one are notes pages, numbered like the rest.
      for (let page = plainPages + 1; page < result.pageCount; page++) expect(pdftotext(file, page)).toMatch(/Notes[\s\S]*\b\d+\b/)
      expect(pdftotext(file, result.pageCount)).toContain(String(result.pageCount))
      expect(pdffonts(file).every((f) => f.embedded && !/Helvetica/.test(f.name))).toBe(true)
    }, 120_000)
  }
})
