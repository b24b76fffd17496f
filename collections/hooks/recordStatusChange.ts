import type { CollectionBeforeChangeHook } from 'payload'

import type { Subscriber } from '../../src/payload-types'

/**
 * What a service tells the hook about a status change, through the operation's `context`:
 * why it happened ("confirmed by link", "one-click unsubscribe", "imported from list.csv").
 */
export interface StatusChangeContext {
  statusReason?: string
  /** Restoring a snapshot (an import rolled back): history is written as given. */
  restoringSubscriber?: boolean
}

type HistoryEntry = NonNullable<Subscriber['history']>[number]

/**
 * Appends one line to a subscriber's history whenever the status changes, including the
 * first status on create. The history field is closed to the API (systemOnly), so this
 * hook is the only writer: the record cannot be edited after the fact.
 */
export const recordStatusChange: CollectionBeforeChangeHook<Subscriber> = ({ data, originalDoc, operation, req, context }) => {
  const ctx = context as StatusChangeContext
  if (ctx.restoringSubscriber) return data
  const from = operation === 'update' ? originalDoc?.status : undefined
  const to = data.status ?? from
  if (!to || to === from) return data
  const reason =
    ctx.statusReason ??
    (req.user ? `${operation === 'create' ? 'Added' : 'Changed'} by ${req.user.email} in the admin` : undefined)
  const entry: HistoryEntry = { at: new Date().toISOString(), from: from ?? null, to, reason: reason ?? null }
  return { ...data, history: [...(originalDoc?.history ?? []), entry] }
}
