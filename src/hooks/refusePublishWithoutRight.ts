import type { CollectionBeforeChangeHook } from 'payload'

import { hasRole } from '../access/roles'
import { WorkflowRefusal } from '../workflow/refusal'

/**
 * Publishing is the editors' right. Editorial assistants save drafts only; production
 * editors may save layout changes on what is already published but never publish a draft.
 * Checked in a hook because only here is the final `_status` of the save known.
 */
export const refusePublishWithoutRight: CollectionBeforeChangeHook = ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const user = req.user
  if (!user || hasRole(user, 'admin', 'editor')) return data
  if (data?._status !== 'published') return data
  const wasPublished = originalDoc?._status === 'published'
  if (hasRole(user, 'productionEditor') && wasPublished) return data
  throw new WorkflowRefusal(`Only editors can publish (${collection.slug}). Save your changes as a draft and ask an editor to publish them.`)
}
