import type { Payload } from 'payload'

import type { User } from '../payload-types'
import { itemTitle, WORKFLOW_COLLECTIONS, workflowOf, type ReviewStatus, type WorkflowCollection, type WorkflowDoc } from '../workflow/fields'

/**
 * "My items": the essays, highlights, publications and chronologies assigned to a member
 * of the committee, newest change first, as plain data for the admin dashboard.
 */

export interface MyItem {
  collection: WorkflowCollection
  id: number | string
  title: string
  href: string
  /** Of the latest version: a draft saved over a published item counts as draft. */
  state: 'published' | 'draft'
  reviewStatus?: ReviewStatus
  layoutReady?: boolean
  unresolvedNotes: number
  updatedAt: string
}

export interface MyItemsResult {
  items: MyItem[]
}

const LIMIT = 50

export async function myItems(payload: Payload, user: User | null | undefined): Promise<MyItemsResult> {
  if (!user) return { items: [] }
  const admin = payload.config.routes.admin
  const items: MyItem[] = []
  for (const collection of WORKFLOW_COLLECTIONS) {
    const { docs } = await payload.find({
      collection,
      where: { assignee: { equals: user.id } },
      draft: true,
      depth: 0,
      sort: '-updatedAt',
      limit: LIMIT,
      user,
      overrideAccess: false,
    })
    for (const doc of docs as WorkflowDoc[]) {
      const flow = workflowOf(doc)
      items.push({
        collection,
        id: doc.id,
        title: itemTitle(doc),
        href: `${admin}/collections/${collection}/${encodeURIComponent(String(doc.id))}`,
        state: doc._status === 'published' ? 'published' : 'draft',
        reviewStatus: flow.reviewStatus,
        layoutReady: flow.layoutReady,
        unresolvedNotes: flow.unresolvedNotes,
        updatedAt: doc.updatedAt,
      })
    }
  }
  items.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))
  return { items: items.slice(0, LIMIT) }
}
