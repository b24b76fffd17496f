import type { CollectionConfig } from 'payload'

import { refusePublishWithoutRight } from '../src/hooks/refusePublishWithoutRight'

/** Drafts with versions and autosave, as every piece of issue content has. */
export const draftsWithAutosave: CollectionConfig['versions'] = {
  drafts: { autosave: { interval: 2000 } },
  maxPerDoc: 50,
}

export const publishingHooks = {
  beforeChange: [refusePublishWithoutRight],
} satisfies CollectionConfig['hooks']
