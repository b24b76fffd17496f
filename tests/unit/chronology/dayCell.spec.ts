import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDayCell, formatMonthHeading, monthName, ordinal, splitIsoDate } from '@/chronology/dayCell'
import { readDayCell, readMonthHeading } from '@/chronology/readDayCell'

describe('ordinal', () => {
  it.each([
    [1, '1st'], [2, '2nd'], [3, '3rd'], [4, '4th'], [10, '10th'],
    [11, '11th'], [12, '12th'], [13, '13th'], // the teens take "th"
    [21, '21st'], [22, '22nd'], [23, '23rd'], [31, '31st'], [101, '101st'], [111, '111th'],
  ])('%i -> %s', (day, expected) => {
    expect(ordinal(day)).toBe(expected)
  })
})

describe('monthName', () => {
  it('names months 1 to 12 and nothing else', () => {
    expect(monthName(1)).toBe('January')
    expect(monthName(12)).toBe('December')
    expect(monthName(0)).toBe('')
    expect(monthName(13)).toBe('')
  })
})

describe('splitIsoDate', () => {
  it('reads the numbers of a YYYY-MM-DD date', () => {
    expect(splitIsoDate('2024-04-09')).toEqual({ year: 2024, month: 4, day: 9 })
  })
})

describe('formatDayCell: the house style', () => {
  it('prints one day as an ordinal', () => {
    expect(formatDayCell('2024-04-01')).toBe('1st')
    expect(formatDayCell('2024-04-22', '2024-04-22')).toBe('22nd')
  })

  it('prints days in one month with an en dash and no spaces', () => {
    expect(formatDayCell('2024-04-03', '2024-04-04')).toBe('3rd–4th')
    expect(formatDayCell('2024-04-23', '2024-04-26')).toBe('23rd–26th')
  })

  it('names both months when a range crosses a month', () => {
    expect(formatDayCell('2024-06-29', '2024-07-04')).toBe('29th June – 4th July')
  })

  it('names both years when a range crosses the year end', () => {
    expect(formatDayCell('2024-12-30', '2025-01-02')).toBe('30th December 2024 – 2nd January 2025')
  })

  it('names the month heading an entry is filed under', () => {
    expect(formatMonthHeading('2024-04-09')).toBe('April 2024')
  })
})

describe('formatDayCell and the parser agree', () => {
  // Whatever the house style prints, pasted back under its month heading, reads as the same dates.
  const day = fc
    .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10))

  it('round-trips any range of up to 100 days', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 100 }), (startDate, span) => {
        const end = new Date(`${startDate}T00:00:00Z`)
        end.setUTCDate(end.getUTCDate() + span)
        const endDate = end.toISOString().slice(0, 10)
        const heading = readMonthHeading(formatMonthHeading(startDate), undefined)?.heading
        expect(readDayCell(formatDayCell(startDate, endDate), heading)).toEqual({ ok: true, startDate, endDate, notes: [] })
      }),
    )
  })
})
