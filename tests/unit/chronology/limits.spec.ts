import { describe, expect, it } from 'vitest'

import { CHRONOLOGY_IMPORT_LIMITS, listed, megabytes, noEntries, sizeProblem, tooManyEntries } from '@/chronology/limits'
import { parseChronology } from '@/chronology/parse'

const MB = 1024 * 1024

/** "April 2024" then `n` entries, one a line: the heading is line 1, entry k is on line k + 1. */
function aprilWith(n: number): string {
  return ['April 2024', ...Array.from({ length: n }, (_, k) => `${(k % 30) + 1}\tEvent number ${k + 1} took place.`)].join('\n')
}

describe('the size of a chronology import', () => {
  it('takes text up to its limit and names the limit, the size and the file beyond it', () => {
    expect(sizeProblem(CHRONOLOGY_IMPORT_LIMITS.textBytes, 'april.txt')).toBeUndefined()
    expect(sizeProblem(25 * MB, 'april.txt')).toMatch(/^the file "april\.txt" is 25 MB; the chronology import takes at most 2 MB of text at a time/)
    expect(sizeProblem(2.5 * MB)).toMatch(/^the pasted text is 2\.5 MB; the chronology import takes at most 2 MB of text/)
  })

  it('gives a Word file more room, since it is zipped and may carry pictures', () => {
    expect(sizeProblem(9 * MB, 'april.docx')).toBeUndefined()
    expect(sizeProblem(11 * MB, 'april.docx')).toMatch(/"april\.docx" is 11 MB; the chronology import takes a Word file of at most 10 MB/)
    expect(sizeProblem(3 * MB, 'april.html')).toMatch(/at most 2 MB of text/)
  })

  it('writes sizes as editors read them', () => {
    expect(megabytes(25 * MB)).toBe('25 MB')
    expect(megabytes(2 * MB)).toBe('2 MB')
    expect(megabytes(2.46 * MB)).toBe('2.5 MB')
  })
})

describe('the number of entries in one import', () => {
  it('reads a document of exactly the limit in full', () => {
    const result = parseChronology(aprilWith(CHRONOLOGY_IMPORT_LIMITS.entries), { maxEntries: CHRONOLOGY_IMPORT_LIMITS.entries })
    expect(result.tooManyEntries).toBeUndefined()
    expect(result.entries).toHaveLength(CHRONOLOGY_IMPORT_LIMITS.entries)
  })

  it('stops at the first entry too many and says on which line it is', () => {
    const limit = CHRONOLOGY_IMPORT_LIMITS.entries
    const result = parseChronology(aprilWith(limit + 5000), { maxEntries: limit })
    expect(result.tooManyEntries).toEqual({ line: limit + 2, limit })
    // Stopped there: what follows was not read.
    expect(result.entries.length).toBeLessThanOrEqual(limit)
    expect(tooManyEntries(limit + 2, 'year.txt')).toBe(
      '"year.txt" has more than 2,000 entries (entry 2,001 is on line 2,002); the chronology import takes at most 2,000 entries at a time (a quarter has about 300). Split it, e.g. by month, and import the parts one after the other.',
    )
  })

  it('counts lines with a day even when the day cannot be read', () => {
    const text = ['April 2024', '1\tOne.', '2\tTwo.', '45th\tNot a day.', '3\tThree.'].join('\n')
    expect(parseChronology(text, { maxEntries: 2 }).tooManyEntries).toEqual({ line: 4, limit: 2 })
  })

  it('says what was expected when a document has no entries', () => {
    expect(noEntries('empty.txt')).toMatch(/^no chronology entries found in "empty\.txt": expected a month heading \("April 2024"\) then one entry a line/)
    expect(noEntries()).toMatch(/in the pasted text:/)
  })
})

describe('the lists in an import report', () => {
  it('shows at most the limit and counts the rest', () => {
    const items = Array.from({ length: 1000 }, (_, i) => i)
    expect(listed(items)).toEqual({ shown: items.slice(0, CHRONOLOGY_IMPORT_LIMITS.listed), omitted: 1000 - CHRONOLOGY_IMPORT_LIMITS.listed })
    expect(listed([1, 2])).toEqual({ shown: [1, 2], omitted: 0 })
  })
})
