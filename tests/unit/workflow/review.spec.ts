import type { FieldAccess, Option, PayloadRequest, SelectField } from 'payload'
import { describe, expect, it } from 'vitest'

import { canChangeReview } from '@/access/canChangeReview'
import type { Role } from '@/access/roles'
import { reviewFields, reviewStatusOptions } from '@/fields/reviewFields'
import { REVIEW_STATUSES, REVIEW_STATUS_LABELS, reviewStatusOptionsFor, type ReviewStatus } from '@/workflow/review'

/** The Review status select and the review fields' access, as the admin gets them. */

const OPTIONS: Option[] = REVIEW_STATUSES.map((value) => ({ value, label: REVIEW_STATUS_LABELS[value] }))
const valuesOf = (options: Option[]) => options.map((option) => (typeof option === 'string' ? option : option.value))
const req = (role: Role | null) => ({ user: role ? { role } : null }) as unknown as PayloadRequest

describe('the review statuses a member is offered', () => {
  const EXPECTED: Record<Role, Record<ReviewStatus, ReviewStatus[]>> = {
    editorialAssistant: {
      draft: ['draft', 'inReview'],
      inReview: ['inReview'],
      changesRequested: ['inReview', 'changesRequested'],
      approved: ['approved'],
    },
    productionEditor: { draft: ['draft'], inReview: ['inReview'], changesRequested: ['changesRequested'], approved: ['approved'] },
    editor: Object.fromEntries(REVIEW_STATUSES.map((s) => [s, [...REVIEW_STATUSES]])) as Record<ReviewStatus, ReviewStatus[]>,
    admin: Object.fromEntries(REVIEW_STATUSES.map((s) => [s, [...REVIEW_STATUSES]])) as Record<ReviewStatus, ReviewStatus[]>,
  }
  const cases = Object.entries(EXPECTED).flatMap(([role, byStatus]) =>
    Object.entries(byStatus).map(([current, offered]) => ({ role: role as Role, current: current as ReviewStatus, offered })),
  )

  it.each(cases)('$role on an item in $current: $offered', ({ role, current, offered }) => {
    expect(reviewStatusOptionsFor(role, current)).toEqual(offered)
    // The select's filterOptions keeps the labelled options, in order.
    const filtered = reviewStatusOptions({ options: OPTIONS, req: req(role), siblingData: { reviewStatus: current } })
    expect(valuesOf(filtered)).toEqual(offered)
    expect(filtered.every((option) => typeof option === 'object' && option.label === REVIEW_STATUS_LABELS[option.value as ReviewStatus])).toBe(true)
  })

  it('never offers an assistant "Approved" or "Changes requested" from a draft or in review', () => {
    for (const current of ['draft', 'inReview'] as const) {
      const offered = valuesOf(reviewStatusOptions({ options: OPTIONS, req: req('editorialAssistant'), siblingData: { reviewStatus: current } }))
      expect(offered).not.toContain('approved')
      expect(offered).not.toContain('changesRequested')
    }
  })

  it('reads a missing status as a draft, and leaves server code every option', () => {
    expect(valuesOf(reviewStatusOptions({ options: OPTIONS, req: req('editorialAssistant'), siblingData: {} }))).toEqual(['draft', 'inReview'])
    expect(reviewStatusOptions({ options: OPTIONS, req: req(null), siblingData: { reviewStatus: 'draft' } })).toEqual(OPTIONS)
  })

  it('is the filter of the Review status field', () => {
    const field = reviewFields().find((f): f is SelectField => 'name' in f && f.name === 'reviewStatus')
    expect(field?.filterOptions).toBe(reviewStatusOptions)
  })
})

describe('who sees Review status and Assignee as editable', () => {
  type Named = { name: string; access?: { update?: FieldAccess } }
  const fields = reviewFields().filter((f) => 'name' in f && (f.name === 'reviewStatus' || f.name === 'assignee')) as Named[]

  it('both fields use canChangeReview for updates', () => {
    expect(fields.map((f) => f.name).sort()).toEqual(['assignee', 'reviewStatus'])
    for (const field of fields) expect(field.access?.update, field.name).toBe(canChangeReview)
  })

  it.each([
    ['editorialAssistant', true],
    ['editor', true],
    ['admin', true],
    ['productionEditor', false],
  ] as const)('%s: editable in the admin → %s', (role, editable) => {
    // How the admin asks (payload's populateFieldPermissions): the stored document, no siblingData.
    const doc = { id: 1, reviewStatus: 'draft' }
    expect(Boolean(canChangeReview({ id: 1, data: doc, doc, req: req(role) }))).toBe(editable)
  })

  it('lets a save through to enforceReviewTransition, which answers a refusal with its 403', () => {
    const doc = { id: 1, reviewStatus: 'draft' }
    expect(canChangeReview({ id: 1, data: doc, doc, siblingData: { reviewStatus: 'approved' }, req: req('productionEditor') })).toBe(true)
  })
})
