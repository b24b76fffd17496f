import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IssueModel } from '@/issue/model'
import { renderIssuePdf, type RenderIssuePdfResult } from '@/render/pdf'
import { FOOTER, MARGIN, PAGE } from '../../../templates/pdf/theme'
import { makeIssueModel } from '../../fixtures/issueModel'
import { pdfwords, pdftotext, type PdfWord } from './pdfTools'

/**
 * Nothing printed leaves the text frame: every word box lies within the margins of
 * templates/pdf/theme.ts (the running footer below the bottom margin aside). The fixture
 * carries addresses as long as the real issue's (a publisher's page of 180 characters, one in
 * a chronology entry); one more is added to an essay's prose here.
 */

let dir: string
let model: IssueModel
let result: RenderIssuePdfResult
let file: string
const ESSAY_URL = 'https://www.maritime-cooperation.example.org/programmes/coast_guard_training/southeast-asia/2021-2024/overview.html'

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-pdf-frame-'))
  model = await makeIssueModel(path.join(dir, 'images'))
  // And one in an essay's prose, in the narrow column.
  const essays = model.sections[0]
  if (essays.kind !== 'essays') throw new Error('fixture starts with essays')
  essays.essays[0].body.push({ type: 'paragraph', runs: [{ text: `The training programme is described at ${ESSAY_URL} for those who want the details.` }] })
  result = await renderIssuePdf(model, { cache: false })
  file = path.join(dir, 'issue.pdf')
  writeFileSync(file, result.pdf)
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Half a point of slack: glyph boxes of justified lines end a hair past the margin. */
const SLACK = 0.5

function outside(word: PdfWord): boolean {
  const footer = word.yMin >= PAGE.height - FOOTER.ruleFromBottom
  if (footer) return word.xMin < MARGIN.left - SLACK || word.xMax > PAGE.width - MARGIN.right + SLACK
  return (
    word.xMin < MARGIN.left - SLACK ||
    word.xMax > PAGE.width - MARGIN.right + SLACK ||
    // The masthead sits a little above the top margin, by design (see Frame's masthead).
    word.yMin < MARGIN.top - 20 ||
    word.yMax > PAGE.height - MARGIN.bottom + SLACK
  )
}

describe('the text frame', () => {
  it('holds every word of every page, long addresses included', () => {
    const stray: string[] = []
    for (let page = 1; page <= result.pageCount; page++) {
      for (const word of pdfwords(file, page)) {
        if (/^\u3164+$/.test(word.text)) continue // inkless anchors (see TextAnchors)
        if (outside(word)) stray.push(`page ${page}: "${word.text}" at x ${word.xMin.toFixed(1)}–${word.xMax.toFixed(1)}, y ${word.yMin.toFixed(1)}–${word.yMax.toFixed(1)}`)
      }
    }
    expect(stray).toEqual([])
  })

  it('prints the long addresses whole, with no hyphen added where they break', () => {
    const text = pdftotext(file).replace(/\s+/g, '')
    const forthcoming = model.sections.find((s) => s.kind === 'forthcoming')
    if (forthcoming?.kind !== 'forthcoming' || !forthcoming.publications[0].url) throw new Error('fixture has a forthcoming book with an address')
    for (const url of [forthcoming.publications[0].url, ESSAY_URL]) {
      expect(text).toContain(url)
    }
  })
})
