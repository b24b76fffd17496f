import type { CollectionAfterChangeHook } from 'payload'

import { recordAudit } from '../../src/audit/record'
import { titleOf } from '../../src/workflow/itemName'

type Id = number | string

interface VersionedDoc {
  id: Id
  _status?: 'draft' | 'published' | null
  reviewStatus?: string | null
}

/**
 * Publishing and unpublishing go to the audit log, for every piece of issue content and
 * the issue itself (a scheduled publish included: the job saves as the member who
 * scheduled it).
 */
export const recordPublishing: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  const after = doc as VersionedDoc
  const before = (operation === 'update' ? previousDoc : undefined) as VersionedDoc | undefined
  const base = { collection: collection.slug, documentId: after.id, title: titleOf(collection, doc as Record<string, unknown>) ?? null }
  const details = after.reviewStatus ? { reviewStatus: after.reviewStatus } : undefined
  if (after._status === 'published' && before?._status !== 'published') {
    await recordAudit(req, { ...base, action: 'published', from: before?._status ?? null, to: 'published', details })
  }
  if (before?._status === 'published' && after._status === 'draft') {
    // A draft saved over a published item leaves the published one in place: only when the
    // item itself is now a draft was it unpublished.
    const stored = await req.payload.db.findOne<VersionedDoc>({ collection: collection.slug, where: { id: { equals: after.id } }, req })
    if (stored?._status === 'draft') await recordAudit(req, { ...base, action: 'unpublished', from: 'published', to: 'draft', details })
  }
  return doc
}
