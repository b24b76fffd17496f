/**
 * What of a chronology entry a reader sees, as one comparable string: its chronology, its
 * dates, its text and its countries. Not its place in the day (orderInDay), which an import
 * renumbers when it inserts entries. Pure, for the hooks that decide whether an entry
 * changed (collections/hooks/withholdChangedEntry, reopenChronologyReview).
 */
import { fromStoredDate } from '../fields/dayDate'
import { idOf, type Id } from '../ids'

export interface EntryContent {
  chronology?: Id | { id: Id } | null
  startDate?: string | null
  endDate?: string | null
  paragraphs?: Array<{ text?: string | null }> | null
  countries?: readonly string[] | null
}

export function chronologyIdOf(entry: Pick<EntryContent, 'chronology'> | null | undefined): Id | undefined {
  return idOf(entry?.chronology)
}

export function entryContentKey(entry: EntryContent | null | undefined): string {
  return JSON.stringify([
    String(chronologyIdOf(entry) ?? ''),
    fromStoredDate(entry?.startDate) ?? '',
    fromStoredDate(entry?.endDate ?? entry?.startDate) ?? '',
    (entry?.paragraphs ?? []).map((p) => (p.text ?? '').trim()),
    [...(entry?.countries ?? [])].sort(),
  ])
}
