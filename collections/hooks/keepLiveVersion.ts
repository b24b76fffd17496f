import type { CollectionBeforeOperationHook, Where } from 'payload'

import { canPublish } from '../../src/access/canPublish'
import {
  bulkUnpublishRefusal,
  findLiveVersion,
  isLive,
  publishRefusal,
  restoreRefusal,
  unpublishRefusal,
  type PublishingContext,
} from '../../src/workflow/publishing'
import type { Id } from '../../src/ids'

/** The arguments of update, updateByID and restoreVersion this hook reads or changes. */
interface SaveArgs {
  id?: Id
  duplicateFromID?: Id
  where?: Where
  data?: Record<string, unknown>
  draft?: boolean
  publishAllLocales?: boolean
  unpublishAllLocales?: boolean
}

/**
 * Only editors and admins change what the public sees (src/workflow/publishing.ts). Before
 * any save by someone else, while the operation's arguments can still change:
 * - an explicit publish is refused, and so is an explicit unpublish (a live save with
 *   `_status: 'draft'` over a published item);
 * - a save of a published item becomes a draft save: the live version stays as it is and
 *   an editor publishes the change (the admin's "Save draft" and autosave already are);
 * - a bulk edit is a draft save for every item it touches;
 * - a version restore over a published item must be a restore as a draft;
 * - a duplicate starts as a draft (Payload would copy the original's `_status`).
 * Server code without a user (seed, import, jobs without a scheduler) is trusted.
 */
export const keepLiveVersion: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (!req.user || canPublish(req.user)) return args
  const save = args as unknown as SaveArgs
  if (operation === 'update') {
    const data = save.data ?? {}
    const live = save.id !== undefined ? await findLiveVersion(req, collection.slug, save.id) : null
    if (data._status === 'published') throw publishRefusal(collection, { ...live, ...data })
    save.publishAllLocales = false
    save.unpublishAllLocales = false
    if (save.id === undefined) {
      // Bulk edit: which items are live is not known here; every one is saved as a draft.
      if (!save.draft && data._status === 'draft') throw bulkUnpublishRefusal(collection)
      save.draft = true
      return args
    }
    if (!isLive(live)) return args
    if (!save.draft && data._status === 'draft') throw unpublishRefusal(collection, { ...live, ...data })
    save.draft = true
    return args
  }
  if (operation === 'create' && save.duplicateFromID !== undefined && save.duplicateFromID !== null) {
    const data = save.data ?? {}
    if (data._status === 'published') throw publishRefusal(collection, { ...data, id: undefined })
    save.data = { ...data, _status: 'draft' }
    return args
  }
  if (operation === 'restoreVersion' && save.id !== undefined) {
    const { docs } = await req.payload.db.findVersions<{ parent?: Id }>({
      collection: collection.slug,
      where: { id: { equals: save.id } },
      limit: 1,
      pagination: false,
      req,
    })
    const parent = docs[0]?.parent
    const live = parent === undefined ? null : await findLiveVersion(req, collection.slug, parent)
    if (save.draft) {
      ;(req.context as PublishingContext).restoringAsDraft = true
      return args
    }
    if (isLive(live)) throw restoreRefusal(collection, live)
  }
  return args
}
