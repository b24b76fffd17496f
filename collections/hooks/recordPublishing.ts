import type { CollectionAfterChangeHook } from 'payload'

import { recordAudit } from '../../src/audit/record'
import { titleOf } from '../../src/workflow/itemName'
import { findLiveVersion, liveKey, type PublishingContext } from '../../src/workflow/publishing'

/**
 * Every change of what the public sees goes to the audit log, for every piece of issue
 * content and the issue itself: publishing, unpublishing, and publishing changes over a
 * published item (a restore included). Compared with the live row before the save
 * (noteLiveVersion), not with the latest draft. A scheduled publish is recorded as the
 * member who scheduled it (the job saves as them). A draft save records nothing here.
 */
export const recordPublishing: CollectionAfterChangeHook = async ({ collection, context, doc, operation, req }) => {
  const id = (doc as { id: number | string }).id
  const before = operation === 'update' ? (context as PublishingContext).liveBefore?.[liveKey(collection.slug, id)] : undefined
  const after = await findLiveVersion(req, collection.slug, id)
  const wasLive = before?.status === 'published'
  const isLiveNow = after?._status === 'published'
  const reviewStatus = (after?.reviewStatus ?? (doc as { reviewStatus?: unknown }).reviewStatus) as string | null | undefined
  const base = {
    collection: collection.slug,
    documentId: id,
    title: titleOf(collection, (after ?? doc) as Record<string, unknown>) ?? null,
    details: reviewStatus ? { reviewStatus } : undefined,
  }
  if (isLiveNow && !wasLive) {
    await recordAudit(req, { ...base, action: 'published', from: before?.status ?? null, to: 'published' })
  } else if (wasLive && !isLiveNow) {
    await recordAudit(req, { ...base, action: 'unpublished', from: 'published', to: after?._status ?? 'draft' })
  } else if (wasLive && isLiveNow && after?.updatedAt !== before?.updatedAt) {
    await recordAudit(req, { ...base, action: 'republished' })
  }
  return doc
}
