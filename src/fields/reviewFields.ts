import type { Field, Option, PayloadRequest } from 'payload'

import { canChangeReview } from '../access/canChangeReview'
import { canSetLayoutReady } from '../access/canSetLayoutReady'
import { systemOnly } from '../access/systemOnly'
import type { User } from '../payload-types'
import { INITIAL_REVIEW_STATUS, REVIEW_STATUSES, REVIEW_STATUS_LABELS, reviewStatusOf, reviewStatusOptionsFor } from '../workflow/review'

/**
 * The review statuses the member may pick: the current one and where they may move it
 * (reviewStatusOptionsFor). Server code without a member keeps every option. Payload's select
 * validation runs it too, with the new value as current, so an allowed move stays valid.
 */
export function reviewStatusOptions({ options, req, siblingData }: { options: Option[]; req: Pick<PayloadRequest, 'user'>; siblingData: unknown }): Option[] {
  const user = req.user as Pick<User, 'role'> | null
  if (!user) return options
  const allowed: readonly string[] = reviewStatusOptionsFor(user.role, reviewStatusOf(siblingData as { reviewStatus?: string | null }))
  return options.filter((option) => allowed.includes(typeof option === 'string' ? option : option.value))
}

/**
 * The review workflow's fields, for essays, highlights, publications and chronologies:
 * status, assignee and "layout ready" in the sidebar, and the thread of review notes.
 *
 * Who may change the status and the assignee is checked by the enforceReviewTransition hook
 * (a refusal is an error naming the item, not a silently ignored field). Field access
 * (canChangeReview) and the status options (reviewStatusOptions) only shape the admin: the
 * fields read-only for production editors, an assistant offered only the moves they may make.
 * A note's author and time are written by the stampReviewNotes hook only: field access keeps
 * them out of reach of the API.
 */
export function reviewFields(): Field[] {
  return [
    {
      name: 'reviewStatus',
      type: 'select',
      label: 'Review status',
      required: true,
      index: true,
      defaultValue: INITIAL_REVIEW_STATUS,
      options: REVIEW_STATUSES.map((value) => ({ value, label: REVIEW_STATUS_LABELS[value] })),
      filterOptions: reviewStatusOptions,
      access: { update: canChangeReview },
      // A copy is a new item: its review starts over (and an assistant may duplicate an approved item).
      hooks: { beforeDuplicate: [() => INITIAL_REVIEW_STATUS] },
      admin: {
        position: 'sidebar',
        description: 'Assistants send to review; editors request changes, approve or reopen. Only approved items can be published.',
      },
    },
    {
      name: 'assignee',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: { update: canChangeReview },
      admin: { position: 'sidebar', description: 'Who is working on this now.' },
    },
    {
      name: 'layoutReady',
      type: 'checkbox',
      label: 'Layout ready',
      defaultValue: false,
      access: { create: canSetLayoutReady, update: canSetLayoutReady },
      admin: { position: 'sidebar', description: 'Set by the production editor when the item is ready for the print layout.' },
    },
    {
      name: 'reviewNotes',
      type: 'array',
      label: 'Review notes',
      labels: { singular: 'Note', plural: 'Notes' },
      admin: { description: 'The committee\'s thread on this item. Author and time are recorded when a note is saved.' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'author',
              type: 'relationship',
              relationTo: 'users',
              access: { create: systemOnly, update: systemOnly },
              admin: { readOnly: true, width: '50%' },
            },
            {
              name: 'createdAt',
              type: 'date',
              label: 'Written at',
              access: { create: systemOnly, update: systemOnly },
              admin: { readOnly: true, width: '50%', date: { pickerAppearance: 'dayAndTime' } },
            },
          ],
        },
        { name: 'text', type: 'textarea', required: true },
        { name: 'resolved', type: 'checkbox', defaultValue: false },
      ],
    },
  ]
}
