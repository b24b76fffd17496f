import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EssayModel, IssueModel } from '@/issue/model'
import { renderIssuePdf, type RenderIssuePdfResult } from '@/render/pdf'
import { MARGIN } from '../../../templates/pdf/theme'
import { makeIssueModel } from '../../fixtures/issueModel'
import { pdfwords, type PdfWord } from './pdfTools'

/**
 * Every layout field a production editor can set changes the PDF in the way it promises:
 * each is rendered both ways and the outcome compared (where a section starts, how large a
 * pull quote is), not just the bytes.
 */

let dir: string
let base: IssueModel

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-pdf-fields-'))
  base = await makeIssueModel(path.join(dir, 'images'))
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

let n = 0
async function render(model: IssueModel): Promise<{ result: RenderIssuePdfResult; file: string }> {
  const result = await renderIssuePdf(model, { cache: false })
  const file = path.join(dir, `fields-${n++}.pdf`)
  writeFileSync(file, result.pdf)
  return { result, file }
}

function essays(model: IssueModel): EssayModel[] {
  const section = model.sections[0]
  if (section.kind !== 'essays') throw new Error('fixture starts with essays')
  return section.essays
}

/** Words of a page that are printed text: no inkless anchors, no running footer. */
function inked(file: string, page: number): PdfWord[] {
  return pdfwords(file, page).filter((w) => !/^\u3164+$/.test(w.text) && w.yMin < 841.89 - 60)
}

/** Top of the first word of `title` on `page` (the first two words in sequence). */
function topOf(file: string, page: number, title: string): number {
  const [a, b] = title.split(' ')
  const words = inked(file, page)
  const at = words.findIndex((w, i) => w.text === a && words[i + 1]?.text === b)
  if (at < 0) throw new Error(`"${title}" is not on page ${page}`)
  return words[at].yMin
}

/** Whether anything is printed above `y` on the page (other than its frame). */
const textAbove = (file: string, page: number, y: number) => inked(file, page).some((w) => w.yMax < y - 1)

const tocPage = (result: RenderIssuePdfResult, title: string) => {
  const entry = result.toc.find((e) => e.title === title)
  if (!entry) throw new Error(`no contents line "${title}"`)
  return entry.page
}

describe('essay layout: startOnNewPage', () => {
  it('starts the essay at the top of a new page when set, and runs it on from the one before when not', async () => {
    const off = structuredClone(base)
    const on = structuredClone(base)
    essays(off)[1].layout = { startOnNewPage: false, pullQuoteSize: 'large' }
    essays(on)[1].layout = { startOnNewPage: true, pullQuoteSize: 'large' }
    const title = essays(base)[1].title
    const [a, b] = [await render(off), await render(on)]

    const pageOff = tocPage(a.result, title)
    expect(textAbove(a.file, pageOff, topOf(a.file, pageOff, 'ESSAY ' + title))).toBe(true)

    const pageOn = tocPage(b.result, title)
    const top = topOf(b.file, pageOn, 'ESSAY ' + title)
    // Nothing above it: the first thing on its page, at the top margin, in the left column.
    expect(textAbove(b.file, pageOn, top)).toBe(false)
    expect(top).toBeLessThan(MARGIN.top + 12)
    expect(inked(b.file, pageOn).find((w) => w.text === 'ESSAY')?.xMin).toBeLessThan(MARGIN.left + 2)
    expect(pageOn).toBeGreaterThan(pageOff)
  }, 120_000)

  it('does nothing for the lead essay, which always starts on page 1', async () => {
    const on = structuredClone(base)
    essays(on)[0].layout = { startOnNewPage: true, pullQuoteSize: 'large' }
    const { result } = await render(on)
    expect(tocPage(result, essays(base)[0].title)).toBe(1)
  }, 120_000)
})

describe('essay layout: pullQuoteSize', () => {
  it('sets the pull quote smaller when medium than when large', async () => {
    const medium = structuredClone(base)
    const large = structuredClone(base)
    essays(medium)[0].layout = { startOnNewPage: false, pullQuoteSize: 'medium' }
    essays(large)[0].layout = { startOnNewPage: false, pullQuoteSize: 'large' }
    const quote = essays(base)[0].body.find((b) => b.type === 'pullQuote')
    if (quote?.type !== 'pullQuote') throw new Error('fixture essay has a pull quote')
    const first = `“${quote.text.split(' ')[0]}`
    const heightOf = async (model: IssueModel) => {
      const { result, file } = await render(model)
      // The tallest of its words: the contents box may print the same words smaller.
      const heights: number[] = []
      for (let page = 2; page <= result.pageCount; page++) {
        for (const w of pdfwords(file, page)) if (w.text === first) heights.push(w.yMax - w.yMin)
      }
      if (heights.length === 0) throw new Error(`pull quote "${first}" not found`)
      return Math.max(...heights)
    }
    const [m, l] = [await heightOf(medium), await heightOf(large)]
    expect(m / l).toBeGreaterThan(0.7)
    expect(m / l).toBeLessThan(0.9)
  }, 120_000)
})

describe('issue layout: chronologyOnNewPage', () => {
  it('opens a page for the chronology when set, and runs it on after the publications when not', async () => {
    // One recent book, so that the page of the publications has room for the chronology.
    const oneBook = structuredClone(base)
    oneBook.sections = oneBook.sections.map((s) => (s.kind === 'recent' ? { ...s, publications: s.publications.slice(0, 1) } : s))
    const off = structuredClone(oneBook)
    const on = structuredClone(oneBook)
    off.layout = { highlightsOnNewPage: false, chronologyOnNewPage: false, endMatter: 'none' }
    on.layout = { highlightsOnNewPage: false, chronologyOnNewPage: true, endMatter: 'none' }
    const chronologySection = base.sections.find((s) => s.kind === 'chronology')
    if (chronologySection?.kind !== 'chronology') throw new Error('fixture has a chronology')
    const title = chronologySection.title
    const [a, b] = [await render(off), await render(on)]

    const pageOff = tocPage(a.result, chronologySection.chronology.title)
    expect(textAbove(a.file, pageOff, topOf(a.file, pageOff, title))).toBe(true)
    const pageOn = tocPage(b.result, chronologySection.chronology.title)
    expect(textAbove(b.file, pageOn, topOf(b.file, pageOn, title))).toBe(false)
    expect(a.result.pageCount).toBeLessThanOrEqual(b.result.pageCount)
  }, 120_000)
})

describe('issue layout: highlightsOnNewPage', () => {
  it('opens a page for the highlights when set, and starts them below the essays when not', async () => {
    // A shorter second essay leaves room for the highlights below the essays' last columns.
    const short = structuredClone(base)
    const second = essays(short)[1]
    second.body = second.body.slice(0, 3)
    // Highlights of one photo each: a grid, whose first row fits under the columns.
    short.sections = short.sections.map((s) =>
      s.kind === 'highlights'
        ? {
            ...s,
            highlights: s.highlights.flatMap((h) => h.photos).slice(0, 3).map((photo, i) => ({ id: `single-${i}`, title: `Single Event ${i + 1}`, photos: [photo] })),
          }
        : s,
    )
    const off = { ...structuredClone(short), layout: { highlightsOnNewPage: false, chronologyOnNewPage: true, endMatter: 'none' as const } }
    const on = { ...structuredClone(short), layout: { highlightsOnNewPage: true, chronologyOnNewPage: true, endMatter: 'none' as const } }
    const section = short.sections.find((s) => s.kind === 'highlights')
    if (section?.kind !== 'highlights') throw new Error('fixture has highlights')
    const [a, b] = [await render(off), await render(on)]

    // The highlights have one contents line, the section's own title.
    const pageOff = tocPage(a.result, section.title)
    expect(textAbove(a.file, pageOff, topOf(a.file, pageOff, section.title))).toBe(true)
    const pageOn = tocPage(b.result, section.title)
    expect(textAbove(b.file, pageOn, topOf(b.file, pageOn, section.title))).toBe(false)
    expect(pageOn).toBeGreaterThan(pageOff)
  }, 120_000)
})
