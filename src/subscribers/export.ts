/** Export: the subscriber list as CSV, in a shape the import reads back as it is. */
import type { Payload } from 'payload'

import type { User } from '../payload-types'
import { toCsv } from './csv'
import { assertMayManage } from './mayManage'
import type { SubscriberStatus } from './find'

export const EXPORT_COLUMNS = ['email', 'name', 'status', 'consent_at', 'consent_method', 'consent_source', 'created_at'] as const

/** The list as CSV, email first so the file imports again as it is. */
export async function exportSubscribers(payload: Payload, options: { status?: SubscriberStatus; user?: Pick<User, 'role'> | null } = {}): Promise<string> {
  assertMayManage(options.user)
  const { docs } = await payload.find({
    collection: 'subscribers',
    where: options.status ? { status: { equals: options.status } } : {},
    sort: 'email',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return toCsv([
    [...EXPORT_COLUMNS],
    ...docs.map((s) => [
      s.email,
      s.name ?? '',
      s.status,
      s.consent?.at ?? '',
      s.consent?.method ?? '',
      s.consent?.source ?? '',
      s.createdAt,
    ]),
  ])
}
