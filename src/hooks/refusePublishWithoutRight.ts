import type { CollectionBeforeChangeHook } from 'payload'

import { canPublish } from '../access/canPublish'
import { findLiveVersion, isLive, liveSaveRefusal, publishRefusal, type PublishingContext } from '../workflow/publishing'

/**
 * Publishing is the editors' right (src/workflow/publishing.ts). keepLiveVersion (before
 * the operation) turns a non-publisher's save of a published item into a draft save; this
 * hook is the last word, where the `_status` the save ends with is known, whatever the path:
 * - a save that would end published is refused;
 * - a new item (a duplicate too) starts as a draft, whatever it was copied from;
 * - a save that is not a draft save (its `_status` is not "draft") of a published item is
 *   refused: it would replace what readers see.
 * A restore as a draft carries the restored version's `_status`; it is made a draft here.
 */
export const refusePublishWithoutRight: CollectionBeforeChangeHook = async ({ collection, context, data, operation, originalDoc, req }) => {
  if (!req.user || canPublish(req.user)) return data
  if ((context as PublishingContext).restoringAsDraft) data._status = 'draft'
  if (data._status === 'published') throw publishRefusal(collection, { ...originalDoc, ...data })
  if (operation === 'create') return { ...data, _status: 'draft' }
  if (data._status === 'draft' || originalDoc?.id === undefined) return data
  if (isLive(await findLiveVersion(req, collection.slug, originalDoc.id))) throw liveSaveRefusal(collection, { ...originalDoc, ...data })
  return data
}
