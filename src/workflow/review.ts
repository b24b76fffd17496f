/**
 * The committee's review workflow, in one place: the statuses an essay, highlight,
 * publication or chronology goes through, and who may move it from one to another.
 * Pure data and functions: the hooks beside the collections enforce it, the admin and the
 * dashboard may read it.
 */
import type { User } from '../payload-types'

/** The committee's roles (src/access/roles.ts lists them); read from the users' schema, so the vocabulary imports no access code. */
type Role = NonNullable<User['role']>

export const REVIEW_STATUSES = ['draft', 'inReview', 'changesRequested', 'approved'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  draft: 'Draft',
  inReview: 'In review',
  changesRequested: 'Changes requested',
  approved: 'Approved',
}

/** The collections that carry a review status (the chronology section, not its entries). */
export const REVIEWED_COLLECTIONS = ['essays', 'highlights', 'publications', 'chronologies'] as const
export type ReviewedCollection = (typeof REVIEWED_COLLECTIONS)[number]

export function isReviewStatus(value: unknown): value is ReviewStatus {
  return typeof value === 'string' && (REVIEW_STATUSES as readonly string[]).includes(value)
}

/**
 * Transitions an editorial assistant may make: send to review, and send back to review
 * after changes. Editors and admins may make any transition (request changes, approve,
 * reopen an approved item). Production editors make none: they mark items layout-ready.
 */
const ASSISTANT_TRANSITIONS: ReadonlyArray<readonly [ReviewStatus, ReviewStatus]> = [
  ['draft', 'inReview'],
  ['changesRequested', 'inReview'],
]

export function mayChangeReviewStatus(role: Role | null | undefined, from: ReviewStatus, to: ReviewStatus): boolean {
  if (from === to) return true
  switch (role) {
    case 'admin':
    case 'editor':
      return true
    case 'editorialAssistant':
      return ASSISTANT_TRANSITIONS.some(([a, b]) => a === from && b === to)
    default:
      return false
  }
}

/**
 * Who takes part in review: changes a status (within their transitions) and assigns items.
 * Production editors do neither; they mark items layout-ready.
 */
export function mayReview(role: Role | null | undefined): boolean {
  return role === 'admin' || role === 'editor' || role === 'editorialAssistant'
}

/**
 * The statuses a member is offered in the admin for an item now in `current`: the current one
 * and those they may move it to, in workflow order. An assistant on a draft sees Draft and
 * In review; an editor sees all four; a production editor only the current one.
 */
export function reviewStatusOptionsFor(role: Role | null | undefined, current: ReviewStatus): ReviewStatus[] {
  return REVIEW_STATUSES.filter((to) => to === current || mayChangeReviewStatus(role, current, to))
}

/** The status a new item starts in, and what a missing value means on an older item. */
export const INITIAL_REVIEW_STATUS: ReviewStatus = 'draft'

export function reviewStatusOf(doc: { reviewStatus?: string | null } | null | undefined): ReviewStatus {
  return isReviewStatus(doc?.reviewStatus) ? doc.reviewStatus : INITIAL_REVIEW_STATUS
}

/**
 * What server code tells the review hooks through an operation's `context`: the system
 * sends an approved item back to review (its content changed where no draft could hold it,
 * as when chronology entries are imported), on behalf of the member who made the change.
 */
export interface ReviewContext {
  /** Why the item goes back to review, for the audit log and the email ("3 entries imported"). */
  reopenReason?: string
}

/** The one move the system makes for a member: approved back to review, with a reason. */
export function isSystemReopen(context: ReviewContext | undefined, from: ReviewStatus, to: ReviewStatus): boolean {
  return Boolean(context?.reopenReason) && from === 'approved' && to === 'inReview'
}
