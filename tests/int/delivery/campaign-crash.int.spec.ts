/**
 * Crash safety: a campaign to 2,000 subscribers while its worker process is killed with
 * SIGKILL at five random moments (one while the audience is being frozen, four while
 * sending) and started again each time. The sink holds every message a little before
 * answering, so messages are genuinely in flight at the kills.
 *
 * At least once: nobody is missed; a reader gets a second copy only for a message that was
 * in flight at a kill ("sending" in the ledger right after it), and every copy carries the
 * same Message-ID. At most once: no reader gets two copies at all; what was in flight is
 * "unknown".
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Id } from '@/delivery/ledger'
import type { DeliveryPolicy } from '@/delivery/states'
import { addSubscribers, createPublishedIssue, FAST_CAMPAIGN_ENV, spawnWorker, startedCampaign, until, type WorkerProcess } from '../../support/campaign'
import { startTestPayload, type TestPayload } from '../../support/payload'
import { mulberry32, startSmtpSink, type SinkMessage, type SmtpSink } from '../../support/smtpSink'

const SUBSCRIBERS = 2000
const KILLS = 5

let t: TestPayload
let payload: Payload
let sink: SmtpSink<SinkMessage>
let worker: WorkerProcess | undefined

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  await addSubscribers(payload, SUBSCRIBERS)
  // Every message waits 5-25 ms after its data before the 250: the window a kill can hit.
  sink = await startSmtpSink({ parse: false })
}, 180_000)

afterAll(async () => {
  await worker?.kill()
  await sink?.close()
  await t?.close()
})

const count = async (campaign: Id, status?: string) =>
  (
    await payload.count({
      collection: 'deliveries',
      where: { and: [{ campaign: { equals: campaign } }, ...(status ? [{ status: { equals: status } }] : [])] },
      overrideAccess: true,
    })
  ).totalDocs

const campaignStatus = async (campaign: Id) => (await payload.findByID({ collection: 'campaigns', id: campaign, depth: 0, overrideAccess: true })).status

interface KillReport {
  at: string
  inFlight: number
}

async function runWithKills(policy: DeliveryPolicy, seed: number) {
  sink.reset()
  const random = mulberry32(seed)
  sink.setFaults({ rules: [{ stage: 'data', action: { kind: 'delay', ms: 5 + Math.floor(random() * 20) } }] })
  const campaign = await startedCampaign(payload, await createPublishedIssue(payload, `crash-${policy}`), policy)
  const env = { ...FAST_CAMPAIGN_ENV, SMTP_URL: sink.url, CAMPAIGN_BATCH_SIZE: '40' }
  const kills: KillReport[] = []
  // One kill while the audience is frozen, four at random points of the sending.
  const freezeAt = 200 + Math.floor(random() * 1400)
  const sendAt = Array.from({ length: KILLS - 1 }, () => 100 + Math.floor(random() * 1700)).sort((a, b) => a - b)
  const moments: Array<{ label: string; reached: () => Promise<boolean> }> = [
    { label: `freezing, at ${freezeAt} ledger rows`, reached: async () => (await count(campaign)) >= freezeAt || sink.messages.length > 0 },
    ...sendAt.map((n) => ({ label: `sending, at ${n} messages received`, reached: async () => sink.messages.length >= n })),
  ]
  worker = spawnWorker(t.dir, env)
  for (const moment of moments) {
    await until(moment.reached, 60_000, () => `${moment.label}\n${worker?.output().slice(-4000)}`, 2)
    await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 20)))
    await worker.kill('SIGKILL')
    // What the ledger says was in flight when the worker died: the most that may go twice.
    kills.push({ at: moment.label, inFlight: await count(campaign, 'sending') })
    worker = spawnWorker(t.dir, env)
  }
  await until(async () => (await campaignStatus(campaign)) === 'sent', 180_000, () => `the campaign to be sent\n${worker?.output().slice(-4000)}`, 250)
  await worker.kill('SIGTERM')
  const { docs: rows } = await payload.find({ collection: 'deliveries', where: { campaign: { equals: campaign } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
  const perAddress = new Map<string, SinkMessage[]>()
  for (const m of sink.messages) perAddress.set(m.envelope.rcptTo[0], [...(perAddress.get(m.envelope.rcptTo[0]) ?? []), m])
  const duplicates = [...perAddress.values()].reduce((sum, copies) => sum + copies.length - 1, 0)
  const inFlightAtKills = kills.reduce((sum, k) => sum + k.inFlight, 0)
  console.info(`${policy}: kills ${JSON.stringify(kills)}; ${duplicates} duplicate(s), ${rows.filter((r) => r.status === 'unknown').length} unknown`)
  return { campaign, rows, perAddress, duplicates, inFlightAtKills, kills }
}

describe('a worker killed with SIGKILL five times during a campaign', () => {
  it('at least once: no one is missed; copies only of messages in flight, with the same Message-ID', async () => {
    const { rows, perAddress, duplicates, inFlightAtKills, kills } = await runWithKills('at-least-once', 7)
    expect(kills).toHaveLength(KILLS)
    expect(rows).toHaveLength(SUBSCRIBERS)
    expect(rows.every((r) => r.status === 'accepted')).toBe(true)
    expect(perAddress.size).toBe(SUBSCRIBERS)
    for (const row of rows) {
      const copies = perAddress.get(row.email) ?? []
      expect(copies.length, row.email).toBeGreaterThanOrEqual(1)
      for (const copy of copies) expect(copy.messageId, row.email).toBe(row.messageId)
    }
    expect(duplicates).toBeLessThanOrEqual(inFlightAtKills)
  }, 420_000)

  it('at most once: no one gets two copies; what was in flight is "unknown"', async () => {
    const { rows, perAddress, duplicates, inFlightAtKills } = await runWithKills('at-most-once', 11)
    expect(rows).toHaveLength(SUBSCRIBERS)
    expect(duplicates).toBe(0)
    const unknown = rows.filter((r) => r.status === 'unknown')
    expect(unknown.length).toBeLessThanOrEqual(inFlightAtKills)
    for (const row of rows) {
      const copies = perAddress.get(row.email) ?? []
      if (row.status === 'accepted') expect(copies, row.email).toHaveLength(1)
      else {
        expect(row.status).toBe('unknown')
        expect(copies.length).toBeLessThanOrEqual(1)
      }
    }
  }, 420_000)
})
