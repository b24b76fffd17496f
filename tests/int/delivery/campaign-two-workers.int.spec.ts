/**
 * Two worker processes on one campaign at once, both claiming from the same ledger: every
 * subscriber gets exactly one message, both workers did part of the work, and the ledger,
 * the sink and the counts agree.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Id } from '@/ids'
import { createCampaign, startCampaign } from '@/delivery/campaign'
import { addSubscribers, createPublishedIssue, FAST_CAMPAIGN_ENV, spawnWorker, until, type WorkerProcess } from '../../support/campaign'
import { startTestPayload, type TestPayload } from '../../support/payload'
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../../support/smtpSink'

const SUBSCRIBERS = 2000

let t: TestPayload
let payload: Payload
let sink: SmtpSink<SinkMessage>
let workers: WorkerProcess[] = []
let campaign: Id

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  await addSubscribers(payload, SUBSCRIBERS)
  const issue = await createPublishedIssue(payload, 'two-workers')
  campaign = (await createCampaign(payload, { issue }, { cli: true })).id
  // A short wait before each 250 keeps both workers' claims overlapping in time.
  sink = await startSmtpSink({ parse: false, faults: { rules: [{ stage: 'data', action: { kind: 'delay', ms: 3 } }] } })
}, 180_000)

afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill()))
  await sink?.close()
  await t?.close()
})

describe('two workers on one campaign', () => {
  it('never send one delivery twice', async () => {
    const env = { ...FAST_CAMPAIGN_ENV, SMTP_URL: sink.url, CAMPAIGN_BATCH_SIZE: '25', CAMPAIGN_MESSAGES_PER_SECOND: '150' }
    workers = [spawnWorker(t.dir, env), spawnWorker(t.dir, env)]
    // Start sending once both are up, so they really run side by side.
    await until(() => workers.every((w) => w.output().includes('started as')), 120_000, () => workers.map((w) => w.output()).join('\n---\n'), 100)
    await startCampaign(payload, campaign, { actor: { cli: true }, confirm: true, queue: false })
    const status = async () => (await payload.findByID({ collection: 'campaigns', id: campaign, depth: 0, overrideAccess: true })).status
    await until(async () => (await status()) === 'sent', 200_000, () => `the campaign to be sent\n${workers.map((w) => w.output().slice(-2000)).join('\n---\n')}`, 500)
    await Promise.all(workers.map((w) => w.kill('SIGTERM')))

    const { docs: rows } = await payload.find({ collection: 'deliveries', where: { campaign: { equals: campaign } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
    expect(rows).toHaveLength(SUBSCRIBERS)
    expect(rows.every((r) => r.status === 'accepted' && r.attempts === 1)).toBe(true)
    const recipients = sink.messages.map((m) => m.envelope.rcptTo[0])
    expect(recipients).toHaveLength(SUBSCRIBERS)
    expect(new Set(recipients).size).toBe(SUBSCRIBERS)
    expect(new Set(recipients)).toEqual(new Set(rows.map((r) => r.email)))

    // Both took part: each round of a worker logs the attempts it made (the worker that does
    // not finish the campaign logs its rounds as "sending").
    const attempts = workers.map((w) => [...w.output().matchAll(/campaign \d+: \w+; (\d+) attempts here/g)].reduce((sum, m) => sum + Number(m[1]), 0))
    expect(attempts.every((n) => n > 0), `attempts per worker: ${attempts.join(', ')}`).toBe(true)
    expect(attempts[0] + attempts[1]).toBe(SUBSCRIBERS)
  }, 240_000)
})
