import type { CollectionConfig } from 'payload'

import { refusePublishWithoutRight } from '../src/hooks/refusePublishWithoutRight'
import { enforceReviewTransition } from './hooks/enforceReviewTransition'
import { keepLiveVersion } from './hooks/keepLiveVersion'
import { noteLiveVersion } from './hooks/noteLiveVersion'
import { recordPublishing } from './hooks/recordPublishing'
import { recordReviewActivity } from './hooks/recordReviewActivity'
import { refusePublishUnlessApproved } from './hooks/refusePublishUnlessApproved'
import { showRefusalMessage } from './hooks/showRefusalMessage'
import { signalContentChange, signalContentDelete } from './hooks/signalContentChange'
import { stampReviewNotes } from './hooks/stampReviewNotes'

/** Drafts with versions and autosave, as every piece of issue content has. */
export const draftsWithAutosave = {
  drafts: { autosave: { interval: 2000 } },
  maxPerDoc: 50,
} satisfies CollectionConfig['versions']

/**
 * The drafts can also be published at a date and time: Payload queues a
 * `schedulePublish` job (default queue), run by the app's job cron (jobs.autoRun in
 * src/jobs/tasks.ts) and by `npm run worker`.
 */
export const draftsWithScheduledPublish = {
  ...draftsWithAutosave,
  drafts: { ...draftsWithAutosave.drafts, schedulePublish: true },
} satisfies CollectionConfig['versions']

/**
 * Who may publish, and the audit log's record of what readers see: issues and all their
 * content. Only editors and admins change the live version (src/workflow/publishing.ts):
 * keepLiveVersion makes anyone else's save a draft save before the operation runs,
 * refusePublishWithoutRight checks the status the save ends with.
 */
export const publishingHooks = {
  beforeOperation: [keepLiveVersion],
  beforeChange: [refusePublishWithoutRight, noteLiveVersion],
  afterChange: [recordPublishing, signalContentChange],
  afterDelete: [signalContentDelete],
  afterError: [showRefusalMessage],
} satisfies CollectionConfig['hooks']

/**
 * Content that goes through review (essays, highlights, publications, chronologies): the
 * publishing rules, plus the review workflow. Use with reviewFields() (src/fields).
 * Order matters: the right to publish is checked first, approval last, once the status
 * this save ends with is known.
 */
export const reviewedContentHooks = {
  beforeOperation: publishingHooks.beforeOperation,
  beforeChange: [...publishingHooks.beforeChange, enforceReviewTransition, stampReviewNotes, refusePublishUnlessApproved],
  afterChange: [recordReviewActivity, ...publishingHooks.afterChange],
  afterDelete: publishingHooks.afterDelete,
  afterError: publishingHooks.afterError,
} satisfies CollectionConfig['hooks']
