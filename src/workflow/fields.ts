import type { Chronology, Essay, Highlight, Publication } from '../payload-types'
import { isReviewStatus, REVIEWED_COLLECTIONS, type ReviewedCollection, type ReviewStatus } from './review'
import type { Id } from '../ids'

/**
 * The review workflow's fields on issue content (src/fields/reviewFields.ts), read through
 * one accessor for the dashboard and "My items": the assignee may come as an id or
 * populated, and older rows may hold no status.
 */

export { REVIEW_STATUS_LABELS, REVIEW_STATUSES, type ReviewStatus } from './review'

/** The collections whose items go through review, in the editors' order. */
export const WORKFLOW_COLLECTIONS = REVIEWED_COLLECTIONS
export type WorkflowCollection = ReviewedCollection

export type WorkflowDoc = Essay | Highlight | Publication | Chronology

/** What the dashboard needs of an item's workflow state; undefined where nothing is stored. */
export interface Workflow {
  reviewStatus?: ReviewStatus
  assigneeId?: Id
  /** The assignee, when it came populated (depth ≥ 1) and readable by the caller. */
  assigneeName?: string
  layoutReady?: boolean
  notes: number
  unresolvedNotes: number
}

const isId = (value: unknown): value is Id => typeof value === 'number' || (typeof value === 'string' && value !== '')

export function workflowOf(doc: WorkflowDoc): Workflow {
  const assignee: unknown = doc.assignee
  let assigneeId: Id | undefined
  let assigneeName: string | undefined
  if (isId(assignee)) assigneeId = assignee
  else if (assignee && typeof assignee === 'object' && 'id' in assignee && isId(assignee.id)) {
    assigneeId = assignee.id
    if ('name' in assignee && typeof assignee.name === 'string') assigneeName = assignee.name
  }
  const notes = Array.isArray(doc.reviewNotes) ? doc.reviewNotes : []
  return {
    reviewStatus: isReviewStatus(doc.reviewStatus) ? doc.reviewStatus : undefined,
    assigneeId,
    assigneeName,
    layoutReady: typeof doc.layoutReady === 'boolean' ? doc.layoutReady : undefined,
    notes: notes.length,
    unresolvedNotes: notes.filter((note) => note && typeof note === 'object' && note.resolved !== true).length,
  }
}

/**
 * How an item is named in lists: its title; for a highlight without one (a captioned photo
 * group), the opening of its caption.
 */
export function itemTitle(doc: WorkflowDoc): string {
  if (doc.title) return doc.title
  const caption = 'caption' in doc && typeof doc.caption === 'string' ? doc.caption.replace(/\s+/g, ' ').trim() : ''
  if (caption) return caption.length > 60 ? `${caption.slice(0, 59).replace(/\s+\S*$/, '')}…` : caption
  return `Untitled ${String(doc.id)}`
}
