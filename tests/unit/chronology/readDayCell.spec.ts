import { describe, expect, it } from 'vitest'
import {
  isValidIsoDate,
  looksLikeDayCell,
  matchLeadingDayCell,
  readDayCell,
  readMonthHeading,
  type MonthHeading,
} from '@/chronology/readDayCell'

const april2024: MonthHeading = { year: 2024, month: 4 }
const june2024: MonthHeading = { year: 2024, month: 6 }
const december2024: MonthHeading = { year: 2024, month: 12 }
const january2025: MonthHeading = { year: 2025, month: 1 }

function dates(cell: string, heading: MonthHeading | undefined): [string, string] | string {
  const reading = readDayCell(cell, heading)
  return reading.ok ? [reading.startDate, reading.endDate] : reading.problem
}

describe('readDayCell: every form editors write', () => {
  it.each([
    ['1st', april2024, '2024-04-01', '2024-04-01'],
    ['3', april2024, '2024-04-03', '2024-04-03'],
    ['3 April', april2024, '2024-04-03', '2024-04-03'],
    ['3rd of April', april2024, '2024-04-03', '2024-04-03'],
    ['3rd-4th', april2024, '2024-04-03', '2024-04-04'],
    ['23rd - 26th', april2024, '2024-04-23', '2024-04-26'],
    ['7-8th', april2024, '2024-04-07', '2024-04-08'],
    ['12-13th', april2024, '2024-04-12', '2024-04-13'],
    ['25th- 31st', { year: 2024, month: 5 }, '2024-05-25', '2024-05-31'],
    ['1st-3rd', april2024, '2024-04-01', '2024-04-03'],
    ['3rd–4th', april2024, '2024-04-03', '2024-04-04'], // en dash
    ['3rd—4th', april2024, '2024-04-03', '2024-04-04'], // em dash
    ['3rd to 4th', april2024, '2024-04-03', '2024-04-04'],
    ['3-4 April', april2024, '2024-04-03', '2024-04-04'],
    ['**12th**', april2024, '2024-04-12', '2024-04-12'], // Markdown bold around the cell
    ['29th June -4th July', june2024, '2024-06-29', '2024-07-04'],
    ['30th June - 3 July', june2024, '2024-06-30', '2024-07-03'],
    ['30th December - 2nd January', december2024, '2024-12-30', '2025-01-02'],
    ['31st December – 1st January', january2025, '2024-12-31', '2025-01-01'], // filed under January
    ['30th December 2024 – 2nd January 2025', undefined, '2024-12-30', '2025-01-02'],
    ['30th December – 2nd January 2025', undefined, '2024-12-30', '2025-01-02'],
    ['3rd April 2024', undefined, '2024-04-03', '2024-04-03'],
    ['2024-04-03', undefined, '2024-04-03', '2024-04-03'],
    ['2024-04-03 to 2024-04-05', undefined, '2024-04-03', '2024-04-05'],
    ['29th February', { year: 2024, month: 2 }, '2024-02-29', '2024-02-29'], // a leap year
  ])('%s', (cell, heading, start, end) => {
    expect(dates(cell, heading)).toEqual([start, end])
  })
})

describe('readDayCell: what cannot be dated', () => {
  it.each([
    ['31st April', april2024, /no 31st April 2024 \(April has 30 days\)/],
    ['29th February', { year: 2023, month: 2 }, /no 29th February 2023/],
    ['0', april2024, /no 0th April 2024/],
    ['26th - 23rd', april2024, /ends \(23rd April 2024\) before it starts \(26th April 2024\)/],
    ['4th July - 29th June', june2024, /ends \(29th June 2024\) before it starts \(4th July 2024\)/],
    ['2024-04-05 to 2024-04-03', undefined, /ends .* before it starts/],
    ['2024-13-01', undefined, /no month 13/],
    ['3rd', undefined, /before any month heading/],
    ['3 April', undefined, /before any month heading/], // no year anywhere
    ['early April', april2024, /is not a day, a date or a range of days/],
  ])('%s', (cell, heading, problem) => {
    expect(dates(cell, heading)).toMatch(problem)
  })

  it('suggests naming both months when a range of bare days runs backwards', () => {
    expect(dates('30th - 2nd', june2024)).toMatch(/name both months, e\.g\. "30th June – 2nd July"/)
  })

  it('reads a wrong ordinal by its digits but asks the editor to check it', () => {
    const reading = readDayCell('23th', april2024)
    expect(reading).toEqual({ ok: true, startDate: '2024-04-23', endDate: '2024-04-23', notes: ['"23th" is read as the 23rd; check the day'] })
  })
})

describe('matchLeadingDayCell: a day written without a tab', () => {
  it('takes the day when the text starts like a sentence', () => {
    expect(matchLeadingDayCell('5th The minister met')).toMatchObject({ cell: '5th', rest: 'The minister met' })
    expect(matchLeadingDayCell('3 April The minister met')).toMatchObject({ cell: '3 April', rest: 'The minister met' })
    expect(matchLeadingDayCell('5th - "Quoted" title')).toMatchObject({ cell: '5th', rest: '"Quoted" title' })
    expect(matchLeadingDayCell('23rd - 26th General Mao')).toMatchObject({ cell: '23rd - 26th', rest: 'General Mao' })
  })

  it('refuses what could be the start of a sentence', () => {
    expect(matchLeadingDayCell('12 Ministers met in Hanoi')).toBeUndefined() // a bare number
    expect(matchLeadingDayCell('5th of the ministers')).toBeUndefined() // lower case follows
    expect(matchLeadingDayCell('3 Mayors met')).toBeUndefined() // "May" inside a word
  })
})

describe('looksLikeDayCell: an attempt at a day, so failing to read it is an error', () => {
  it.each(['early April', '3rd & 5th', '1st-2nd-3rd', 'mid-May', '123rd', 'TBC 2024'])('%s is an attempt', (cell) => {
    expect(looksLikeDayCell(cell)).toBe(true)
  })
  it.each(['Date', 'Highlights at the Korea Centre', '12 ministers', 'April', 'April 2024 to June 2024', ''])('%s is not', (cell) => {
    expect(looksLikeDayCell(cell)).toBe(false)
  })
})

describe('readMonthHeading', () => {
  it.each([
    ['April 2024', 2024, 4],
    ['APRIL 2024', 2024, 4],
    ['## April 2024', 2024, 4],
    ['**April 2024**', 2024, 4],
    ['Apr. 2024:', 2024, 4],
    ['September, 2024', 2024, 9],
  ])('%s', (text, year, month) => {
    expect(readMonthHeading(text, undefined)).toEqual({ heading: { year, month }, yearGuessed: false })
  })

  it('takes a missing year from the heading before, into the next year after December', () => {
    expect(readMonthHeading('May', april2024)).toEqual({ heading: { year: 2024, month: 5 }, yearGuessed: true })
    expect(readMonthHeading('January', december2024)).toEqual({ heading: { year: 2025, month: 1 }, yearGuessed: true })
    expect(readMonthHeading('May', undefined)).toBeUndefined()
  })

  it('is not fooled by the period line or a day', () => {
    expect(readMonthHeading('April 2024 to June 2024', undefined)).toBeUndefined()
    expect(readMonthHeading('3 April 2024', undefined)).toBeUndefined()
    expect(readMonthHeading('Mayors 2024', undefined)).toBeUndefined()
  })
})

describe('isValidIsoDate', () => {
  it('accepts real days only', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true)
    expect(isValidIsoDate('2023-02-29')).toBe(false)
    expect(isValidIsoDate('2024-4-1')).toBe(false)
    expect(isValidIsoDate(20240401)).toBe(false)
  })
})
