import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChronologyEntryModel, EssayModel, HighlightModel, IssueModel } from '@/issue/model'
import { findUncoveredCharacters, hyphenateWord, renderIssuePdf } from '@/render/pdf'
import { makeIssueModel, runs } from '../../fixtures/issueModel'
import { headingOf, headingsOf, pageLines, pdffonts, pdftotext, pdfwords, readable, textPattern } from './pdfTools'

let dir: string
let base: IssueModel

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-pdf-layout-'))
  base = await makeIssueModel(path.join(dir, 'images'))
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function save(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name)
  writeFileSync(file, bytes)
  return file
}

function chronologyOf(model: IssueModel) {
  const section = model.sections.find((s) => s.kind === 'chronology')
  if (section?.kind !== 'chronology') throw new Error('fixture has no chronology')
  return section.chronology
}

/** 400 entries over April–June: same-day runs, multi-day and cross-month ranges, 1–3 paragraphs. */
function longChronology(template: readonly ChronologyEntryModel[]): ChronologyEntryModel[] {
  const entries: ChronologyEntryModel[] = []
  const start = Date.UTC(2024, 3, 1)
  for (let i = 0; i < 400; i++) {
    const day = new Date(start + Math.floor((i * 91) / 400) * 86_400_000)
    const span = i % 9 === 0 ? 3 : i % 23 === 0 ? 6 : 0
    const end = new Date(day.getTime() + span * 86_400_000)
    const t = template[i % template.length]
    entries.push({
      ...t,
      id: `long-${i}`,
      startDate: day.toISOString().slice(0, 10),
      endDate: end.toISOString().slice(0, 10),
      orderInDay: i,
      paragraphs: i % 7 === 0 ? [...t.paragraphs, `Entry ${i} continues with a second paragraph for the record.`] : t.paragraphs,
    })
  }
  entries[399] = { ...entries[399], paragraphs: ['The last entry of the long chronology, number four hundred.'] }
  return entries
}

describe('a 400-entry chronology', () => {
  let file: string
  let pageCount: number

  beforeAll(async () => {
    const model = structuredClone(base)
    chronologyOf(model).entries = longChronology(chronologyOf(base).entries)
    const result = await renderIssuePdf(model, { cache: false })
    // No clock here (bench:pdf measures speed): the work is bounded by the layout passes, and
    // a long chronology must not make the contents numbers take another pass.
    expect(result.passes).toBeLessThanOrEqual(2)
    file = save('long.pdf', result.pdf)
    pageCount = result.pageCount
  })

  it('renders all of it, across many pages', () => {
    expect(pageCount).toBeGreaterThan(20)
    const text = readable(pdftotext(file))
    expect(text).toMatch(textPattern('The last entry of the long chronology, number four hundred.'))
    expect(text).toMatch(textPattern('Entry 392 continues with a second paragraph for the record.'))
    for (const month of ['APRIL 2024', 'MAY 2024', 'JUNE 2024']) expect(text).toMatch(textPattern(month))
    expect(pdffonts(file).every((f) => f.embedded && !/Helvetica/.test(f.name))).toBe(true)
  })

  it('never leaves a day cell without its text at the foot of a page', () => {
    const dayCell = /^\d{1,2}(st|nd|rd|th)/
    let checked = 0
    for (let page = 1; page <= pageCount; page++) {
      const words = pdfwords(file, page)
      const days = words.filter((w) => w.xMin < 70 && dayCell.test(w.text))
      if (days.length === 0) continue
      const lowest = days.reduce((a, b) => (b.yMin > a.yMin ? b : a))
      // The entry's first line of text sits beside its day cell, on the same page.
      const beside = words.some((w) => w.xMin > 140 && w.yMin < lowest.yMax && w.yMax > lowest.yMin)
      expect(beside, `page ${page}: ${lowest.text}`).toBe(true)
      checked++
    }
    expect(checked).toBeGreaterThan(15)
  })

  it('never strands a month heading at the foot of a page', () => {
    for (let page = 1; page <= pageCount; page++) {
      const lines = pdftotext(file, page)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !/^Korea Bulletin · Vol/.test(l) && l !== String(page))
      expect(['APRIL 2024', 'MAY 2024', 'JUNE 2024'], `page ${page}`).not.toContain(lines.at(-1))
    }
  })
})

describe('headings at the foot of a page', () => {
  /**
   * The chronology, then "Recent Publications": `n` one-line entries push the section title
   * down the page step by step, to where its title (but not its first book) would still fit.
   */
  function pushedDown(n: number): IssueModel {
    const model = structuredClone(base)
    const chronology = model.sections.find((s) => s.kind === 'chronology')
    const recent = model.sections.find((s) => s.kind === 'recent')
    if (chronology?.kind !== 'chronology' || !recent) throw new Error('fixture has no chronology or recent books')
    const template = chronology.chronology.entries[0]
    chronology.chronology = {
      ...chronology.chronology,
      intro: [],
      sourcesNote: [],
      entries: Array.from({ length: n }, (_, i) => ({
        ...template,
        id: `short-${i}`,
        startDate: '2024-04-02',
        endDate: '2024-04-02',
        orderInDay: i,
        paragraphs: ['A short entry of a single line.'],
      })),
    }
    model.sections = [model.sections[0], chronology, recent]
    return model
  }

  /** Page and top of the "Recent Publications" title (past the contents box on page 1). */
  function titleAt(file: string, pageCount: number): { page: number; top: number } {
    for (let page = 2; page <= pageCount; page++) {
      const words = pdfwords(file, page)
      const at = words.findIndex((w, i) => w.text === 'Recent' && words[i + 1]?.text === 'Publications')
      if (at >= 0) return { page, top: words[at].yMin }
    }
    throw new Error('no "Recent Publications" title')
  }

  it('never leaves a section title alone at the foot of a page', async () => {
    const render = async (n: number) => {
      const model = pushedDown(n)
      const result = await renderIssuePdf(model)
      const file = save(`pushed-${n}.pdf`, result.pdf)
      return { model, file, pageCount: result.pageCount }
    }
    // Two renders measure where the title starts and how far one entry moves it.
    const one = await render(1)
    const two = await render(2)
    const [a, b] = [titleAt(one.file, one.pageCount), titleAt(two.file, two.pageCount)]
    expect(b.page).toBe(a.page)
    const step = b.top - a.top
    expect(step).toBeGreaterThan(10)
    const foot = 841.89 - 66
    // Then the title is set from a little above the foot of the page to well above it.
    let checked = 0
    for (const room of [45, 70, 95, 120, 145, 170, 195]) {
      const n = 1 + Math.round((foot - room - a.top) / step)
      const { model, file, pageCount } = await render(n)
      const headings = headingsOf(model)
      for (let page = 1; page <= pageCount; page++) {
        const lines = pageLines(file, page)
        expect(headingOf(lines, headings), `${n} entries: page ${page} ends with "${lines.at(-1)}"`).toBeUndefined()
        checked++
      }
    }
    expect(checked).toBeGreaterThan(7)
  })
})

/** The fixture's highlight photos as five highlights of one photo each. */
function singles(highlights: readonly HighlightModel[]): HighlightModel[] {
  return highlights
    .flatMap((h) => h.photos)
    .slice(0, 5)
    .map((photo, i) => ({ id: `single-${i}`, title: `Single Event Number ${i + 1}`, eventDate: `2024-05-0${i + 1}`, photos: [photo] }))
}

describe('the last page of the essays', () => {
  const LINE = 9.4 * 1.42

  it('balances its two columns and, when there is room, starts the next section below them', async () => {
    let shared = 0
    let balanced = 0
    // Shorten the second essay block by block, so that the essays end at many heights.
    for (let cut = 0; cut <= 6; cut++) {
      const model = structuredClone(base)
      const essays = model.sections[0]
      if (essays.kind !== 'essays') throw new Error('fixture starts with essays')
      const second = essays.essays[1]
      second.body = second.body.slice(0, second.body.length - cut)
      // Highlights of one photo each: a grid, whose first row fits under the columns.
      model.sections = model.sections.map((s) => (s.kind === 'highlights' ? { ...s, highlights: singles(s.highlights) } : s))
      const last = second.body.at(-1)
      // An essay ends with a paragraph (a cut that leaves a heading last is no issue).
      if (last?.type !== 'paragraph') continue
      const result = await renderIssuePdf(model)
      const file = save(`cut-${cut}.pdf`, result.pdf)
      const ending = textPattern(last.runs.map((r) => r.text).join('').slice(-30))
      let page = 1
      while (page <= result.pageCount && !ending.test(readable(pdftotext(file, page)))) page++
      expect(page, `cut ${cut}: the essays end somewhere`).toBeLessThanOrEqual(result.pageCount)
      if (page === 1) continue

      const highlights = result.toc.find((e) => e.group === 'Highlights at the Korea Centre')
      const words = pdfwords(file, page)
      const title = words.find((w, i) => w.text === 'Highlights' && words[i + 1]?.text === 'at' && w.yMax - w.yMin > 14)
      // The next section starts on this page (below the columns) or on the next one.
      expect(highlights?.page === page).toBe(Boolean(title))
      const essay = words.filter((w) => w.yMax < (title ? title.yMin : 780) && !/^\u3164+$/.test(w.text))
      const bottom = (column: 0 | 1) => Math.max(...essay.filter((w) => (w.xMin < 297) === (column === 0)).map((w) => w.yMax))
      const [left, right] = [bottom(0), bottom(1)]
      if (Number.isFinite(right)) {
        // Within a few lines; a figure (which never breaks) in the left column may leave more.
        const figure = essay.some((w) => w.xMin < 297 && w.text === 'Poster')
        expect(Math.abs(left - right), `cut ${cut}: columns end at ${left} and ${right}`).toBeLessThan((figure ? 5 : 3) * LINE)
        balanced++
      }
      if (title) {
        expect(title.yMin).toBeGreaterThan(Math.max(left, Number.isFinite(right) ? right : 0))
        shared++
      }
      // The contents numbers still hold, and the essay still reads whole, column 1 first.
      for (const entry of result.toc) {
        expect(readable(pdftotext(file, entry.page)), `cut ${cut}: ${entry.title} on page ${entry.page}`).toMatch(textPattern(entry.title))
      }
      const text = readable(Array.from({ length: result.pageCount }, (_, i) => pageLines(file, i + 1).join('\n')).join('\n'))
      for (const block of second.body) {
        if (block.type === 'paragraph') expect(text, `cut ${cut}: a paragraph reads whole`).toMatch(textPattern(block.runs.map((r) => r.text).join('')))
      }
    }
    expect(balanced).toBeGreaterThan(2)
    expect(shared).toBeGreaterThan(0)
  }, 300_000)
})

describe('highlights with one photo each', () => {
  it('are set in a grid, titles above the photos, and fit in a page or two', async () => {
    const model = structuredClone(base)
    const section = model.sections.find((s) => s.kind === 'highlights')
    if (section?.kind !== 'highlights') throw new Error('fixture has no highlights')
    const [group] = section.highlights
    // Five single-photo groups, then one with several photos, which keeps its own rows.
    section.highlights = [...singles(section.highlights), group]
    const result = await renderIssuePdf(model)
    const file = save('grid.pdf', result.pdf)
    const starts = result.toc.filter((e) => e.group === section.title).map((e) => e.page)
    expect(starts.slice(0, 5).at(-1)! - starts[0]).toBeLessThanOrEqual(1)
    const words = pdfwords(file, starts[0])
    const tops = [1, 2, 3].map((n) => {
      const i = words.findIndex((w, k) => w.text === 'Number' && words[k + 1]?.text === String(n))
      return i >= 0 ? words[i].yMin : undefined
    })
    // The first three titles share a line: a row of the grid.
    expect(tops.every((t) => t !== undefined)).toBe(true)
    expect(Math.max(...(tops as number[])) - Math.min(...(tops as number[]))).toBeLessThan(1)
    for (const line of ['Single Event Number 4', 'Single Event Number 5', group.title]) {
      expect(readable(pdftotext(file))).toMatch(textPattern(line))
    }
  })
})

describe('the table of contents passes', () => {
  /** So many essays that the contents box no longer fits beside the lead essay on page 1. */
  function crowded(): IssueModel {
    const model = structuredClone(base)
    const first = model.sections[0]
    if (first.kind !== 'essays') throw new Error('fixture starts with essays')
    const template = first.essays[1]
    const extra: EssayModel[] = Array.from({ length: 16 }, (_, i) => ({
      ...template,
      id: `extra-${i}`,
      slug: `extra-${i}`,
      title: `Short Note ${i + 1} on Regional Cooperation in Practice and in Principle`,
      standfirst: undefined,
      body: [{ type: 'paragraph', runs: runs('A short note, long enough to fill a good part of a column, and to push the next one along. '.repeat(6)) }],
    }))
    first.essays.push(...extra)
    return model
  }

  it('renders again when the contents box moves the pages, and the numbers hold', async () => {
    const result = await renderIssuePdf(crowded(), { cache: false })
    expect(result.passes).toBeGreaterThanOrEqual(2)
    const file = save('crowded.pdf', result.pdf)
    for (const entry of result.toc) {
      expect(readable(pdftotext(file, entry.page)), `${entry.title} on page ${entry.page}`).toMatch(textPattern(entry.title))
    }
  })

  it('fails clearly when the numbers do not settle within the allowed passes', async () => {
    await expect(renderIssuePdf(crowded(), { cache: false, maxPasses: 1 })).rejects.toThrow(
      /table of contents did not settle after 1 pass/,
    )
  })
})

describe('issues of other shapes', () => {
  const variants: Array<[string, (m: IssueModel) => IssueModel]> = [
    ['no essays', (m) => ({ ...m, sections: m.sections.filter((s) => s.kind !== 'essays') })],
    ['essays after the other sections', (m) => ({ ...m, sections: [...m.sections.slice(1), m.sections[0]] })],
    [
      'empty highlights and chronology, no cover quote or committee',
      (m) => ({
        ...m,
        coverPullQuote: undefined,
        editorialCommittee: [],
        sections: m.sections.map((s) => {
          if (s.kind === 'highlights') return { ...s, highlights: [] }
          if (s.kind === 'chronology') return { ...s, chronology: { ...s.chronology, entries: [], intro: [], sourcesNote: [] } }
          return s
        }),
      }),
    ],
  ]

  for (const [name, reshape] of variants) {
    it(`renders an issue with ${name}`, async () => {
      const model = reshape(structuredClone(base))
      const result = await renderIssuePdf(model, { cache: false })
      const file = save(`${name.replace(/\W+/g, '-')}.pdf`, result.pdf)
      expect(result.toc.length).toBeGreaterThan(0)
      for (const entry of result.toc) {
        expect(readable(pdftotext(file, entry.page)), `${entry.title} on page ${entry.page}`).toMatch(textPattern(entry.title))
      }
      expect(pdffonts(file).every((f) => f.embedded && !/Helvetica/.test(f.name))).toBe(true)
    })
  }
})

describe('glyph coverage', () => {
  it('reports characters no font covers, with where they are', () => {
    const model = structuredClone(base)
    const chronology = chronologyOf(model)
    chronology.entries[0] = { ...chronology.entries[0], paragraphs: ['A delegation celebrated 🎉 the agreement in हिन्दी.'] }
    const found = findUncoveredCharacters(model)
    const where = `sections[4].chronology.entries[0].paragraphs[0]`
    expect(found).toContainEqual({ char: '🎉', codePoint: 'U+1F389', where })
    expect(found).toContainEqual({ char: 'ह', codePoint: 'U+0939', where })
    // Everything else in the fixture is covered: Latin, Vietnamese, Hangul, CO₂, dashes, quotes.
    expect(found.every((f) => f.where === where)).toBe(true)
  })

  it('prints uncovered characters as "?" rather than falling back to a non-embedded font', async () => {
    const model = structuredClone(base)
    const chronology = chronologyOf(model)
    chronology.entries[0] = { ...chronology.entries[0], paragraphs: ['Fireworks 🎆 closed the festival.'] }
    const result = await renderIssuePdf(model, { cache: false })
    expect(result.uncoveredCharacters.map((u) => u.char)).toEqual(['🎆'])
    const file = save('uncovered.pdf', result.pdf)
    expect(pdftotext(file)).toContain('Fireworks ? closed the festival.')
    for (const font of pdffonts(file)) {
      expect(font.embedded, font.name).toBe(true)
      expect(font.name).not.toMatch(/Helvetica/)
    }
  })
})

describe('hyphenation', () => {
  it('splits plain English words into syllables that rebuild the word', () => {
    const parts = hyphenateWord('cooperation')
    expect(parts.length).toBeGreaterThan(2)
    expect(parts.join('')).toBe('cooperation')
    expect(hyphenateWord('partnership,').join('')).toBe('partnership,')
  })

  it('keeps names, acronyms, numbers, URLs and short words whole', () => {
    for (const word of ['Pyongyang', 'ASEAN-ROK', 'US$39', 'https://press.example.org/books', 'Nguyễn', 'the']) {
      expect(hyphenateWord(word)).toEqual([word])
    }
  })

  it('honours soft hyphens the editors typed', () => {
    expect(hyphenateWord('multi\u00adlateral')).toEqual(['multi', 'lateral'])
  })
})
