import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChronologyEntryModel, IssueModel } from '@/issue/model'
import { renderIssuePdf } from '@/render/pdf'
import { formatDayCell } from '@/chronology/dayCell'
import { makeIssueModel } from '../../fixtures/issueModel'
import { pdfwords, type PdfWord } from './pdfTools'

/**
 * The day cell goes with its entry's first line: an entry that starts at the foot of a page
 * has its day cell there (and three of its lines at least), an entry that goes on to the next
 * page repeats its day cell there marked "(cont.)" (and only there), and a day cell never
 * breaks inside a date. Entries of every length
 * (1 to 14 lines, one or two paragraphs) are set until many straddle a page end.
 */

let dir: string
let file: string
let pageCount: number
let entries: ChronologyEntryModel[]

const FILLER = 'Officials of both governments reviewed the progress of cooperation projects on infrastructure, trade and the training of officials, and agreed to meet again before the end of the year to assess the results.'

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-pdf-cells-'))
  const base = await makeIssueModel(path.join(dir, 'images'))
  entries = Array.from({ length: 70 }, (_, i) => {
    const day = 1 + Math.floor(i / 3)
    const month = day > 30 ? 5 : 4
    const d = day > 30 ? day - 30 : day
    const start = `2024-0${month}-${String(d).padStart(2, '0')}`
    // Every seventh entry runs across a month end: "29th June – 4th July".
    const end = i % 7 === 3 ? `2024-0${month + 1}-04` : start
    const sentences = 1 + ((i * 5) % 11)
    const first = `Entry${i} ` + Array.from({ length: sentences }, () => FILLER).join(' ')
    return {
      id: `cell-${i}`,
      startDate: start,
      endDate: end,
      orderInDay: i % 3,
      countries: ['KR'],
      paragraphs: i % 4 === 0 ? [first, `Second paragraph of entry ${i}: ${FILLER}`] : [first],
    }
  })
  const chronology = base.sections.find((s) => s.kind === 'chronology')
  if (chronology?.kind !== 'chronology') throw new Error('fixture has a chronology')
  const model: IssueModel = {
    ...base,
    sections: [{ ...chronology, chronology: { ...chronology.chronology, periodEnd: '2024-06-30', intro: [], entries } }],
  }
  const result = await renderIssuePdf(model, { cache: false })
  pageCount = result.pageCount
  file = path.join(process.env.KEEP_PDF_DIR ?? dir, 'cells.pdf')
  writeFileSync(file, result.pdf)
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Day-cell words sit left of the event column (which starts at 50 + 84 pt). */
const DAY_X = 130
const DAY_WORD = /^(\d{1,2}(st|nd|rd|th)|April|May|June|July|–|\(cont\.?\))/
const isDayWord = (w: PdfWord) => w.xMax < DAY_X && w.yMin < 780 && DAY_WORD.test(w.text)
/** Day-cell words of a page; not the chronology's period line ("April 2024 to June 2024"). */
const dayWords = (words: PdfWord[]) =>
  words.filter((w) => isDayWord(w) && !words.some((o) => /^\d{4}$/.test(o.text) && Math.abs(o.yMin - w.yMin) < 1))

describe('chronology day cells', () => {
  it('sit beside the first line of their entry, on the page where the entry starts', () => {
    let straddling = 0
    const misplaced: string[] = []
    for (let page = 1; page <= pageCount; page++) {
      const words = pdfwords(file, page)
      const days = dayWords(words)
      const starts = words.filter((w) => /^Entry\d+$/.test(w.text))
      for (const start of starts) {
        const beside = days.some((d) => Math.abs(d.yMin - start.yMin) < 3)
        if (!beside) misplaced.push(`page ${page}: ${start.text} has no day cell beside its first line`)
        // Where an entry starts, its day cell is not marked as going on.
        if (days.some((d) => /^\(cont/.test(d.text) && d.yMin > start.yMin - 3 && d.yMin < start.yMin + 25)) misplaced.push(`page ${page}: ${start.text} starts beside a "(cont.)" cell`)
      }
      // A day cell with no entry starting beside it belongs to an entry that started elsewhere.
      const lines = new Set(days.filter((d) => !/^\(cont\.?\)$/.test(d.text)).map((d) => Math.round(d.yMin)))
      for (const y of lines) {
        // A continued entry's repeated day cell ends in "(cont.)" (on its line or the next ones).
        const rowStart = starts.some((s) => Math.abs(s.yMin - y) < 3) || days.some((d) => d.yMin > y - 3 && d.yMin < y + 25 && /^\(cont/.test(d.text))
        const under = days.some((d) => d.yMin < y - 3 && d.yMin > y - 14) // second line of a two-line day cell
        if (!rowStart && !under) misplaced.push(`page ${page}: a day cell at y ${y} beside no entry's first line`)
      }
      const bottom = Math.max(...words.filter((w) => w.xMin > DAY_X && w.yMax < 780).map((w) => w.yMax))
      const lastStart = starts.at(-1)
      if (lastStart && bottom - lastStart.yMin > 30 && page < pageCount) straddling++
    }
    expect(misplaced).toEqual([])
    expect(straddling).toBeGreaterThan(3)
  })

  it('repeat the day cell, marked "(cont.)", beside the first line of an entry continued on the next page', () => {
    let last: number | undefined
    let lastLines = 0
    let continued = 0
    const problems: string[] = []
    for (let page = 1; page <= pageCount; page++) {
      const words = pdfwords(file, page)
      const body = words.filter((w) => w.xMin > DAY_X && w.yMax < 780 && !/^\u3164+$/.test(w.text))
      const top = Math.min(...body.map((w) => w.yMin))
      const startsHere = body.filter((w) => /^Entry\d+$/.test(w.text))
      // The page opens with the tail of the entry last started on the page before.
      if (last !== undefined && !startsHere.some((w) => Math.abs(w.yMin - top) < 3) && !body.some((w) => Math.abs(w.yMin - top) < 3 && /^[A-Z]{3,}$/.test(w.text))) {
        continued++
        // An entry that goes on to the next page starts only where three of its lines fit.
        if (lastLines < 3) problems.push(`page ${page - 1}: Entry${last} starts with ${lastLines} line(s) at the foot of the page`)
        const entry = entries[last]
        const cell = dayWords(words).filter((d) => d.yMin > top - 3 && d.yMin < top + 25)
        const first = formatDayCell(entry.startDate, entry.endDate).split(' ')[0]
        if (!cell.some((d) => d.text === first && Math.abs(d.yMin - top) < 3) || !cell.some((d) => /^\(cont\.\)$/.test(d.text))) {
          problems.push(`page ${page}: Entry${last} goes on here, beside "${cell.map((d) => d.text).join(' ')}"`)
        }
      }
      const lastHere = startsHere.at(-1)
      if (lastHere) {
        last = Number(lastHere.text.slice('Entry'.length))
        lastLines = new Set(body.filter((w) => w.yMin > lastHere.yMin - 3).map((w) => Math.round(w.yMin))).size
      }
    }
    expect(continued).toBeGreaterThan(3)
    expect(problems).toEqual([])
  })

  it('never break inside a date', () => {
    for (let page = 1; page <= pageCount; page++) {
      const days = dayWords(pdfwords(file, page))
      days.forEach((w, i) => {
        // A month name is always on the line of its day: "4th July", never "4th" / "July".
        // pdftotext reads "4th July" (no-break space) as one word, or as two on one line.
        if (/^(April|May|June|July)/.test(w.text)) {
          const before = days[i - 1]
          expect(before && /^\d+(st|nd|rd|th)$/.test(before.text) && Math.abs(before.yMin - w.yMin) < 1, `page ${page}: "${before?.text}" / "${w.text}"`).toBe(true)
        }
        if (/^\d+(st|nd|rd|th)$/.test(w.text) && w.text === days[i].text) {
          const next = days[i + 1]
          if (next && /^(April|May|June|July)/.test(next.text)) expect(Math.abs(next.yMin - w.yMin), `page ${page}: "${w.text}" / "${next.text}"`).toBeLessThan(1)
        }
      })
    }
  })
})
