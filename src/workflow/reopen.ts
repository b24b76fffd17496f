/**
 * Sending an approved item back to review when its content changed outside its own drafts:
 * chronology entries are stored apart from their chronology, so entries imported or edited
 * after the chronology was approved would otherwise carry its approval without anyone
 * having read them. The one function the chronology import and the entry hook call.
 */
import type { PayloadRequest } from 'payload'

import { reviewStatusOf, type ReviewContext, type ReviewedCollection } from './review'
import type { Id } from '../ids'

export interface ReopenRequest {
  collection: ReviewedCollection
  id: Id
  /** Why, in the editors' words: "3 entries imported". Goes to the audit log and the email. */
  reason: string
}

/**
 * Moves the item from "Approved" to "In review" in a new draft, in the request's
 * transaction, on behalf of the request's member (the audit log names them). What is
 * published stays published until an editor approves and publishes again. Returns whether
 * the item was approved and is now back in review.
 */
export async function sendBackToReview(req: PayloadRequest, { collection, id, reason }: ReopenRequest): Promise<boolean> {
  const common = { collection, id: id as number, req, overrideAccess: true, depth: 0 } as const
  const current = await req.payload.findByID({ ...common, draft: true, disableErrors: true })
  if (!current || reviewStatusOf(current) !== 'approved') return false
  // The Local API merges `context` into req.context for good: keep it to this one save.
  const previous = req.context
  try {
    const context: ReviewContext = { reopenReason: reason }
    await req.payload.update({ ...common, data: { reviewStatus: 'inReview' }, draft: true, context: { ...context } })
  } finally {
    req.context = previous
  }
  return true
}
