/**
 * The audit log in the editors' words: what a person reads (the summary, the "Change"
 * column) uses the labels the admin shows ("In review", not "inReview"). The entry keeps
 * the machine values in `action`, `from` and `to`, which code and tests filter by. Pure.
 */
import { isReviewStatus, REVIEW_STATUS_LABELS } from '../workflow/review'
import { AUDIT_ACTION_LABELS, type AuditAction } from './actions'

const PUBLICATION_LABELS: Record<string, string> = { draft: 'Draft', published: 'Published' }

function capitalised(value: string): string {
  return value ? value[0].toUpperCase() + value.slice(1).replace(/-/g, ' ') : value
}

/** A `from` or `to` value as a person reads it: review statuses by their labels, states capitalised, emails as they are. */
export function auditValueLabel(action: string | null | undefined, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null
  switch (action) {
    case 'statusChanged':
      return isReviewStatus(value) ? REVIEW_STATUS_LABELS[value] : value
    case 'published':
    case 'unpublished':
      return PUBLICATION_LABELS[value] ?? value
    case 'campaignStarted':
      return capitalised(value)
    default:
      return value
  }
}

/** "Draft → In review", or null when the entry records no change of state. */
export function auditChange(action: string | null | undefined, from: string | null | undefined, to: string | null | undefined): string | null {
  const before = auditValueLabel(action, from)
  const after = auditValueLabel(action, to)
  if (!before && !after) return null
  return `${before ?? '—'} → ${after ?? '—'}`
}

export interface SummaryInput {
  action: AuditAction
  /** The collection's singular label: "Essay", "Chronology". */
  itemLabel?: string | null
  title?: string | null
  documentId?: number | string | null
  from?: string | null
  to?: string | null
  /** Why, when the system says: "3 entries imported (3 new)". */
  reason?: string | null
}

/** 'Review status changed: chronology "ASEAN - Korea Relations", Approved → In review (3 entries imported)' */
export function auditSummary(input: SummaryInput): string {
  const what = input.title ? `"${input.title}"` : input.documentId !== undefined && input.documentId !== null ? `#${input.documentId}` : ''
  const item = [input.itemLabel?.toLowerCase(), what].filter(Boolean).join(' ')
  const change = auditChange(input.action, input.from, input.to)
  const parts = [item, change].filter(Boolean).join(', ')
  const reason = input.reason ? ` (${input.reason})` : ''
  return `${AUDIT_ACTION_LABELS[input.action]}${parts ? `: ${parts}` : ''}${reason}`.slice(0, 300)
}
