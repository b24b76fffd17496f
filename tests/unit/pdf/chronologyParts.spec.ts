import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatMonthHeading } from '@/chronology/dayCell'
import type { ChronologyEntryModel, IssueModel } from '@/issue/model'
import { clearPdfCache, renderIssuePdf } from '@/render/pdf'
import { makeIssueModel } from '../../fixtures/issueModel'
import { pdftotext } from './pdfTools'

/**
 * A long chronology is set in parts of about a page (issue 14), each starting where the one
 * before ended. A reader sees one chronology: every entry once, in date order, each month's
 * heading once; and a re-render after one entry changed lays out only that entry's part.
 */

const ENTRIES = 150
const FILLER = 'Officials of both governments reviewed the progress of cooperation projects begun in 2023 on trade and the training of officials.'

let dir: string
let model: IssueModel

function withEntries(base: IssueModel, entries: ChronologyEntryModel[]): IssueModel {
  return {
    ...base,
    sections: base.sections.map((s) => (s.kind === 'chronology' ? { ...s, chronology: { ...s.chronology, entries } } : s)),
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-pdf-parts-'))
  const base = await makeIssueModel(path.join(dir, 'images'))
  const entries = Array.from({ length: ENTRIES }, (_, i): ChronologyEntryModel => {
    const month = 4 + Math.floor(i / 50)
    const date = `2024-0${month}-${String(1 + Math.floor((i % 50) / 2)).padStart(2, '0')}`
    // One to nine lines: some split across a page end, most move whole.
    const text = `Item${String(i).padStart(3, '0')} ` + Array.from({ length: 1 + ((i * 7) % 9) }, () => FILLER).join(' ')
    return { id: `part-${i}`, startDate: date, endDate: date, orderInDay: i % 2, countries: ['KR'], paragraphs: [text] }
  })
  model = withEntries(base, entries)
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const chronologyOf = (m: IssueModel) => {
  const section = m.sections.find((s) => s.kind === 'chronology')
  if (section?.kind !== 'chronology') throw new Error('the fixture has no chronology')
  return section.chronology
}

describe('a long chronology set in parts', () => {
  it('reads as one: every entry once and in date order, each month heading once', async () => {
    const result = await renderIssuePdf(model, { cache: false })
    const file = path.join(dir, 'parts.pdf')
    writeFileSync(file, result.pdf)
    const text = pdftotext(file).replace(/\s+/g, ' ')
    const seen = [...text.matchAll(/Item(\d{3}) /g)].map((m) => Number(m[1]))
    expect(seen).toEqual(Array.from({ length: ENTRIES }, (_, i) => i))
    for (const month of ['2024-04-01', '2024-05-01', '2024-06-01']) {
      const heading = formatMonthHeading(month).toUpperCase()
      // Not a date ("14 MAY 2024" under a highlight): the heading itself.
      expect(text.match(new RegExp(`(?<![0-9] )${heading}`, 'g'))?.length, heading).toBe(1)
    }
  })

  it('lays out only the changed entry’s part again when one entry changed', async () => {
    clearPdfCache()
    const first = await renderIssuePdf(model, { cache: true })
    const entries = [...chronologyOf(model).entries]
    const middle = Math.floor(ENTRIES / 2)
    // A wrong year fixed (figures are all one width): the parts after it start where they did.
    const fixed = entries[middle].paragraphs[0].replace('in 2023', 'in 2021')
    entries[middle] = { ...entries[middle], paragraphs: [fixed] }
    const again = await renderIssuePdf(withEntries(model, entries), { cache: true })
    expect(again.pageCount).toBe(first.pageCount)
    expect(first.laidOut.pages).toBeGreaterThan(15)
    // Its part (a page or three), never the whole chronology.
    expect(again.laidOut.parts).toBe(1)
    expect(again.laidOut.pages).toBeLessThanOrEqual(4)
    const file = path.join(dir, 'changed.pdf')
    writeFileSync(file, again.pdf)
    expect(pdftotext(file).replace(/\s+/g, ' ')).toContain('begun in 2021')
  })
})
