import type { CollectionBeforeChangeHook } from 'payload'

import { ROLE_LABELS } from '../../src/access/roles'
import type { User } from '../../src/payload-types'
import { itemName } from '../../src/workflow/itemName'
import { WorkflowRefusal } from '../../src/workflow/refusal'
import { isSystemReopen, mayChangeReviewStatus, mayReview, REVIEW_STATUS_LABELS, reviewStatusOf, type ReviewContext } from '../../src/workflow/review'
import { idOf, type Id } from '../../src/ids'

/** The assignee's id as text, '' for none: the form sends '' for an emptied field. */
const idText = (value: unknown): string => String(idOf(value as Id | { id: Id } | null | undefined) ?? '')

/**
 * Who may move an item from one review status to another (src/workflow/review.ts), enforced
 * on every save by a member: the admin hides nothing the API would allow. A save that
 * leaves the status as it is passes, whatever else it changes. Server code without a user
 * (seed, import, jobs) is trusted, as with publishing.
 *
 * An approved item stays approved when an assistant edits it: the committee is three
 * people, and the audit log shows who changed what. Editors reopen it (approved -> draft)
 * when the change needs another review. The one exception is the system's: content that
 * cannot wait in a draft (chronology entries) sends an approved item back to review on the
 * member's behalf (src/workflow/reopen.ts, with a reason in `context`).
 *
 * The assignee likewise: members who take no part in review (production editors) cannot
 * change it. The admin shows both fields read-only to them (src/access/canChangeReview.ts).
 */
export const enforceReviewTransition: CollectionBeforeChangeHook = ({ collection, context, data, originalDoc, operation, req }) => {
  const user = req.user as (User & { collection?: string }) | null
  if (!user) return data
  const who = user.role ? `${ROLE_LABELS[user.role]}s` : 'Members without a role'
  const assignedBefore = operation === 'update' ? idText(originalDoc?.assignee) : ''
  const assignedAfter = data.assignee === undefined ? assignedBefore : idText(data.assignee)
  if (assignedAfter !== assignedBefore && !mayReview(user.role)) {
    throw new WorkflowRefusal(
      `${who} cannot assign ${itemName(collection, { ...originalDoc, ...data })}. Editors and assistants assign items; production editors mark them layout-ready.`,
      { collection: collection.slug, field: 'assignee' },
    )
  }
  const from = operation === 'update' ? reviewStatusOf(originalDoc) : 'draft'
  const to = data.reviewStatus === undefined ? from : reviewStatusOf(data)
  if (from === to) return data
  if (mayChangeReviewStatus(user.role, from, to)) return data
  if (isSystemReopen(context as ReviewContext, from, to)) return data
  throw new WorkflowRefusal(
    `${who} cannot move ${itemName(collection, { ...originalDoc, ...data })} from “${REVIEW_STATUS_LABELS[from]}” to “${REVIEW_STATUS_LABELS[to]}”.` +
      (user.role === 'editorialAssistant' ? ' Assistants send items to review; editors request changes, approve and reopen.' : '') +
      (user.role === 'productionEditor' ? ' Production editors mark items layout-ready; editors change the review status.' : ''),
    { collection: collection.slug, from, to },
  )
}
