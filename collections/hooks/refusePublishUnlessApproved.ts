import type { CollectionBeforeChangeHook } from 'payload'

import { itemName } from '../../src/workflow/itemName'
import { WorkflowRefusal } from '../../src/workflow/refusal'
import { REVIEW_STATUS_LABELS, reviewStatusOf } from '../../src/workflow/review'

/**
 * Only approved items are published: a save that ends published (publishing, or saving a
 * published item) must end approved, whoever saves it, the seed and jobs included. The
 * approval may come in the same save (an editor approves and publishes at once).
 */
export const refusePublishUnlessApproved: CollectionBeforeChangeHook = ({ collection, data, originalDoc }) => {
  if (data._status !== 'published') return data
  const status = data.reviewStatus === undefined ? reviewStatusOf(originalDoc) : reviewStatusOf(data)
  if (status === 'approved') return data
  throw new WorkflowRefusal(
    `The ${itemName(collection, { ...originalDoc, ...data })} is “${REVIEW_STATUS_LABELS[status]}”: only approved items can be published. Approve it first, or save it as a draft.`,
    { collection: collection.slug, reviewStatus: status },
  )
}
