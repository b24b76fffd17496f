/**
 * Crash safety: a campaign to 800 subscribers while its worker process is killed with
 * SIGKILL five times (once while the audience is being frozen, four times while sending)
 * and started again each time. The sink holds every message a little before answering, and
 * one message per kill while sending until the kill, so messages are in flight at each of
 * those kills; each kill's ledger state is checked to show where it landed.
 *
 * At least once: nobody is missed; a reader gets a second copy only for a message that was
 * in flight at a kill ("sending" in the ledger right after it), and every copy carries the
 * same Message-ID. At most once: no reader gets two copies at all; what was in flight is
 * "unknown".
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Id } from '@/ids'
import type { DeliveryPolicy } from '@/delivery/states'
import { addSubscribers, createPublishedIssue, FAST_CAMPAIGN_ENV, reader, spawnWorker, startedCampaign, until, type WorkerProcess } from '../../support/campaign'
import { startTestPayload, type TestPayload } from '../../support/payload'
import { mulberry32, startSmtpSink, type SinkMessage, type SmtpSink } from '../../support/smtpSink'

const SUBSCRIBERS = 800
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
  /** Deliveries "sending" in the ledger right after the kill: the most that may go twice. */
  inFlight: number
  /** The ledger and the sink at the kill, to show where it landed. */
  ledgerRows: number
  audienceFrozen: boolean
  messagesReceived: number
  /** For a kill while sending: the reader whose message the sink was holding, and their ledger row then. */
  held?: { email: string; status: string }
}

async function runWithKills(policy: DeliveryPolicy, seed: number) {
  sink.reset()
  const random = mulberry32(seed)
  // Four readers spread over the list: the sink takes each one's message and holds its reply,
  // so each kill while sending lands with that message in flight (never answered: after the
  // kill, the held session is dropped, as a server would when its client goes).
  const positions: number[] = []
  for (let i = 0; i < KILLS - 1; i++) positions.push(100 + i * 170 + Math.floor(random() * 70))
  const held = positions.map((n) => reader(n).email)
  const arrived = new Set<string>()
  sink.setFaults({
    rules: [
      ...held.map((email) => ({
        stage: 'data' as const,
        address: (address: string) => address === email && (arrived.add(email), true),
        times: 1,
        action: { kind: 'delay' as const, ms: 600_000, then: { kind: 'drop' as const } },
      })),
      // Every other message waits 5-25 ms after its data before the 250.
      { stage: 'data', action: { kind: 'delay', ms: 5 + Math.floor(random() * 20) } },
    ],
  })
  const campaign = await startedCampaign(payload, await createPublishedIssue(payload, `crash-${policy}`), policy)
  const env = { ...FAST_CAMPAIGN_ENV, SMTP_URL: sink.url, CAMPAIGN_BATCH_SIZE: '40' }
  const kills: KillReport[] = []
  // One kill while the audience is being frozen, then one with each held message in flight.
  const freezeAt = 100 + Math.floor(random() * 550)
  const moments: Array<{ label: string; held?: string; reached: () => Promise<boolean> }> = [
    { label: `freezing, at ${freezeAt} ledger rows`, reached: async () => (await count(campaign)) >= freezeAt || sink.messages.length > 0 },
    ...held.map((email) => ({ label: `sending, with ${email} held by the sink`, held: email, reached: async () => arrived.has(email) })),
  ]
  worker = spawnWorker(t.dir, env)
  for (const moment of moments) {
    // Generous: a worker's start (tsx, Payload, schema check) takes long on a busy machine.
    await until(moment.reached, 180_000, () => `${moment.label}\n${worker?.output().slice(-4000)}`, 2)
    await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 20)))
    await worker.kill('SIGKILL')
    const audience = (await payload.findByID({ collection: 'campaigns', id: campaign, depth: 0, overrideAccess: true })).audience
    const heldRow = moment.held
      ? (await payload.find({ collection: 'deliveries', where: { and: [{ campaign: { equals: campaign } }, { email: { equals: moment.held } }] }, depth: 0, overrideAccess: true })).docs[0]
      : undefined
    kills.push({
      at: moment.label,
      inFlight: await count(campaign, 'sending'),
      ledgerRows: await count(campaign),
      audienceFrozen: Boolean(audience?.frozen),
      messagesReceived: sink.messages.length,
      ...(moment.held ? { held: { email: moment.held, status: heldRow?.status ?? 'no ledger row' } } : {}),
    })
    worker = spawnWorker(t.dir, env)
  }
  await until(async () => (await campaignStatus(campaign)) === 'sent', 600_000, () => `the campaign to be sent\n${worker?.output().slice(-4000)}`, 250)
  await worker.kill('SIGTERM')
  const { docs: rows } = await payload.find({ collection: 'deliveries', where: { campaign: { equals: campaign } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
  const perAddress = new Map<string, SinkMessage[]>()
  for (const m of sink.messages) perAddress.set(m.envelope.rcptTo[0], [...(perAddress.get(m.envelope.rcptTo[0]) ?? []), m])
  const duplicates = [...perAddress.values()].reduce((sum, copies) => sum + copies.length - 1, 0)
  const inFlightAtKills = kills.reduce((sum, k) => sum + k.inFlight, 0)
  console.info(`${policy}: kills ${JSON.stringify(kills)}; ${duplicates} duplicate(s), ${rows.filter((r) => r.status === 'unknown').length} unknown`)
  return { campaign, rows, perAddress, duplicates, inFlightAtKills, kills, held }
}

/** Each kill landed where it was meant to: the first while freezing, the others with a message in flight. */
function expectKillsLanded(kills: KillReport[]): void {
  expect(kills).toHaveLength(KILLS)
  const [freezing, ...sending] = kills
  // Part of the audience frozen, not all, and nothing sent yet.
  expect(freezing, freezing.at).toMatchObject({ audienceFrozen: false, messagesReceived: 0 })
  expect(freezing.ledgerRows, freezing.at).toBeGreaterThan(0)
  expect(freezing.ledgerRows, freezing.at).toBeLessThan(SUBSCRIBERS)
  for (const kill of sending) {
    expect(kill, kill.at).toMatchObject({ audienceFrozen: true, held: { status: 'sending' } })
    expect(kill.inFlight, kill.at).toBeGreaterThanOrEqual(1)
  }
}

describe('a worker killed with SIGKILL five times during a campaign', () => {
  it('at least once: no one is missed; copies only of messages in flight, with the same Message-ID', async () => {
    const { rows, perAddress, duplicates, inFlightAtKills, kills, held } = await runWithKills('at-least-once', 7)
    expectKillsLanded(kills)
    expect(rows).toHaveLength(SUBSCRIBERS)
    expect(rows.every((r) => r.status === 'accepted')).toBe(true)
    expect(perAddress.size).toBe(SUBSCRIBERS)
    for (const row of rows) {
      const copies = perAddress.get(row.email) ?? []
      expect(copies.length, row.email).toBeGreaterThanOrEqual(1)
      for (const copy of copies) expect(copy.messageId, row.email).toBe(row.messageId)
    }
    expect(duplicates).toBeLessThanOrEqual(inFlightAtKills)
    // The held messages were sent again after the kill, and accepted.
    for (const email of held) expect(perAddress.get(email), email).toHaveLength(1)
  }, 1_200_000)

  it('at most once: no one gets two copies; what was in flight is "unknown"', async () => {
    const { rows, perAddress, duplicates, inFlightAtKills, kills, held } = await runWithKills('at-most-once', 11)
    expectKillsLanded(kills)
    expect(rows).toHaveLength(SUBSCRIBERS)
    expect(duplicates).toBe(0)
    const unknown = rows.filter((r) => r.status === 'unknown')
    expect(unknown.length).toBeLessThanOrEqual(inFlightAtKills)
    // Messages were in flight at the kills: at least the held ones are unknown, not sent again.
    expect(unknown.map((r) => r.email)).toEqual(expect.arrayContaining(held))
    for (const email of held) expect(perAddress.get(email) ?? [], email).toHaveLength(0)
    for (const row of rows) {
      const copies = perAddress.get(row.email) ?? []
      if (row.status === 'accepted') expect(copies, row.email).toHaveLength(1)
      else {
        expect(row.status).toBe('unknown')
        expect(copies.length).toBeLessThanOrEqual(1)
      }
    }
  }, 1_200_000)
})
