import type { CollectionSlug, Payload } from 'payload'

import type { Chronology, Essay, Highlight, Publication, User } from '../payload-types'

/**
 * The review workflow's fields on issue content, read through one typed accessor.
 *
 * Essays, highlights, publications and chronologies are getting `reviewStatus`, `assignee`,
 * `layoutReady` and `reviewNotes` (issue 7, on the workflow branch). Until those fields are
 * in the collections and in payload-types.ts, everything here reads them as optional and
 * checks their values at run time. When they land, only the types below change: the
 * dashboard and "My items" keep calling workflowOf().
 */

export const REVIEW_STATUSES = ['draft', 'inReview', 'changesRequested', 'approved'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  draft: 'Draft',
  inReview: 'In review',
  changesRequested: 'Changes requested',
  approved: 'Approved',
}

/** The collections whose items go through review, in the editors' order. */
export const WORKFLOW_COLLECTIONS = ['essays', 'highlights', 'publications', 'chronologies'] as const
export type WorkflowCollection = (typeof WORKFLOW_COLLECTIONS)[number]

export const WORKFLOW_FIELDS = ['reviewStatus', 'assignee', 'layoutReady', 'reviewNotes'] as const
export type WorkflowField = (typeof WORKFLOW_FIELDS)[number]

type Id = number | string

/** As the workflow branch defines them. Replace with the generated types when they land. */
export interface StoredReviewNote {
  author?: Id | User | null
  createdAt?: string | null
  text?: string | null
  resolved?: boolean | null
}

export interface StoredWorkflowFields {
  reviewStatus?: ReviewStatus | null
  assignee?: Id | User | null
  layoutReady?: boolean | null
  reviewNotes?: StoredReviewNote[] | null
}

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

const isReviewStatus = (value: unknown): value is ReviewStatus =>
  typeof value === 'string' && (REVIEW_STATUSES as readonly string[]).includes(value)

const isId = (value: unknown): value is Id => typeof value === 'number' || (typeof value === 'string' && value !== '')

export function workflowOf(doc: WorkflowDoc): Workflow {
  const stored = doc as WorkflowDoc & StoredWorkflowFields
  const assignee: unknown = stored.assignee
  let assigneeId: Id | undefined
  let assigneeName: string | undefined
  if (isId(assignee)) assigneeId = assignee
  else if (assignee && typeof assignee === 'object' && 'id' in assignee && isId(assignee.id)) {
    assigneeId = assignee.id
    if ('name' in assignee && typeof assignee.name === 'string') assigneeName = assignee.name
  }
  const notes = Array.isArray(stored.reviewNotes) ? stored.reviewNotes : []
  return {
    reviewStatus: isReviewStatus(stored.reviewStatus) ? stored.reviewStatus : undefined,
    assigneeId,
    assigneeName,
    layoutReady: typeof stored.layoutReady === 'boolean' ? stored.layoutReady : undefined,
    notes: notes.length,
    unresolvedNotes: notes.filter((note) => note && typeof note === 'object' && note.resolved !== true).length,
  }
}

/**
 * Which workflow fields a collection has in this build. A query on a field the collection
 * does not have is refused by Payload, so "My items" asks here first.
 */
export function workflowFieldsOf(payload: Payload, collection: WorkflowCollection): Record<WorkflowField, boolean> {
  const config = payload.collections[collection as CollectionSlug]?.config
  const names = new Set((config?.flattenedFields ?? []).map((field) => field.name))
  return {
    reviewStatus: names.has('reviewStatus'),
    assignee: names.has('assignee'),
    layoutReady: names.has('layoutReady'),
    reviewNotes: names.has('reviewNotes'),
  }
}
