import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { recordAudit } from '../../src/audit/record'
import type { User } from '../../src/payload-types'
import { titleOf } from '../../src/workflow/itemName'
import { queueReviewNotification } from '../../src/mail/notify'
import { INITIAL_REVIEW_STATUS, reviewStatusOf, type ReviewContext } from '../../src/workflow/review'
import { idOf, type Id } from '../../src/ids'

interface ReviewedDoc {
  id: Id
  reviewStatus?: string | null
  assignee?: Id | { id: Id } | null
  reviewNotes?: Array<{ id?: string | null; text?: string; author?: Id | { id: Id } | null }> | null
}

async function emailOf(req: PayloadRequest, id: Id | null): Promise<string | null> {
  if (id === null) return null
  const user = await req.payload.findByID({ collection: 'users', id, depth: 0, req, overrideAccess: true, disableErrors: true })
  return user?.email ?? String(id)
}

/**
 * After a save of a reviewed item: the audit log gets its status change, new notes and new
 * assignment, in the save's transaction (through `req`); publishing is recordPublishing's.
 * A member's status change is emailed to the committee, without waiting (src/mail/notify).
 */
export const recordReviewActivity: CollectionAfterChangeHook = async ({ collection, context, doc, previousDoc, operation, req }) => {
  const after = doc as ReviewedDoc
  const before = (operation === 'update' ? previousDoc : undefined) as ReviewedDoc | undefined
  const title = titleOf(collection, doc as Record<string, unknown>) ?? null
  const base = { collection: collection.slug, documentId: after.id, title }

  const from = before ? reviewStatusOf(before) : INITIAL_REVIEW_STATUS
  const to = reviewStatusOf(after)
  const newNotes = (after.reviewNotes ?? []).filter(
    (note) => !(before?.reviewNotes ?? []).some((old) => old.id && note.id && String(old.id) === String(note.id)),
  )

  // Sent back to review by the system for the member (src/workflow/reopen.ts): say why.
  const reason = (context as ReviewContext).reopenReason
  if (from !== to) {
    await recordAudit(req, { ...base, action: 'statusChanged', from, to, ...(reason ? { details: { reason } } : {}) })
  }
  for (const note of newNotes) {
    await recordAudit(req, { ...base, action: 'noteAdded', details: { noteId: note.id ?? null, text: note.text ?? '' } })
  }
  const assignee = idOf(after.assignee) ?? null
  const previousAssignee = idOf(before?.assignee) ?? null
  if (assignee !== null && String(assignee) !== String(previousAssignee)) {
    await recordAudit(req, {
      ...base,
      action: 'assigned',
      from: await emailOf(req, previousAssignee),
      to: await emailOf(req, assignee),
      details: { assignee },
    })
  }

  // Members' changes only: the seed and scripts that set a status tell nobody.
  const actor = req.user as User | null
  if (from !== to && actor) {
    const label = typeof collection.labels?.singular === 'string' ? collection.labels.singular : collection.slug
    queueReviewNotification(req.payload, {
      collection: collection.slug,
      label,
      id: after.id,
      title: title ?? `#${after.id}`,
      from,
      to,
      actor: { id: actor.id, email: actor.email, name: actor.name },
      assignee,
      note: newNotes.at(-1)?.text ?? reason,
    })
  }
  return doc
}

