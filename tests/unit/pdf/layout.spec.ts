import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChronologyEntryModel, EssayModel, IssueModel } from '@/issue/model'
import { findUncoveredCharacters, hyphenateWord, renderIssuePdf } from '@/render/pdf'
import { makeIssueModel, runs } from '../../fixtures/issueModel'
import { pdffonts, pdftotext, pdfwords, squash } from './pdfTools'

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
    const started = performance.now()
    const result = await renderIssuePdf(model, { cache: false })
    // Generous: a guard against pathological slowness, not the benchmark.
    expect(performance.now() - started).toBeLessThan(30_000)
    file = save('long.pdf', result.pdf)
    pageCount = result.pageCount
  })

  it('renders all of it, across many pages', () => {
    expect(pageCount).toBeGreaterThan(20)
    const text = squash(pdftotext(file))
    expect(text).toContain(squash('The last entry of the long chronology, number four hundred.'))
    expect(text).toContain(squash('Entry 392 continues with a second paragraph for the record.'))
    for (const month of ['APRIL 2024', 'MAY 2024', 'JUNE 2024']) expect(text).toContain(squash(month))
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
      expect(squash(pdftotext(file, entry.page)), `${entry.title} on page ${entry.page}`).toContain(squash(entry.title))
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
        expect(squash(pdftotext(file, entry.page)), `${entry.title} on page ${entry.page}`).toContain(squash(entry.title))
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
