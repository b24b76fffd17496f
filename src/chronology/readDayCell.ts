/**
 * Reading what editors write in the day column of a chronology ("1st", "3rd-4th",
 * "23rd - 26th", "7-8th", "3 April", "29th June -4th July", "2024-04-03") and month
 * headings ("April 2024"), and turning them into ISO dates. The reverse, printing a day cell
 * from stored dates, is formatDayCell in ./dayCell.
 */
import { monthName, ordinal } from './dayCell'

export interface MonthHeading {
  year: number
  month: number
}

/** One end of a day cell as written: the day, and the month and year when given. */
export interface WrittenDay {
  day: number
  suffix?: string
  month?: number
  year?: number
}

export type DayCellParts =
  | { kind: 'days'; start: WrittenDay; end?: WrittenDay }
  | { kind: 'iso'; start: Required<Omit<WrittenDay, 'suffix'>>; end: Required<Omit<WrittenDay, 'suffix'>> }

export type DayCellReading =
  | { ok: true; startDate: string; endDate: string; notes: string[] }
  | { ok: false; problem: string }

const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?!\p{L})`
const DAY = String.raw`(\d{1,2})(st|nd|rd|th)?(?![\p{L}\p{N}])`
const YEAR = String.raw`(\d{4})(?!\p{N})`
const DATE = String.raw`${DAY}(?:\s+(?:of\s+)?${MONTH}(?:,?\s+${YEAR})?)?`
/** Hyphen, the Unicode dashes, minus sign, full-width hyphen, tilde. */
export const DASHES = String.raw`\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D~`
const RANGE_SEPARATOR = String.raw`(?:\s*[${DASHES}]+\s*|\s+(?:to|until|till|through)\s+)`

const DAYS_CELL = new RegExp(String.raw`^${DATE}(?:${RANGE_SEPARATOR}${DATE})?$`, 'iu')
const ISO_CELL = new RegExp(
  String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s*(?:\/|[${DASHES}]|to|until)\s*(\d{4})-(\d{1,2})-(\d{1,2}))?$`,
  'iu',
)
const HEADING = new RegExp(String.raw`^${MONTH}(?:\s*,?\s*(\d{4}))?$`, 'iu')

function monthNumber(word: string | undefined): number | undefined {
  if (word === undefined) return undefined
  const index = MONTH_KEYS.indexOf(word.slice(0, 3).toLowerCase())
  return index < 0 ? undefined : index + 1
}

function optionalNumber(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text)
}

/** Markdown emphasis, a trailing colon or full stop: decoration around a cell or heading. */
export function undecorate(text: string): string {
  return text
    .trim()
    .replace(/^#{1,6}\s+/, '')
    .replace(/\s+#+$/, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/[\s:.,;]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The parts of a whole day cell, or undefined when it is not one. */
export function matchDayCell(cell: string): DayCellParts | undefined {
  const text = undecorate(cell)
  const iso = ISO_CELL.exec(text)
  if (iso) {
    const start = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }
    const end = iso[4] === undefined ? start : { year: Number(iso[4]), month: Number(iso[5]), day: Number(iso[6]) }
    return { kind: 'iso', start, end }
  }
  const m = DAYS_CELL.exec(text)
  if (!m) return undefined
  const start: WrittenDay = {
    day: Number(m[1]),
    suffix: m[2],
    month: monthNumber(m[3]),
    year: optionalNumber(m[4]),
  }
  if (m[5] === undefined) return { kind: 'days', start }
  const end: WrittenDay = { day: Number(m[5]), suffix: m[6], month: monthNumber(m[7]), year: optionalNumber(m[8]) }
  return { kind: 'days', start, end }
}

/**
 * Without a tab, a day cell only counts when it cannot be the start of a sentence: it has an
 * ordinal ("5th"), a month ("5 May") or is a full date. "12 ministers met" is not an entry.
 */
export function isUnambiguousWithoutTab(parts: DayCellParts): boolean {
  if (parts.kind === 'iso') return true
  const marked = (d: WrittenDay | undefined): boolean => d !== undefined && (d.suffix !== undefined || d.month !== undefined)
  return marked(parts.start) || marked(parts.end)
}

// After a day cell written without a tab the text must start like a sentence: a capital, a
// quotation mark or a bracket, after an optional dash or colon ("5th - The minister").
const SENTENCE_START = /^(?:\s*[:\u2013\u2014-])?\s+(?=[\p{Lu}\p{Lt}"'“‘«([])/u

/**
 * A day cell at the start of a line that has no tab ("5th The minister met..."). Tries the
 * longest reading first, so "3 April The..." is the 3rd of April, not the 3rd.
 */
export function matchLeadingDayCell(text: string): { cell: string; parts: DayCellParts; rest: string } | undefined {
  const limit = Math.min(text.length - 1, 60)
  for (let i = limit; i > 0; i--) {
    if (!/\s/.test(text[i])) continue
    const rest = text.slice(i)
    const sentence = SENTENCE_START.exec(rest)
    if (!sentence) continue
    const cell = undecorate(text.slice(0, i).replace(/[\s:\u2013\u2014-]+$/, ''))
    const parts = matchDayCell(cell)
    if (parts && isUnambiguousWithoutTab(parts)) return { cell, parts, rest: rest.slice(sentence[0].length) }
  }
  return undefined
}

// Words that only ever appear in a day column. A cell made of these (and digits) is an
// attempt at a day, so failing to read it is an error rather than a skipped line.
const DAY_WORDS = new Set([
  'to', 'until', 'till', 'through', 'and', 'of', 'early', 'mid', 'late', 'end', 'beginning',
  'start', 'tbc', 'tbd', 'circa', 'c', 'week', 'weekend', 'st', 'nd', 'rd', 'th',
])

export function looksLikeDayCell(cell: string): boolean {
  const words = undecorate(cell)
    .toLowerCase()
    .split(new RegExp(String.raw`[\s,./&?()${DASHES}]+`, 'u'))
    .filter((w) => w !== '')
  if (words.length === 0 || words.length > 8) return false
  const isDayWord = (w: string): boolean =>
    /^\d{1,4}(?:st|nd|rd|th)?$/.test(w) || (monthNumber(w) !== undefined && HEADING.test(w)) || DAY_WORDS.has(w)
  // Something must stand for the day: a number that is not a year ("April 2024 to June 2024" is the period line), or a vague word.
  const standsForDay = (w: string): boolean => /^\d{1,3}(?:st|nd|rd|th)?$/.test(w) || ['early', 'mid', 'late', 'tbc', 'tbd'].includes(w)
  return words.every(isDayWord) && words.some(standsForDay)
}

/** "April 2024" (also "## April 2024", "**APRIL 2024**", "Apr. 2024:"); a bare "May" takes its year from the heading before. */
export function readMonthHeading(
  flat: string,
  previous: MonthHeading | undefined,
): { heading: MonthHeading; yearGuessed: boolean } | undefined {
  const m = HEADING.exec(undecorate(flat))
  const month = monthNumber(m?.[1])
  if (!m || month === undefined) return undefined
  if (m[2] !== undefined) return { heading: { year: Number(m[2]), month }, yearGuessed: false }
  if (!previous) return undefined
  // "May" after "December 2024" is May 2025.
  return { heading: { year: previous.year + (month < previous.month ? 1 : 0), month }, yearGuessed: true }
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function daysInMonth(year: number, month: number): number {
  // Not Date.UTC: it reads years 0-99 as 1900-1999.
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** A real calendar day written YYYY-MM-DD. */
export function isValidIsoDate(iso: unknown): iso is string {
  const m = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** "3rd April 2024"; "3rd April" when the year goes without saying. */
export function spokenDate(iso: string, withYear = true): string {
  const [year, month, day] = iso.split('-').map(Number)
  return withYear ? `${ordinal(day)} ${monthName(month)} ${year}` : `${ordinal(day)} ${monthName(month)}`
}

/** The year nearest the heading for a month named in a day cell: "31st December" under "January 2025" is 2024. */
function nearestYear(month: number, heading: MonthHeading): number {
  const target = heading.year * 12 + heading.month
  let best = heading.year
  for (const year of [heading.year - 1, heading.year + 1]) {
    if (Math.abs(year * 12 + month - target) < Math.abs(best * 12 + month - target)) best = year
  }
  return best
}

/** A range from a late month into an early one crosses the year end (December -> January). */
function crossesYearEnd(startMonth: number, endMonth: number): boolean {
  return endMonth < startMonth && endMonth + 12 - startMonth <= 2
}

function checkDay(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `there is no month ${month}`
  const days = daysInMonth(year, month)
  if (day >= 1 && day <= days) return undefined
  const name = monthName(month)
  return day >= 1 && day <= 31
    ? `there is no ${ordinal(day)} ${name} ${year} (${name} has ${days} days)`
    : `there is no ${ordinal(day)} ${name} ${year}`
}

/** A wrong ordinal ("23th") is read by its digits, but the editor should check the day. */
function suffixNotes(cell: string, days: WrittenDay[]): string[] {
  return days
    .filter((d) => d.suffix !== undefined && `${d.day}${d.suffix.toLowerCase()}` !== ordinal(d.day))
    .map((d) => `"${cell}" is read as the ${ordinal(d.day)}; check the day`)
}

/** The dates of a day cell, taking the month and year it does not name from the heading above. */
export function readDayCell(cell: string, heading: MonthHeading | undefined): DayCellReading {
  const parts = matchDayCell(cell)
  if (!parts) {
    return {
      ok: false,
      problem: `"${cell}" is not a day, a date or a range of days (write e.g. "3rd", "3rd–4th" or "29th June – 4th July")`,
    }
  }
  let startYear: number, startMonth: number, startDay: number, endYear: number, endMonth: number, endDay: number
  const notes: string[] = []
  if (parts.kind === 'iso') {
    ;({ year: startYear, month: startMonth, day: startDay } = parts.start)
    ;({ year: endYear, month: endMonth, day: endDay } = parts.end)
  } else {
    const { start } = parts
    const end = parts.end ?? start
    notes.push(...suffixNotes(cell, parts.end ? [start, end] : [start]))
    // "3-4 April": the month written after the second day belongs to both.
    const writtenStartMonth = start.month ?? end.month
    const writtenYear = start.year ?? end.year
    if (heading === undefined && (writtenStartMonth === undefined || writtenYear === undefined)) {
      return {
        ok: false,
        problem: `"${cell}" comes before any month heading, so its month and year are unknown; add a heading such as "April 2024" above it`,
      }
    }
    startMonth = writtenStartMonth ?? heading?.month ?? 1
    endMonth = end.month ?? startMonth
    if (start.year !== undefined) startYear = start.year
    else if (end.year !== undefined) startYear = end.year - (crossesYearEnd(startMonth, endMonth) ? 1 : 0)
    else startYear = heading ? nearestYear(startMonth, heading) : 0 // no heading: a year is written (checked above)
    endYear = end.year ?? startYear + (crossesYearEnd(startMonth, endMonth) ? 1 : 0)
    startDay = start.day
    endDay = end.day
  }
  const badStart = checkDay(startYear, startMonth, startDay)
  if (badStart) return { ok: false, problem: `"${cell}": ${badStart}` }
  const badEnd = checkDay(endYear, endMonth, endDay)
  if (badEnd) return { ok: false, problem: `"${cell}": ${badEnd}` }
  const startDate = isoDate(startYear, startMonth, startDay)
  const endDate = isoDate(endYear, endMonth, endDay)
  if (endDate < startDate) {
    const monthsUnwritten = parts.kind === 'days' && parts.start.month === undefined && parts.end?.month === undefined
    const hint = monthsUnwritten
      ? `; if it runs into the next month, name both months, e.g. "${ordinal(startDay)} ${monthName(startMonth)} – ${ordinal(endDay)} ${monthName((startMonth % 12) + 1)}"`
      : ''
    return { ok: false, problem: `"${cell}" ends (${spokenDate(endDate)}) before it starts (${spokenDate(startDate)})${hint}` }
  }
  return { ok: true, startDate, endDate, notes }
}
