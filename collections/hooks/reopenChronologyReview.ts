import type { CollectionAfterChangeHook } from 'payload'

import { chronologyIdOf, entryContentKey, type EntryContent } from '../../src/chronology/entryContent'
import { fromStoredDate } from '../../src/fields/dayDate'
import { sendBackToReview } from '../../src/workflow/reopen'
import type { EntryContext } from './withholdChangedEntry'

function dayLabel(value: string | null | undefined): string {
  const day = fromStoredDate(value)
  if (!day) return 'an undated day'
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}

/**
 * A member who adds or changes an entry of an approved chronology sends the chronology back
 * to review: the entry waits, unpublished, for the next approval (withholdChangedEntry), and
 * the editors hear of it. The chronology import does this once for all its entries instead.
 */
export const reopenChronologyReview: CollectionAfterChangeHook = async ({ context, doc, previousDoc, operation, req }) => {
  const ctx = context as EntryContext
  if (!req.user || ctx.importingChronology || ctx.restoringEntry) return doc
  const after = doc as EntryContent & { id: number | string }
  const before = operation === 'update' ? (previousDoc as EntryContent) : undefined
  if (before && entryContentKey(before) === entryContentKey(after)) return doc
  const chronology = chronologyIdOf(after)
  if (chronology === undefined) return doc
  await sendBackToReview(req, { collection: 'chronologies', id: chronology, reason: `Entry of ${dayLabel(after.startDate)} ${before ? 'changed' : 'added'}` })
  return doc
}
