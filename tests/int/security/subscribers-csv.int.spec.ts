import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportSubscribers, importSubscribers } from '@/subscribers'
import { startTestPayload, type TestPayload } from '../../support/payload'

/** The editors' export, imported again (after the list was lost), gives back the same list. */

const LIST = [
  { email: '+news@example.org', name: '-Kim' },
  { email: '-dash@example.org', name: '=SUM(A1:A2)' },
  { email: '=eq@example.org', name: '@handle' },
  { email: "'quote@example.org", name: "'quoted" },
  { email: 'plain@example.org', name: 'Lee Jiwoo' },
]

let t: TestPayload
let payload: Payload

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
})

afterAll(async () => {
  await t?.close()
})

describe('subscriber CSV export, then import', () => {
  it('round-trips every address and name exactly, without a bogus new subscriber', async () => {
    for (const row of LIST) {
      await payload.create({ collection: 'subscribers', data: { ...row, status: 'confirmed' }, overrideAccess: true })
    }
    const csv = await exportSubscribers(payload)
    // Formula-looking cells stay defused for spreadsheets.
    expect(csv).toContain("'+news@example.org")
    expect(csv).toContain("'=SUM(A1:A2)")

    // Importing into the same list changes nothing and adds no one.
    const again = await importSubscribers(payload, csv, { fileName: 'export.csv', by: 'test', status: 'confirmed' })
    expect(again).toMatchObject({ ok: true, created: 0, addresses: LIST.length })

    // The list lost and restored from the export: the same addresses and names.
    await payload.delete({ collection: 'subscribers', where: { id: { exists: true } }, overrideAccess: true })
    const restored = await importSubscribers(payload, csv, { fileName: 'export.csv', by: 'test', status: 'confirmed' })
    expect(restored).toMatchObject({ ok: true, created: LIST.length })
    const { docs } = await payload.find({ collection: 'subscribers', pagination: false, sort: 'email', overrideAccess: true })
    expect(docs.map((d) => ({ email: d.email, name: d.name }))).toEqual([...LIST].sort((a, b) => (a.email < b.email ? -1 : 1)))
  })
})
