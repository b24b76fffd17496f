import { describe, expect, it } from 'vitest'

import { planImport, SIMILAR_TEXT, textSimilarity, type StoredEntry } from '@/chronology/importPlan'
import { parseChronology, type ParsedEntry } from '@/chronology/parse'
import { readAprilFixture } from './support/fixture'

const parse = (...lines: string[]): ParsedEntry[] => parseChronology(['April 2024', ...lines].join('\n')).entries

let serial = 0
function stored(startDate: string, text: string, orderInDay = 0, endDate = startDate): StoredEntry {
  serial += 1
  return { id: serial, startDate, endDate, text, countries: [], orderInDay }
}

describe('matching a document with the stored entries', () => {
  it('finds the same entry again whatever the quotes, dashes, case and spacing', () => {
    const plan = planImport([stored('2024-04-02', 'Korea\'s minister met "ASEAN" envoys – in Seoul.')], parse('2nd\tKorea’s  minister met “ASEAN” envoys - in Seoul.'))
    expect(plan.entries).toMatchObject([{ status: 'unchanged', changes: [], id: serial }])
    expect(plan.reorder).toEqual([])
  })

  it('reads the same text on other dates as corrected dates', () => {
    const old = stored('2024-04-23', 'A delegation visited Seoul.', 0, '2024-04-26')
    const plan = planImport([old], parse('23rd-25th\tA delegation visited Seoul.'))
    expect(plan.entries).toMatchObject([
      { status: 'updated', changes: ['dates'], id: old.id, endDate: '2024-04-25', previous: { endDate: '2024-04-26' } },
    ])
  })

  it('reads a similar text on the same start day as a corrected text, the closest first', () => {
    const a = stored('2024-04-16', 'Ambassador Kim Jae-shin was inaugurated as the sixth secretary-general of the ASEAN-Korea Centre.', 0)
    const b = stored('2024-04-16', 'The People\'s Committee of Long An province held a dialogue with ROK businesses.', 1)
    const plan = planImport(
      [a, b],
      parse(
        '16th\tThe People\'s Committee of Long An province, Vietnam, held a dialogue with ROK businesses.',
        '16th\tAmbassador Kim Jae-shin was inaugurated as the 6th secretary-general of the ASEAN-Korea Centre.',
      ),
    )
    expect(plan.entries.map((e) => [e.status, e.id, e.changes])).toEqual([
      ['updated', b.id, ['text']],
      ['updated', a.id, ['text']],
    ])
    expect(plan.entries[1].previous?.text).toBe(a.text)
  })

  it('takes another event on the same day, or a similar text on another day, as new', () => {
    const old = stored('2024-04-16', 'Ambassador Kim Jae-shin was inaugurated as the sixth secretary-general of the ASEAN-Korea Centre.')
    const plan = planImport(
      [old],
      parse(
        '16th\tThe ASEAN-Korea Centre opened a photo exhibition on the Mekong in Seoul.',
        '17th\tAmbassador Kim Jae-shin was inaugurated as the 6th secretary-general of the ASEAN-Korea Centre.',
      ),
    )
    expect(plan.entries.map((e) => e.status)).toEqual(['new', 'new'])
    expect(plan.kept).toEqual([old])
    expect(plan.notInDocument).toEqual([old])
  })

  it('lists as not in the document only the kept entries of the months it covers', () => {
    const april = stored('2024-04-30', 'An April event.')
    const may = stored('2024-05-02', 'A May event.')
    const plan = planImport([april, may], parse('1st\tSomething else.'))
    expect(plan.notInDocument).toEqual([april])
  })

  it('matches each stored entry once and warns about an entry given twice', () => {
    const plan = planImport([stored('2024-04-05', 'A fair opened.')], parse('5th\tA fair opened.', '5th\tA fair opened.'))
    expect(plan.entries.map((e) => e.status)).toEqual(['unchanged', 'new'])
    expect(plan.warnings).toEqual([{ line: 3, message: expect.stringMatching(/repeats the entry on line 2/) }])
  })
})

describe('the order within a day', () => {
  it('keeps unmatched stored entries first, then the document by start day in its own order', () => {
    const first = stored('2024-04-23', 'An entry typed in the admin.', 0)
    const plan = planImport([first], parse('23rd - 26th\tA four-day visit.', '23rd\tA one-day dialogue.', '22nd\tThe day before.'))
    // The compiler listed the four-day visit first on the 23rd: it stays first.
    expect(plan.entries.map((e) => [e.line, e.orderInDay])).toEqual([
      [2, 1],
      [3, 2],
      [4, 0],
    ])
    expect(plan.reorder).toEqual([])
  })

  it('moves stored entries to match the document without counting them as changed', () => {
    const a = stored('2024-04-16', 'First event.', 1)
    const b = stored('2024-04-16', 'Second event.', 0)
    const plan = planImport([a, b], parse('16th\tFirst event.', '16th\tSecond event.'))
    expect(plan.entries.map((e) => [e.status, e.orderInDay, e.reordered])).toEqual([
      ['unchanged', 0, true],
      ['unchanged', 1, true],
    ])
    expect(plan.reorder).toEqual([
      { id: a.id, orderInDay: 0 },
      { id: b.id, orderInDay: 1 },
    ])
    // Once stored in that order, the same document moves nothing.
    const again = planImport([{ ...a, orderInDay: 0 }, { ...b, orderInDay: 1 }], parse('16th\tFirst event.', '16th\tSecond event.'))
    expect(again.reorder).toEqual([])
  })
})

describe('textSimilarity', () => {
  it('is 1 for the same words, low for different events of the April fixture', () => {
    expect(textSimilarity('A b c', 'a  B c')).toBe(1)
    const entries = parseChronology(readAprilFixture()).entries
    for (const x of entries) {
      for (const y of entries) {
        if (x !== y && x.startDate === y.startDate) expect(textSimilarity(x.paragraphs[0], y.paragraphs[0])).toBeLessThan(SIMILAR_TEXT)
      }
    }
  })
})
