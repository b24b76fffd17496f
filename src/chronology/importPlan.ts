/**
 * How a parsed chronology meets the entries already stored: pure, so the matching rules can
 * be tested without a database. The import service (./import) reads the stored entries,
 * calls planImport and writes what it says.
 *
 * Matching, in this order; each stored entry is matched at most once:
 *  1. same dates and the same text (entryKey: case, quotes, dashes and spacing folded)
 *     -> "unchanged". Importing the same document twice therefore adds nothing.
 *  2. the same text on other dates -> "updated" (the dates were corrected).
 *  3. the same start day and a similar text (at least SIMILAR_TEXT of the words shared)
 *     -> "updated" (the text was corrected; the end date may have changed too).
 *     The closest pairs are matched first.
 * Everything else is "new". A stored entry that the document does not match is kept as it
 * is (a document may hold one month of the quarter); the plan lists those in the document's
 * months so the editor can delete by hand what a corrected document no longer has. Line positions are not used:
 * they shift whenever an entry is added above.
 *
 * Order: orderInDay is the place among entries that start on the same day. Stored entries
 * the document does not match keep their order and come first; the document's entries
 * follow by start date, in the document's order within a day (sortEntries).
 */
import { entryKey, entryText, normaliseForMatch, sortEntries, type Diagnostic, type ParsedEntry } from './parse'
import type { Id } from '../ids'
import type { CountryCode } from './countries'

export type EntryId = Id

/** A chronology entry as stored, dates as YYYY-MM-DD. */
export interface StoredEntry {
  id: EntryId
  startDate: string
  endDate: string
  /** Paragraphs joined by a blank line (entryText). */
  text: string
  countries: CountryCode[]
  orderInDay: number
}

export type EntryStatus = 'new' | 'unchanged' | 'updated'
export type EntryChange = 'dates' | 'text'

export interface PlannedEntry {
  line: number
  dayCell: string
  startDate: string
  endDate: string
  paragraphs: string[]
  /** Paragraphs joined by a blank line. */
  text: string
  /** What will be stored: the suggestions for a new entry; for a matched one, the stored countries plus any new suggestion. */
  countries: CountryCode[]
  status: EntryStatus
  /** For "updated": what differs from the stored entry. */
  changes: EntryChange[]
  /** For "updated": the stored entry before the import. */
  previous?: { startDate: string; endDate: string; text: string }
  /** The stored entry it matched, for "unchanged" and "updated". */
  id?: EntryId
  /** Its place among the entries that start on the same day, after the import. */
  orderInDay: number
  /** For "unchanged": whether only its place in the day moves. */
  reordered: boolean
}

export interface ImportPlan {
  /** In document order. */
  entries: PlannedEntry[]
  /** Stored entries the document does not match: kept, possibly with a new orderInDay. */
  kept: StoredEntry[]
  /**
   * The kept entries that start in a month the document has entries in: those a corrected
   * document may have meant to remove, for the editor to check (the import deletes nothing).
   */
  notInDocument: StoredEntry[]
  /** Stored entries whose orderInDay changes and that are not otherwise written (kept or unchanged). */
  reorder: Array<{ id: EntryId; orderInDay: number }>
  /** Notes about the document itself, such as an entry given twice. */
  warnings: Diagnostic[]
}

/** Share of words two texts must have in common to be read as the same event corrected. */
export const SIMILAR_TEXT = 0.6

function words(text: string): string[] {
  return normaliseForMatch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
}

/** Dice coefficient over the words (with repeats) of two texts: 1 for the same words, 0 for none shared. */
export function textSimilarity(a: string, b: string): number {
  const left = words(a)
  const right = words(b)
  if (left.length === 0 && right.length === 0) return 1
  const counts = new Map<string, number>()
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1)
  let shared = 0
  for (const word of right) {
    const n = counts.get(word) ?? 0
    if (n > 0) {
      shared += 1
      counts.set(word, n - 1)
    }
  }
  return (2 * shared) / (left.length + right.length)
}

function mergeCountries(stored: readonly CountryCode[], suggested: readonly CountryCode[]): CountryCode[] {
  return [...stored, ...suggested.filter((code) => !stored.includes(code))]
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function planImport(stored: readonly StoredEntry[], incoming: readonly ParsedEntry[]): ImportPlan {
  const warnings: Diagnostic[] = []
  const matches = new Map<ParsedEntry, StoredEntry>()
  const free = new Set<StoredEntry>(stored)

  // 1. Same dates and text.
  const byKey = new Map<string, StoredEntry[]>()
  for (const entry of stored) {
    const key = entryKey(entry)
    byKey.set(key, [...(byKey.get(key) ?? []), entry])
  }
  const firstLineOfKey = new Map<string, number>()
  for (const entry of incoming) {
    const key = entryKey(entry)
    const first = firstLineOfKey.get(key)
    if (first === undefined) firstLineOfKey.set(key, entry.line)
    else {
      warnings.push({
        line: entry.line,
        message: `repeats the entry on line ${first} (same dates and text); both are imported unless one is excluded`,
      })
    }
    const candidate = byKey.get(key)?.find((s) => free.has(s))
    if (candidate) {
      matches.set(entry, candidate)
      free.delete(candidate)
    }
  }

  // 2. Same text, other dates.
  for (const entry of incoming) {
    if (matches.has(entry)) continue
    const text = normaliseForMatch(entryText(entry.paragraphs))
    const candidate = [...free].find((s) => normaliseForMatch(s.text) === text)
    if (candidate) {
      matches.set(entry, candidate)
      free.delete(candidate)
    }
  }

  // 3. Same start day, similar text: closest pairs first.
  const pairs: Array<{ entry: ParsedEntry; candidate: StoredEntry; score: number }> = []
  for (const entry of incoming) {
    if (matches.has(entry)) continue
    const text = entryText(entry.paragraphs)
    for (const candidate of free) {
      if (candidate.startDate !== entry.startDate) continue
      const score = textSimilarity(text, candidate.text)
      if (score >= SIMILAR_TEXT) pairs.push({ entry, candidate, score })
    }
  }
  pairs.sort((a, b) => b.score - a.score)
  for (const { entry, candidate } of pairs) {
    if (matches.has(entry) || !free.has(candidate)) continue
    matches.set(entry, candidate)
    free.delete(candidate)
  }

  // Order within each day.
  const kept = [...free].sort((a, b) => compare(a.startDate, b.startDate) || a.orderInDay - b.orderInDay)
  type Placed = { kind: 'kept'; entry: StoredEntry } | { kind: 'document'; entry: ParsedEntry }
  const sequence: Placed[] = [
    ...kept.map((entry): Placed => ({ kind: 'kept', entry })),
    ...sortEntries(incoming).map((entry): Placed => ({ kind: 'document', entry })),
  ]
  // Array.prototype.sort is stable: kept entries stay ahead of the document's on their day.
  sequence.sort((a, b) => compare(a.entry.startDate, b.entry.startDate))
  const place = new Map<StoredEntry | ParsedEntry, number>()
  const perDay = new Map<string, number>()
  for (const { entry } of sequence) {
    const n = perDay.get(entry.startDate) ?? 0
    perDay.set(entry.startDate, n + 1)
    place.set(entry, n)
  }

  const reorder: ImportPlan['reorder'] = []
  for (const entry of kept) {
    const orderInDay = place.get(entry) ?? 0
    if (orderInDay !== entry.orderInDay) reorder.push({ id: entry.id, orderInDay })
  }

  const entries = incoming.map((entry): PlannedEntry => {
    const text = entryText(entry.paragraphs)
    const orderInDay = place.get(entry) ?? 0
    const base = {
      line: entry.line,
      dayCell: entry.dayCell,
      startDate: entry.startDate,
      endDate: entry.endDate,
      paragraphs: entry.paragraphs,
      text,
      orderInDay,
    }
    const match = matches.get(entry)
    if (!match) return { ...base, countries: entry.countries, status: 'new', changes: [], reordered: false }
    const changes: EntryChange[] = []
    if (match.startDate !== entry.startDate || match.endDate !== entry.endDate) changes.push('dates')
    if (normaliseForMatch(match.text) !== normaliseForMatch(text)) changes.push('text')
    const countries = mergeCountries(match.countries, entry.countries)
    if (changes.length === 0) {
      const reordered = match.orderInDay !== orderInDay
      if (reordered) reorder.push({ id: match.id, orderInDay })
      // Unchanged: the stored text stays as it is, even where it differs in spacing or quotes.
      return { ...base, text: match.text, countries: match.countries, status: 'unchanged', changes, id: match.id, reordered }
    }
    return {
      ...base,
      countries,
      status: 'updated',
      changes,
      previous: { startDate: match.startDate, endDate: match.endDate, text: match.text },
      id: match.id,
      reordered: false,
    }
  })

  const months = new Set(incoming.map((entry) => entry.startDate.slice(0, 7)))
  const notInDocument = kept.filter((entry) => months.has(entry.startDate.slice(0, 7)))
  return { entries, kept, notInDocument, reorder, warnings }
}
