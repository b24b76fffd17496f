import type { CollectionBeforeChangeHook } from 'payload'

import { entryContentKey, type EntryContent } from '../../src/chronology/entryContent'

/** What server code tells the entry hooks through an operation's `context`. */
export interface EntryContext {
  /** Restoring an entry as it was (an import undone): written as given, publication state included. */
  restoringEntry?: boolean
  /** The chronology import writes the entries and sends the chronology back to review once, itself. */
  importingChronology?: boolean
}

type EntryData = EntryContent & { publishedWithChronology?: boolean | null }

/**
 * Chronology entries have no drafts of their own: an entry is public once its chronology's
 * publication included it (publishedWithChronology, set by publishChronologyEntries). An
 * entry whose dates, text, countries or chronology change is withheld again until the
 * chronology is published anew; a new entry starts withheld (the field's default). Members
 * cannot set the mark (field access); server code may, as the seed of a published issue does.
 */
export const withholdChangedEntry: CollectionBeforeChangeHook = ({ context, data, originalDoc, operation }) => {
  if ((context as EntryContext).restoringEntry || operation !== 'update') return data
  const entry = data as EntryData
  if (entryContentKey({ ...(originalDoc as EntryData), ...entry }) === entryContentKey(originalDoc as EntryData)) return data
  return { ...data, publishedWithChronology: false }
}
