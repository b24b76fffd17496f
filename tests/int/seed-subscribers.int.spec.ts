/**
 * `bulletin seed-subscribers` (src/seed/subscribers.ts): confirmed test readers written
 * through the subscriber import, like any list: numbered on from those already there,
 * with consent on record and an audit entry.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedTestSubscribers } from '@/seed/subscribers'
import { startTestPayload, type TestPayload } from '../support/payload'

let t: TestPayload
let payload: Payload

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
}, 120_000)
afterAll(async () => t?.close())

describe('seed-subscribers', () => {
  it('adds confirmed test readers through the import, numbering on from the last run', async () => {
    expect(await seedTestSubscribers(payload, 2, 'seed.test')).toMatchObject({ ok: true, created: 2 })
    expect(await seedTestSubscribers(payload, 3, 'seed.test')).toMatchObject({ ok: true, created: 3 })
    const { docs } = await payload.find({ collection: 'subscribers', sort: 'email', limit: 10, depth: 0, overrideAccess: true })
    expect(docs.map((d) => [d.email, d.name, d.status])).toEqual(
      [1, 2, 3, 4, 5].map((i) => [`test-0000${i}@seed.test`, `Test Reader ${i}`, 'confirmed']),
    )
    expect(docs.map((d) => d.consent)).toEqual(docs.map(() => expect.objectContaining({ method: 'import', source: 'Import of bulletin seed-subscribers by the command line' })))
    const audit = await payload.find({ collection: 'audit-log', where: { action: { equals: 'subscribersImported' } }, depth: 0, overrideAccess: true })
    expect(audit.totalDocs).toBe(2)
  })
})
