/**
 * The campaign service and the engine in one process, over real SMTP to the loopback sink:
 * the checks before sending, the frozen message, the ledger agreeing with the sink,
 * per-recipient messages (greeting, unsubscribe link, stable Message-ID, DKIM), unsubscribes
 * and bounces during a send, pause / resume / cancel, at-most-once "unknown", schedules,
 * and a second campaign never reaching a reader twice.
 */
import { generateKeyPairSync } from 'node:crypto'
import nodemailer from 'nodemailer'
import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  CampaignError,
  campaignStatus,
  cancelCampaign,
  createCampaign,
  pauseCampaign,
  resendUnknown,
  resumeCampaign,
  scheduleCampaign,
  startCampaign,
} from '@/delivery/campaign'
import { contentHashOf, type FrozenCampaignMessage } from '@/delivery/campaignMessage'
import { runCampaign } from '@/delivery/runner'
import { startIfDue } from '@/delivery/sendIssue'
import type { Id } from '@/ids'
import { newsletterMessageId } from '@/mail/newsletterMessage'
import { unsubscribe } from '@/subscribers'
import type { User } from '@/payload-types'
import { addSubscribers, createPublishedIssue } from '../../support/campaign'
import { startTestPayload, type TestPayload } from '../../support/payload'
import { startSmtpSink, type SmtpSink, type SinkMessage } from '../../support/smtpSink'
import { verifyDkim } from '../smtp/dkim'

const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
})

let t: TestPayload
let payload: Payload
let sink: SmtpSink<SinkMessage>
let editor: User
let assistant: User
const FAST = { retryBaseMs: 20, retryMaxMs: 100, batchSize: 40, connections: 4, maxAttempts: 6, leaseMs: 3000 }

const transport = () => nodemailer.createTransport(sink.transportOptions({ maxConnections: 4 }))
const run = (id: Id, extra: Parameters<typeof runCampaign>[2] = {}) =>
  runCampaign(payload, id, { transport: transport(), settings: FAST, pollMs: 100, ...extra })

async function newCampaign(slug: string, policy: 'at-least-once' | 'at-most-once' = 'at-least-once'): Promise<Id> {
  const issue = await createPublishedIssue(payload, slug)
  return (await createCampaign(payload, { issue, policy }, { user: editor })).id
}

async function ledger(campaign: Id) {
  const { docs } = await payload.find({ collection: 'deliveries', where: { campaign: { equals: campaign } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
  return docs
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  sink = await startSmtpSink({ parse: false })
  const user = async (role: User['role']) =>
    (await payload.create({ collection: 'users', data: { email: `${role}@example.org`, password: 'a-long-test-password', name: role, role }, overrideAccess: true })) as User
  editor = await user('editor')
  assistant = await user('editorialAssistant')
  await addSubscribers(payload, 120)
  Object.assign(process.env, { DKIM_DOMAIN: 'example.org', DKIM_SELECTOR: 'bulletin2024', DKIM_PRIVATE_KEY: privateKey.replace(/\n/g, '\\n') })
}, 180_000)

afterAll(async () => {
  for (const key of ['DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY']) delete process.env[key]
  await sink?.close()
  await t?.close()
})

beforeEach(() => {
  sink.setFaults(undefined)
  sink.reset()
})

describe('before sending', () => {
  it('refuses without confirmation, for an assistant, an unpublished issue and preflight errors', async () => {
    const id = await newCampaign('checks')
    await expect(startCampaign(payload, id, { actor: { user: editor }, confirm: false })).rejects.toMatchObject({ code: 'confirm' })
    await expect(startCampaign(payload, id, { actor: { user: assistant }, confirm: true })).rejects.toMatchObject({ code: 'not-allowed' })

    const draft = await payload.create({
      collection: 'issues',
      data: { title: 'Unpublished', slug: 'unpublished', volume: 1, number: 2, quarter: '3', year: 2024, publicationDate: '2024-09-30T12:00:00.000Z', _status: 'draft' },
      overrideAccess: true,
    })
    const onDraft = await createCampaign(payload, { issue: draft.id }, { user: editor })
    await expect(startCampaign(payload, onDraft.id, { actor: { user: editor }, confirm: true })).rejects.toMatchObject({ code: 'not-published' })

    // A section listed in the contents with nothing in it is a preflight error.
    const broken = await payload.create({
      collection: 'issues',
      data: {
        title: 'Broken', slug: 'broken', volume: 1, number: 3, quarter: '4', year: 2024, publicationDate: '2024-12-31T12:00:00.000Z',
        sections: [{ blockType: 'essaysSection', title: 'Essays', essays: [] }],
        _status: 'published',
      },
      overrideAccess: true,
    })
    const onBroken = await createCampaign(payload, { issue: broken.id }, { user: editor })
    const refusal = await startCampaign(payload, onBroken.id, { actor: { user: editor }, confirm: true }).catch((e: unknown) => e)
    expect(refusal).toBeInstanceOf(CampaignError)
    expect((refusal as CampaignError).code).toBe('preflight')
    expect((refusal as CampaignError).preflight?.errors.map((e) => e.code)).toContain('empty-section')
    expect((await payload.findByID({ collection: 'campaigns', id: onBroken.id, overrideAccess: true })).status).toBe('draft')
  })
})

describe('a campaign to the list', () => {
  let id: Id
  let received: SinkMessage[] = []

  it('starts with its message frozen: subject, content hash, who and when', async () => {
    id = await newCampaign('main')
    const started = await startCampaign(payload, id, { actor: { user: editor }, confirm: true, queue: false })
    expect(started.status).toBe('sending')
    expect(started.startedVia).toBe('admin')
    expect(typeof started.startedBy === 'object' ? started.startedBy?.id : started.startedBy).toBe(editor.id)
    const snapshot = started.message?.snapshot as unknown as FrozenCampaignMessage
    expect(snapshot.mode).toBe('template')
    expect(started.message?.contentHash).toBe(contentHashOf(snapshot))
    expect(started.message?.subject).toContain('Korea Bulletin')
    await expect(startCampaign(payload, id, { actor: { user: editor }, confirm: true })).rejects.toMatchObject({ code: 'state' })
  })

  it('sends one message per confirmed subscriber; the ledger, the sink and the counts agree', async () => {
    const result = await run(id)
    expect(result.status).toBe('sent')
    expect(result.counts.accepted).toBe(120)
    const rows = await ledger(id)
    expect(rows).toHaveLength(120)
    expect(sink.messages).toHaveLength(120)
    received = [...sink.messages]
    const sent = new Set(sink.messages.map((m) => m.envelope.rcptTo[0]))
    expect(sent).toEqual(new Set(rows.map((r) => r.email)))
    for (const row of rows) {
      expect(row.status).toBe('accepted')
      expect(row.response).toMatch(/^250/)
      expect(row.attempts).toBe(1)
      expect(row.messageId).toBe(newsletterMessageId('main', String(typeof row.subscriber === 'object' ? row.subscriber.id : row.subscriber), 'example.org'))
    }
    const status = await campaignStatus(payload, id)
    expect(status).toMatchObject({ status: 'sent', counts: { accepted: 120, queued: 0, sending: 0 }, progress: { settled: 120, total: 120, fraction: 1 } })
    expect(status.audience).toMatchObject({ frozen: true, size: 120 })
  })

  it('gives each reader their own greeting, address, unsubscribe link and Message-ID, DKIM-signed', async () => {
    const message = received.find((m) => m.envelope.rcptTo[0] === 'r00001@example.test')!
    const parsed = await message.parse()
    expect(parsed.to).toMatchObject({ value: [{ name: 'Reader 1', address: 'r00001@example.test' }] })
    expect(parsed.text).toContain('Dear Reader 1,')
    expect(parsed.html).toContain('Dear Reader 1,')
    expect(parsed.text).toContain('because r00001@example.test is subscribed')
    const rows = await ledger(id)
    const row = rows.find((r) => r.email === 'r00001@example.test')!
    expect(parsed.messageId).toBe(row.messageId)
    const unsubscribeHeader = parsed.headerLines.find((h) => h.key === 'list-unsubscribe')!.line
    const link = /<(http[^>]+)>/.exec(unsubscribeHeader)![1]
    expect(parsed.text).toContain(link)
    const token = new URL(link).searchParams.get('token')!
    const noName = await received.find((m) => m.envelope.rcptTo[0] === 'r00003@example.test')!.parse()
    expect(noName.text).toContain('Dear reader,')
    const dkim = verifyDkim(message.raw, publicKey)
    expect(dkim.bodyHashOk).toBe(true)
    expect(dkim.signatureOk).toBe(true)
    expect(dkim.signedHeaders).toEqual(expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post', 'message-id', 'to']))
    // The link works: one click, and the reader is unsubscribed.
    expect(await unsubscribe(payload, token, 'one-click')).toMatchObject({ ok: true, email: 'r00001@example.test' })
  })

  it('never sends an issue twice to a reader: a second campaign leaves out whom the first reached', async () => {
    const issue = (await payload.findByID({ collection: 'campaigns', id, depth: 0, overrideAccess: true })).issue
    const again = await createCampaign(payload, { issue: typeof issue === 'object' ? issue.id : issue }, { user: editor })
    await startCampaign(payload, again.id, { actor: { user: editor }, confirm: true, queue: false })
    sink.reset()
    const result = await run(again.id)
    expect(result.status).toBe('sent')
    expect(sink.messages).toHaveLength(0)
    const status = await campaignStatus(payload, again.id)
    expect(status.audience.alreadySent).toBe(119)
  })
})

describe('during a send', () => {
  it('honours unsubscribes made while it runs, and marks 5xx bounces on the subscriber', async () => {
    const id = await newCampaign('honour')
    await startCampaign(payload, id, { actor: { user: editor }, confirm: true, queue: false })
    sink.setFaults({ rules: [{ address: 'r00007@example.test', action: { kind: 'reply', code: 550, message: '5.1.1 <r00007@example.test>: Recipient address rejected: User unknown' } }] })
    const leaving: string[] = []
    let done = false
    const result = await run(id, {
      settings: { ...FAST, connections: 1, batchSize: 5 },
      onAttempt: () => {
        if (done || sink.messages.length < 20) return
        done = true
        // Unsubscribe ten readers whose deliveries are still queued, through their own links.
        void (async () => {
          const queued = await payload.find({ collection: 'deliveries', where: { and: [{ campaign: { equals: id } }, { status: { equals: 'queued' } }] }, sort: '-id', limit: 10, depth: 1, overrideAccess: true })
          for (const row of queued.docs) {
            const subscriber = row.subscriber as { id: Id; email: string }
            const { unsubscribeUrlFor } = await import('@/subscribers')
            const token = new URL(unsubscribeUrlFor({ id: String(subscriber.id), email: subscriber.email })).searchParams.get('token')!
            await unsubscribe(payload, token, 'one-click')
            leaving.push(subscriber.email)
          }
        })()
      },
    })
    expect(result.status).toBe('sent')
    expect(leaving.length).toBe(10)
    const rows = await ledger(id)
    for (const email of leaving) {
      const row = rows.find((r) => r.email === email)!
      // Those whose turn came after they left were skipped; none got the message after leaving.
      if (row.status === 'skipped') expect(sink.messagesTo(email)).toHaveLength(0)
    }
    expect(rows.filter((r) => leaving.includes(r.email) && r.status === 'skipped').length).toBeGreaterThanOrEqual(8)
    const bounced = rows.find((r) => r.email === 'r00007@example.test')!
    expect(bounced).toMatchObject({ status: 'bounced', responseCode: 550, attempts: 1 })
    expect(bounced.response).toContain('User unknown')
    const subscriber = (await payload.find({ collection: 'subscribers', where: { email: { equals: 'r00007@example.test' } }, overrideAccess: true })).docs[0]
    expect(subscriber.status).toBe('bounced')
    expect(subscriber.history?.at(-1)?.reason).toContain('User unknown')
    // r00001 unsubscribed before this campaign started: not in its audience at all.
    expect(rows.find((r) => r.email === 'r00001@example.test')).toBeUndefined()
    expect(sink.messagesTo('r00001@example.test')).toHaveLength(0)
    const status = await campaignStatus(payload, id)
    expect(status.problems.find((p) => p.email === 'r00007@example.test')).toMatchObject({ status: 'bounced', responseCode: 550 })
  })

  it('retries 4xx with backoff until accepted, and fails after the last attempt', async () => {
    const id = await newCampaign('retry')
    await startCampaign(payload, id, { actor: { user: editor }, confirm: true, queue: false })
    sink.setFaults({
      rules: [
        { address: 'r00010@example.test', times: 2, action: { kind: 'reply', code: 451, message: '4.7.1 Greylisted, try again later' } },
        { address: 'r00011@example.test', action: { kind: 'reply', code: 421, message: '4.3.2 Service shutting down' } },
      ],
    })
    const result = await run(id)
    expect(result.status).toBe('sent')
    const rows = await ledger(id)
    expect(rows.find((r) => r.email === 'r00010@example.test')).toMatchObject({ status: 'accepted', attempts: 3 })
    expect(rows.find((r) => r.email === 'r00011@example.test')).toMatchObject({ status: 'failed', attempts: FAST.maxAttempts, responseCode: 421 })
    expect(sink.messagesTo('r00010@example.test')).toHaveLength(1)
  })

  it('pauses, resumes and cancels', async () => {
    const id = await newCampaign('pause')
    await startCampaign(payload, id, { actor: { user: editor }, confirm: true, queue: false })
    let paused = false
    const first = await run(id, {
      settings: { ...FAST, connections: 1, batchSize: 5 },
      onAttempt: () => {
        if (!paused && sink.messages.length >= 10) {
          paused = true
          void pauseCampaign(payload, id, { user: editor })
        }
      },
    })
    expect(first.status).toBe('paused')
    const atPause = sink.messages.length
    expect(first.counts.queued).toBeGreaterThan(0)
    expect(first.counts.sending).toBe(0)
    await expect(run(id)).resolves.toMatchObject({ status: 'paused' })
    expect(sink.messages.length).toBe(atPause)
    await resumeCampaign(payload, id, { user: editor }, { queue: false })
    const second = await run(id)
    expect(second.status).toBe('sent')
    expect(new Set(sink.messages.map((m) => m.envelope.rcptTo[0])).size).toBe(sink.messages.length)

    const other = await newCampaign('cancel')
    await startCampaign(payload, other, { actor: { user: editor }, confirm: true, queue: false })
    await cancelCampaign(payload, other, { user: editor })
    sink.reset()
    expect((await run(other)).status).toBe('cancelled')
    expect(sink.messages).toHaveLength(0)
    await expect(resumeCampaign(payload, other, { user: editor })).rejects.toMatchObject({ code: 'state' })
  })

  it('at most once: a message whose connection died after it was sent is "unknown", never resent unless the editor asks', async () => {
    const id = await newCampaign('at-most-once', 'at-most-once')
    await startCampaign(payload, id, { actor: { user: editor }, confirm: true, queue: false })
    // The sink reads the whole message, then drops the connection instead of answering.
    sink.setFaults({ rules: [{ stage: 'data', address: 'r00020@example.test', times: 1, action: { kind: 'drop' } }] })
    const result = await run(id)
    expect(result.status).toBe('sent')
    const rows = await ledger(id)
    expect(rows.find((r) => r.email === 'r00020@example.test')).toMatchObject({ status: 'unknown' })
    expect(result.counts.unknown).toBe(1)
    const { requeued } = await resendUnknown(payload, id, { user: editor }, { queue: false })
    expect(requeued).toBe(1)
    expect((await run(id)).status).toBe('sent')
    expect(sink.messagesTo('r00020@example.test')).toHaveLength(1)
    expect((await ledger(id)).find((r) => r.email === 'r00020@example.test')).toMatchObject({ status: 'accepted' })
  })

  it('starts a scheduled campaign when its time comes', async () => {
    const id = await newCampaign('scheduled')
    await expect(scheduleCampaign(payload, id, new Date(Date.now() - 1000), { actor: { user: editor }, confirm: true })).rejects.toMatchObject({ code: 'state' })
    // An hour ahead: not due however slowly the machine runs this.
    const scheduled = await scheduleCampaign(payload, id, new Date(Date.now() + 3_600_000), { actor: { user: editor }, confirm: true })
    expect(scheduled.status).toBe('scheduled')
    expect(await startIfDue(payload, id)).toBeUndefined()
    expect((await payload.findByID({ collection: 'campaigns', id, depth: 0, overrideAccess: true })).status).toBe('scheduled')
    // Its time comes: the stored start moves into the past, as the clock would carry it.
    await payload.db.updateOne({ collection: 'campaigns', id, data: { scheduledAt: new Date(Date.now() - 1000).toISOString() }, returning: false })
    const started = await startIfDue(payload, id)
    expect(started).toMatchObject({ status: 'sending', startedVia: 'schedule' })
    expect((await run(id)).status).toBe('sent')
  })
})
