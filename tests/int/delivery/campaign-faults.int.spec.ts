/**
 * 2,000 subscribers through a real worker process (`src/jobs/worker.ts`) to an SMTP sink
 * that answers 10 % of attempts with a 4xx, drops the connection on 2 % and rejects 1 %
 * with a 5xx: every subscriber who did not bounce has exactly one message, the bounced ones
 * are marked (delivery and subscriber), and the ledger, the sink and the counts agree.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { campaignStatus } from '@/delivery/campaign'
import type { Id } from '@/ids'
import { addSubscribers, createPublishedIssue, FAST_CAMPAIGN_ENV, spawnWorker, startedCampaign, until, type WorkerProcess } from '../../support/campaign'
import { startTestPayload, type TestPayload } from '../../support/payload'
import { startSmtpSink, type FaultAction, type SinkMessage, type SmtpSink } from '../../support/smtpSink'

const SUBSCRIBERS = 2000
const transient: FaultAction = { kind: 'reply', code: 451, message: '4.3.0 Temporary system problem, try again' }
const drop: FaultAction = { kind: 'drop' }
const permanent: FaultAction = { kind: 'reply', code: 550, message: '5.1.1 Recipient address rejected: no such user' }

let t: TestPayload
let payload: Payload
let sink: SmtpSink<SinkMessage>
let worker: WorkerProcess | undefined
let campaign: Id

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  await addSubscribers(payload, SUBSCRIBERS)
  campaign = await startedCampaign(payload, await createPublishedIssue(payload, 'faults'))
  // Per attempt: 13 % faulted, as 10 parts 4xx, 2 parts dropped connection, 1 part 5xx.
  sink = await startSmtpSink({
    parse: false,
    faults: { random: { seed: 20240630, rate: 0.13, actions: [...Array<FaultAction>(10).fill(transient), drop, drop, permanent] } },
  })
}, 180_000)

afterAll(async () => {
  await worker?.kill()
  await sink?.close()
  await t?.close()
})

describe('a campaign through transient and permanent SMTP failures', () => {
  it('reaches every subscriber who did not bounce exactly once', async () => {
    worker = spawnWorker(t.dir, { ...FAST_CAMPAIGN_ENV, SMTP_URL: sink.url })
    const status = async () => (await payload.findByID({ collection: 'campaigns', id: campaign, depth: 0, overrideAccess: true })).status
    await until(async () => (await status()) === 'sent', 200_000, () => `the campaign to be sent\n${worker?.output().slice(-4000)}`, 500)
    await worker.kill('SIGTERM')

    const { docs: rows } = await payload.find({ collection: 'deliveries', where: { campaign: { equals: campaign } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
    expect(rows).toHaveLength(SUBSCRIBERS)
    const perAddress = new Map<string, SinkMessage[]>()
    for (const m of sink.messages) perAddress.set(m.envelope.rcptTo[0], [...(perAddress.get(m.envelope.rcptTo[0]) ?? []), m])

    const bounced = rows.filter((r) => r.status === 'bounced')
    const accepted = rows.filter((r) => r.status === 'accepted')
    expect(accepted.length + bounced.length).toBe(SUBSCRIBERS)
    expect(bounced.length).toBeGreaterThan(0)
    for (const row of accepted) {
      const copies = perAddress.get(row.email) ?? []
      expect(copies, row.email).toHaveLength(1)
      expect(copies[0].messageId).toBe(row.messageId)
      expect(row.response).toMatch(/^250/)
    }
    for (const row of bounced) {
      expect(perAddress.get(row.email) ?? [], row.email).toHaveLength(0)
      expect(row.responseCode).toBe(550)
      expect(row.response).toContain('no such user')
    }
    // Nothing was sent that the ledger does not know about.
    expect(sink.messages).toHaveLength(accepted.length)

    const subscribers = await payload.find({ collection: 'subscribers', where: { status: { equals: 'bounced' } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
    expect(new Set(subscribers.docs.map((s) => s.email))).toEqual(new Set(bounced.map((r) => r.email)))

    // The retries really happened: transient replies and drops, each followed by a success or a bounce.
    expect(sink.faults.filter((f) => f.code === 451).length).toBeGreaterThan(150)
    expect(sink.faults.filter((f) => f.outcome === 'drop').length).toBeGreaterThan(20)
    expect(accepted.filter((r) => (r.attempts ?? 0) > 1).length).toBeGreaterThan(150)

    const report = await campaignStatus(payload, campaign, { problems: 200 })
    expect(report.counts).toMatchObject({ accepted: accepted.length, bounced: bounced.length, queued: 0, sending: 0, deferred: 0, failed: 0, unknown: 0 })
    expect(report.problemsTotal).toBe(bounced.length)
    const stored = await payload.findByID({ collection: 'campaigns', id: campaign, depth: 0, overrideAccess: true })
    expect(stored.counts).toMatchObject({ accepted: accepted.length, bounced: bounced.length })
  }, 240_000)
})
