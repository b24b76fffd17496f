/**
 * The chronology parser: pasted text (or lines read from an uploaded file) in, dated
 * entries and line-numbered diagnostics out. Pure: no I/O, no clock, and it never throws,
 * so the import view can show every problem at once. Writing to the database is the
 * import service's job.
 *
 * How lines are read, in order:
 *  - blank lines are skipped silently: pasted text is full of them, between entries and
 *    months, and they never hold anything to import. They do not end the entry above.
 *  - rows with no letters or digits ("---------", "--", "|---|---|") are skipped with a warning.
 *  - a month heading ("April 2024") sets the month and year for the entries below it.
 *  - an entry is a day cell, a tab (or 2+ spaces, or a paragraph break), then the text. A day
 *    cell with no tab still counts when it cannot be mistaken for a sentence ("5th The...").
 *  - a day cell alone on its line takes the next line as its text, silently.
 *  - a line without a day that follows an entry and reads like prose becomes a new
 *    paragraph of that entry, with a warning (it may be a separate event missing its day).
 *  - the closing sources paragraph and the list after it are skipped with one warning.
 *  - anything else (titles, stray headings, column titles) is skipped with a warning.
 * An entry with an error is left out of `entries`; the caller should not commit while
 * there are errors.
 */
import { cleanLine, flatten, snippet } from './cleanText'
import { suggestCountries, type CountryCode } from './countries'
import { monthName } from './dayCell'
import {
  DASHES,
  isUnambiguousWithoutTab,
  isValidIsoDate,
  looksLikeDayCell,
  matchDayCell,
  matchLeadingDayCell,
  readDayCell,
  readMonthHeading,
  spokenDate,
  undecorate,
  type MonthHeading,
} from './readDayCell'

export { COUNTRY_CODES, COUNTRY_NAMES, suggestCountries, type CountryCode } from './countries'

export interface Diagnostic {
  /** 1-based line (or paragraph, for Word files) in what the editor gave; 0 for the whole document. */
  line: number
  message: string
}

export interface ParsedEntry {
  line: number
  /** The day cell as the editor wrote it, tags and entities removed: "23rd - 26th". */
  dayCell: string
  /** YYYY-MM-DD */
  startDate: string
  /** YYYY-MM-DD, the same as startDate for a single day. */
  endDate: string
  /** Never empty; each one non-empty. */
  paragraphs: string[]
  /** Suggested from the text, for the editor to confirm. */
  countries: CountryCode[]
}

export interface ChronologyPeriod {
  /** YYYY-MM-DD */
  start: string
  /** YYYY-MM-DD */
  end: string
}

/** What the numbers in diagnostics count: lines of text, or paragraphs of a Word file. */
export type LineLabel = 'line' | 'paragraph'

export interface ParseOptions {
  /** The chronology's period: an entry that starts outside it is an error. */
  period?: ChronologyPeriod
  lineLabel?: LineLabel
  /**
   * Stop at the entry after this many (lines with a day, dated or not) and report where it
   * is in `tooManyEntries`; the rest of the document is not read.
   */
  maxEntries?: number
}

export interface ParseResult {
  entries: ParsedEntry[]
  warnings: Diagnostic[]
  errors: Diagnostic[]
  /** Set when the document has more than `maxEntries` entries: the line of the first one too many. */
  tooManyEntries?: { line: number; limit: number }
}

export type ChronologyFormat = 'txt' | 'md' | 'html' | 'docx' | 'csv'

/** One line of input, numbered as in the original file. Its text may hold "\n" paragraph breaks. */
export interface SourceLine {
  line: number
  text: string
}

/** An uploaded file turned into lines for the parser (see ./fromFile). */
export interface ChronologySource {
  format: ChronologyFormat
  lineLabel: LineLabel
  lines: SourceLine[]
  /** Problems found while reading the file itself; the parser passes them on. */
  warnings: Diagnostic[]
  errors: Diagnostic[]
}

/** The message of the diagnostic a fault in this parser leaves instead of an exception. */
export const PARSER_FAILURE = 'this could not be read because of a fault in the chronology reader; please report it with the text'

export function splitLines(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((line, i) => ({ line: i + 1, text: line }))
}

/** "line 14: ..." (or "paragraph 14: ..." for a Word file); whole-document problems as they are. */
export function formatDiagnostic(diagnostic: Diagnostic, lineLabel: LineLabel = 'line'): string {
  return diagnostic.line > 0 ? `${lineLabel} ${diagnostic.line}: ${diagnostic.message}` : diagnostic.message
}

/** The entry's text as stored: paragraphs separated by a blank line. */
export function entryText(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n')
}

/**
 * Text folded for recognising the same entry again: Unicode compatibility forms, case,
 * curly and straight quotes, the dash family, and all whitespace (paragraph breaks too).
 */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

export type EntryKeySource = { startDate: string; endDate: string } & (
  | { paragraphs: readonly string[] }
  | { text: string }
)

/** "start|end|normalised text": the same entry imported twice has the same key. */
export function entryKey(entry: EntryKeySource): string {
  const text = 'paragraphs' in entry ? entryText(entry.paragraphs) : entry.text
  return `${entry.startDate}|${entry.endDate}|${normaliseForMatch(text)}`
}

/**
 * Entries by start date; entries that start on the same day keep the document's order. The
 * compiler often lists a day's multi-day entry first ("23rd - 26th" before "23rd"): that order
 * is an editorial decision, so the end date does not sort.
 */
export function sortEntries<T extends { startDate: string }>(entries: readonly T[]): T[] {
  // Array.prototype.sort is stable.
  return [...entries].sort((a, b) => compare(a.startDate, b.startDate))
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

type LineReading =
  | { kind: 'entry'; cell: string; paragraphs: string[] }
  | { kind: 'undatable'; cell: string; paragraphs: string[] }
  | { kind: 'text' }

function paragraphsOf(text: string): string[] {
  return text
    .split('\n')
    .map((p) => p.replace(/[\t ]+/g, ' ').replace(/\\$/, '').trim()) // a trailing "\" is a Markdown line break
    .filter((p) => p !== '')
}

// Starts like a day but cannot be read as one ("5th-? The...", "3-4-5 April"): an error, not
// a paragraph, so a mistyped day never hides inside the entry above.
const BROKEN_DAY_START = new RegExp(
  String.raw`^(?:\d{1,3}(?:st|nd|rd|th)(?!\p{L})|\d{1,2}\s*[${DASHES}]\s*\d{1,2}(?:st|nd|rd|th)?(?![\p{L}\p{N}]))`,
  'iu',
)

function readLine(cleaned: string): LineReading {
  const text = cleaned.replace(/^\s+/, '')
  const splits: [string, string][] = []
  // The column break: a tab or paragraph break first; a run of spaces only if there is none.
  const strong = /[\t\n]/.exec(text)
  if (strong) splits.push([text.slice(0, strong.index), text.slice(strong.index + 1)])
  const spaces = / {2,}/.exec(text)
  if (spaces) splits.push([text.slice(0, spaces.index), text.slice(spaces.index + spaces[0].length)])
  for (const [left, rest] of splits) {
    if (matchDayCell(left)) return { kind: 'entry', cell: undecorate(left), paragraphs: paragraphsOf(rest) }
  }
  const leading = matchLeadingDayCell(text)
  if (leading) return { kind: 'entry', cell: leading.cell, paragraphs: paragraphsOf(leading.rest) }
  const whole = flatten(text)
  const alone = matchDayCell(whole)
  if (alone && isUnambiguousWithoutTab(alone)) return { kind: 'entry', cell: undecorate(whole), paragraphs: [] }
  for (const [left, rest] of splits) {
    if (looksLikeDayCell(left)) return { kind: 'undatable', cell: undecorate(left), paragraphs: paragraphsOf(rest) }
  }
  if (looksLikeDayCell(whole)) return { kind: 'undatable', cell: undecorate(whole), paragraphs: [] }
  if (BROKEN_DAY_START.test(text)) return { kind: 'undatable', cell: whole.split(' ')[0], paragraphs: [] }
  return { kind: 'text' }
}

/** Reads like a sentence rather than a title: it ends like one, or carries on in lower case. */
function looksLikeProse(flat: string): boolean {
  const words = flat.split(' ').length
  return words >= 2 && (/[.!?…]["'”’)\]]*$/u.test(flat) || /^\p{Ll}/u.test(flat))
}

function isSourcesParagraph(flat: string): boolean {
  return /^(?:this chronology\b|sources?\b)/i.test(flat) || /\bcross-referenced from\b/i.test(flat)
}

interface Draft {
  line: number
  dayCell: string
  /** Missing when the day cell could not be dated (an error was reported). */
  dates?: { startDate: string; endDate: string }
  paragraphs: string[]
}

function readPeriod(period: ChronologyPeriod): ChronologyPeriod | string {
  const { start, end } = period
  if (!isValidIsoDate(start) || !isValidIsoDate(end) || end < start) {
    return `the chronology's period ("${String(start)}" to "${String(end)}") is not a valid pair of dates, so entries were not checked against it`
  }
  return { start, end }
}

function parseLines(source: ChronologySource, options: ParseOptions): ParseResult {
  const label = options.lineLabel ?? source.lineLabel
  const warnings: Diagnostic[] = [...source.warnings]
  const errors: Diagnostic[] = [...source.errors]
  const warn = (line: number, message: string): void => void warnings.push({ line, message })
  const fail = (line: number, message: string): void => void errors.push({ line, message })

  let heading: MonthHeading | undefined
  /** The entry a line without a day would belong to. */
  let current: Draft | undefined
  let inSources = false
  const drafts: Draft[] = []
  let tooManyEntries: ParseResult['tooManyEntries']

  for (const { line, text: raw } of source.lines) {
    try {
      const cleaned = cleanLine(raw)
      const flat = flatten(cleaned)
      if (flat === '') continue
      if (!/[\p{L}\p{N}]/u.test(flat)) {
        warn(line, `skipped "${snippet(raw)}": a separator row, not an entry`)
        continue
      }
      const month = readMonthHeading(flat, heading)
      if (month) {
        heading = month.heading
        current = undefined
        inSources = false
        if (month.yearGuessed) {
          warn(line, `the month heading "${flat}" has no year; read as ${monthName(heading.month)} ${heading.year}`)
        }
        continue
      }
      const reading = readLine(cleaned)
      if (reading.kind !== 'text') {
        if (options.maxEntries !== undefined && drafts.length >= options.maxEntries) {
          tooManyEntries = { line, limit: options.maxEntries }
          break
        }
        const draft: Draft = { line, dayCell: reading.cell, paragraphs: reading.paragraphs }
        const dated = readDayCell(reading.cell, heading)
        if (reading.kind === 'entry' && dated.ok) {
          draft.dates = { startDate: dated.startDate, endDate: dated.endDate }
          for (const note of dated.notes) warn(line, note)
        } else {
          fail(line, dated.ok ? `"${reading.cell}" is not a day, a date or a range of days` : dated.problem)
        }
        drafts.push(draft)
        current = draft
        inSources = false
        continue
      }
      const paragraphs = paragraphsOf(cleaned)
      if (current && current.paragraphs.length === 0) {
        current.paragraphs.push(...paragraphs) // the day cell stood alone on the line above
        continue
      }
      if (inSources) continue
      if (isSourcesParagraph(flat)) {
        warn(line, `skipped the sources paragraph ("${snippet(flat, 40)}") and the list after it: they are not entries`)
        inSources = true
        current = undefined
        continue
      }
      if (current && looksLikeProse(flat)) {
        // An entry that already has an error needs no second message about its paragraphs.
        if (current.dates) {
          warn(
            line,
            `"${snippet(flat, 40)}" has no day, so it was added as a new paragraph of the ${current.dayCell} entry (${label} ${current.line}); if it is a separate event, give it a day`,
          )
        }
        current.paragraphs.push(...paragraphs)
        continue
      }
      warn(line, `skipped "${snippet(flat)}": it is neither a month heading nor an entry with a day`)
      current = undefined
    } catch {
      fail(line, PARSER_FAILURE)
    }
  }

  const period = options.period ? readPeriod(options.period) : undefined
  if (typeof period === 'string') fail(0, period)

  const entries: ParsedEntry[] = []
  let previous: ParsedEntry | undefined
  for (const draft of drafts) {
    if (!draft.dates) continue
    const { startDate, endDate } = draft.dates
    if (draft.paragraphs.length === 0) {
      fail(draft.line, `"${draft.dayCell}" has a day but no text`)
      continue
    }
    if (period && typeof period !== 'string' && (startDate < period.start || startDate > period.end)) {
      const side = startDate < period.start ? 'before' : 'after'
      fail(
        draft.line,
        `"${draft.dayCell}" starts on ${spokenDate(startDate)}, ${side} the chronology's period (${spokenDate(period.start)} – ${spokenDate(period.end)})`,
      )
      continue
    }
    const entry: ParsedEntry = {
      line: draft.line,
      dayCell: draft.dayCell,
      startDate,
      endDate,
      paragraphs: draft.paragraphs,
      countries: suggestCountries(entryText(draft.paragraphs)),
    }
    if (previous && startDate < previous.startDate) {
      const sameYear = startDate.slice(0, 4) === previous.startDate.slice(0, 4)
      warn(
        draft.line,
        `${spokenDate(startDate, !sameYear)} comes after ${spokenDate(previous.startDate, !sameYear)} (${label} ${previous.line}); it will be sorted by date on commit`,
      )
    }
    entries.push(entry)
    previous = entry
  }
  const byLine = (a: Diagnostic, b: Diagnostic): number => a.line - b.line
  return { entries, warnings: warnings.sort(byLine), errors: errors.sort(byLine), ...(tooManyEntries ? { tooManyEntries } : {}) }
}

/**
 * Parse a chronology: pasted text, or a source read from a file by chronologyTextFromFile.
 * Never throws.
 */
export function parseChronology(input: string | ChronologySource, options: ParseOptions = {}): ParseResult {
  try {
    const source: ChronologySource =
      typeof input === 'string'
        ? { format: 'txt', lineLabel: 'line', lines: splitLines(input), warnings: [], errors: [] }
        : input
    return parseLines(source, options)
  } catch {
    return { entries: [], warnings: [], errors: [{ line: 0, message: PARSER_FAILURE }] }
  }
}
