import type { PayloadRequest } from 'payload'

import type { Id } from '../ids'
import type { Issue } from '../payload-types'
import { ServiceError } from './errors'

const noSuchIssue = () => new ServiceError('not-found', 404, 'No such issue.')

/** The id of `/api/issues/:id/…`; 404 when the URL names none. */
export function routeId(req: PayloadRequest): Id {
  const id = req.routeParams?.id
  if (typeof id !== 'string' && typeof id !== 'number') throw noSuchIssue()
  return id
}

/**
 * The issue the URL names, read with the caller's own rights (drafts for the committee): an
 * issue they may not read is answered as one that does not exist.
 */
export async function issueOfRoute(req: PayloadRequest, id: Id = routeId(req)): Promise<Issue> {
  const { docs } = await req.payload.find({
    collection: 'issues',
    where: { id: { equals: id } },
    draft: true,
    depth: 0,
    limit: 1,
    overrideAccess: false,
    user: req.user,
  })
  if (!docs[0]) throw noSuchIssue()
  return docs[0]
}
