/** Finding one subscriber, by address or by id. */
import type { Payload } from 'payload'

import type { Subscriber } from '../payload-types'
import { normaliseEmail } from './address'

export type SubscriberStatus = Subscriber['status']

export async function findSubscriberByEmail(payload: Payload, email: string): Promise<Subscriber | undefined> {
  const { docs } = await payload.find({
    collection: 'subscribers',
    where: { email: { equals: normaliseEmail(email) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}

export async function findSubscriberById(payload: Payload, id: string): Promise<Subscriber | undefined> {
  const { docs } = await payload.find({
    collection: 'subscribers',
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}
