import type { CollectionConfig } from 'payload'

import { refusePublishWithoutRight } from '../src/hooks/refusePublishWithoutRight'
import { enforceReviewTransition } from './hooks/enforceReviewTransition'
import { refusePublishUnlessApproved } from './hooks/refusePublishUnlessApproved'
import { stampReviewNotes } from './hooks/stampReviewNotes'

/** Drafts with versions and autosave, as every piece of issue content has. */
export const draftsWithAutosave = {
  drafts: { autosave: { interval: 2000 } },
  maxPerDoc: 50,
} satisfies CollectionConfig['versions']

/** Who may publish: issues and all their content. */
export const publishingHooks = {
  beforeChange: [refusePublishWithoutRight],
} satisfies CollectionConfig['hooks']

/**
 * Content that goes through review (essays, highlights, publications, chronologies): the
 * publishing rules, plus the review workflow. Use with reviewFields() (src/fields).
 * Order matters: the right to publish is checked first, approval last, once the status
 * this save ends with is known.
 */
export const reviewedContentHooks = {
  beforeChange: [...publishingHooks.beforeChange, enforceReviewTransition, stampReviewNotes, refusePublishUnlessApproved],
} satisfies CollectionConfig['hooks']
