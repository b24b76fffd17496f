/**
 * MongoDB gives every document a text id; SQLite, as the bulletin runs it, numbers. No
 * MongoDB server runs here, so the services run on SQLite with text ids (Payload's
 * `idType: 'uuid'`): the same code paths that see strings on MongoDB (relations, the
 * audience cursor, the ledger, the audit log, the chronology import's matching) see strings.
 */
import nodemailer from 'nodemailer'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { createCampaign, startCampaign } from '@/delivery/campaign'
import { runCampaign } from '@/delivery/runner'
import { importChronology } from '@/chronology/import'
import { demoSettings } from '@/seed/demoContent'
import {
  addNonRecipients,
  addSubscribers,
  confirmedSubscribers,
  createPublishedIssue,
  expectDelivered,
  issueContent,
  TEST_SECRET,
} from '../support/campaign'
import { startTestPayload, type TestPayload } from '../support/payload'
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../support/smtpSink'

vi.mock('@/database', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/database')>()
  return { ...original, databaseAdapter: (env: Parameters<typeof original.databaseAdapter>[0]) => original.sqliteDatabase(env, { idType: 'uuid' }) }
})

const READERS = 30
let t: TestPayload
let payload: Payload
let sink: SmtpSink<SinkMessage>

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  sink = await startSmtpSink({ parse: false })
}, 180_000)

afterAll(async () => {
  await sink?.close()
  await t?.close()
})

const isText = (id: unknown) => typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)

describe('the services on a database with text ids', () => {
  it('runs on text ids', () => {
    expect(payload.db.defaultIDType).toBe('text')
  })

  it('imports subscribers, publishes an issue and sends its campaign to exactly the confirmed readers', async () => {
    await addSubscribers(payload, READERS)
    await addNonRecipients(payload, 2)
    const issue = await createPublishedIssue(payload, 'text-ids')
    expect(isText(issue)).toBe(true)
    const campaign = await createCampaign(payload, { issue, policy: 'at-least-once' }, { cli: true })
    expect(isText(campaign.id)).toBe(true)
    await startCampaign(payload, campaign.id, { actor: { cli: true }, confirm: true, queue: false })
    // Pages of 7: the audience cursor (a text id) carries over several pages.
    const result = await runCampaign(payload, campaign.id, {
      transport: nodemailer.createTransport(sink.transportOptions({ maxConnections: 3 })),
      settings: { retryBaseMs: 20, retryMaxMs: 100, batchSize: 7, connections: 3, maxAttempts: 4, leaseMs: 3000 },
      pollMs: 50,
    })
    expect(result).toMatchObject({ status: 'sent', counts: { accepted: READERS, queued: 0, sending: 0, skipped: 0 } })
    const recipients = await confirmedSubscribers(payload)
    expect(recipients).toHaveLength(READERS)
    expect(recipients.every((r) => isText(r.id))).toBe(true)
    const c = issueContent('text-ids')
    await expectDelivered(sink.messages, {
      recipients,
      subject: `${demoSettings.bulletinName} — ${c.periodLabel}: ${c.title}`,
      contains: [c.essayTitle, c.author, ...c.entries.map(([, text]) => text)],
      secret: TEST_SECRET,
    })
    const rows = await payload.find({ collection: 'deliveries', where: { campaign: { equals: campaign.id } }, limit: 0, depth: 0, overrideAccess: true })
    expect(rows.docs.every((d) => isText(d.id) && isText(d.subscriber))).toBe(true)
  }, 180_000)

  it('imports a chronology into the issue, and importing it again adds nothing', async () => {
    const text = 'April 2024\n\n3rd\tThe foreign ministers of Korea and Indonesia met in Jakarta to review the maritime partnership.\n9th\tA trade delegation from Busan visited Hai Phong.\n9th\tThe two ports signed a training agreement.'
    const first = await importChronology(payload, { issueSlug: 'text-ids', source: { text } })
    const again = await importChronology(payload, { issueSlug: 'text-ids', source: { text } })
    const statuses = (report: typeof first) => report.entries.map((e) => e.status)
    // The first entry was already there (createPublishedIssue): unchanged, matched by its text id.
    expect(statuses(first)).toEqual(['unchanged', 'new', 'new'])
    expect(statuses(again)).toEqual(['unchanged', 'unchanged', 'unchanged'])
    expect(again.entries.every((e) => isText(e.id))).toBe(true)
    const stored = await payload.find({ collection: 'chronology-entries', limit: 0, depth: 0, overrideAccess: true, sort: 'startDate' })
    expect(stored.docs).toHaveLength(4)
    expect(stored.docs.every((d) => isText(d.id) && isText(d.chronology))).toBe(true)
  })
})
