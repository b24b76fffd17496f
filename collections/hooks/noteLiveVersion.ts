import type { CollectionBeforeChangeHook } from 'payload'

import { findLiveVersion, liveKey, type PublishingContext } from '../../src/workflow/publishing'

/**
 * Before a save, what readers see of the item (its live row), so that recordPublishing
 * compares the live version after the save with the live version before it, not with the
 * latest draft: a save over a pending draft that takes the item offline is an unpublish.
 */
export const noteLiveVersion: CollectionBeforeChangeHook = async ({ collection, context, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || originalDoc?.id === undefined) return data
  const live = await findLiveVersion(req, collection.slug, originalDoc.id)
  const ctx = context as PublishingContext
  ctx.liveBefore = { ...ctx.liveBefore, [liveKey(collection.slug, originalDoc.id)]: { status: live?._status ?? null, updatedAt: live?.updatedAt ?? null } }
  return data
}
