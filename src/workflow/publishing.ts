/**
 * The publishing rule, in one place: only editors and admins change what the public sees.
 * Anyone else's save of an item with a published version is a draft save (the live version
 * stays as it is, an editor publishes the change); an explicit publish or unpublish by them
 * is refused with a message that names the item. Enforced by the hooks in
 * collections/hooks (keepLiveVersion before the operation, refusePublishWithoutRight
 * before the change) on every path: REST, GraphQL, Local API, bulk edit, duplicate,
 * version restore, autosave and the scheduled-publish job.
 */
import type { CollectionSlug, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { itemName } from './itemName'
import { WorkflowRefusal } from './refusal'
import type { Id } from '../ids'

type Collection = Pick<SanitizedCollectionConfig, 'admin' | 'labels' | 'slug'>

/** What the main (live) row of an item says: `null` when it has none. */
export interface LiveVersion {
  id: Id
  _status?: 'draft' | 'published' | null
  updatedAt?: string | null
  [field: string]: unknown
}

/** The live row: the main collection row, which readers see when it is published. */
export async function findLiveVersion(req: PayloadRequest, collection: string, id: Id): Promise<LiveVersion | null> {
  return req.payload.db.findOne<LiveVersion>({ collection: collection as CollectionSlug, where: { id: { equals: id } }, req })
}

export const isLive = (doc: LiveVersion | null | undefined): boolean => doc?._status === 'published'

/** Request context keys the publishing hooks share within one operation. */
export interface PublishingContext {
  /** Set for a version restore as a draft (`?draft=true`): the restored `_status` is not a publish. */
  restoringAsDraft?: boolean
  /** `<collection>:<id>` -> the live status and time before the save, for the audit log. */
  liveBefore?: Record<string, { status: string | null; updatedAt: string | null }>
}

const askAnEditor = 'Save your changes as a draft and ask an editor to publish them.'

export function publishRefusal(collection: Collection, doc: Record<string, unknown> | null | undefined): WorkflowRefusal {
  return new WorkflowRefusal(`Only editors can publish ${itemName(collection, doc)}. ${askAnEditor}`, {
    collection: collection.slug,
    rule: 'publish',
  })
}

export function unpublishRefusal(collection: Collection, doc: Record<string, unknown> | null | undefined): WorkflowRefusal {
  return new WorkflowRefusal(
    `Only editors can unpublish ${itemName(collection, doc)}: readers would lose it. ${askAnEditor}`,
    { collection: collection.slug, rule: 'unpublish' },
  )
}

export function liveSaveRefusal(collection: Collection, doc: Record<string, unknown> | null | undefined): WorkflowRefusal {
  return new WorkflowRefusal(`Only editors can change the published ${itemName(collection, doc)}. ${askAnEditor}`, {
    collection: collection.slug,
    rule: 'liveSave',
  })
}

export function restoreRefusal(collection: Collection, doc: Record<string, unknown> | null | undefined): WorkflowRefusal {
  return new WorkflowRefusal(
    `Only editors can restore a version of the published ${itemName(collection, doc)}: it would replace what readers see. Restore it as a draft, or ask an editor.`,
    { collection: collection.slug, rule: 'restore' },
  )
}

export function bulkUnpublishRefusal(collection: Collection): WorkflowRefusal {
  const plural = typeof collection.labels?.plural === 'string' ? collection.labels.plural.toLowerCase() : collection.slug
  return new WorkflowRefusal(`Only editors can unpublish ${plural}: readers would lose them. Save your changes as drafts and ask an editor.`, {
    collection: collection.slug,
    rule: 'unpublish',
  })
}

export const liveKey = (collection: string, id: Id): string => `${collection}:${String(id)}`
