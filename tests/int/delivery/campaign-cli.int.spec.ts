/**
 * `bulletin send` and `bulletin campaign-status` as an operator runs them: refused without
 * a confirmation or for an unpublished issue; with --yes --json it runs the campaign to its
 * end in its own process and prints one JSON summary; killed half-way and run again, it
 * resumes the same campaign and nobody is missed.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoSettings } from '@/seed/demoContent'
import {
  addNonRecipients,
  addSubscribers,
  confirmedSubscribers,
  createPublishedIssue,
  expectDelivered,
  FAST_CAMPAIGN_ENV,
  issueContent,
  reader,
  spawnCli,
  TEST_SECRET,
  until,
  type DeliveryCheck,
  type WorkerProcess,
} from '../../support/campaign'
import { startTestPayload, type TestPayload } from '../../support/payload'
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../../support/smtpSink'

const SUBSCRIBERS = 400

let t: TestPayload
let payload: Payload
let sink: SmtpSink<SinkMessage>
let env: Record<string, string>
const running: WorkerProcess[] = []

const cli = (...args: string[]) => {
  const process = spawnCli(t.dir, env, args)
  running.push(process)
  return process
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  await addSubscribers(payload, SUBSCRIBERS)
  // Pending and unsubscribed readers are on the list too; they must get nothing.
  await addNonRecipients(payload, 5)
  await createPublishedIssue(payload, 'cli-once')
  await createPublishedIssue(payload, 'cli-resume')
  await payload.create({
    collection: 'issues',
    data: { title: 'Not yet', slug: 'cli-draft', volume: 1, number: 9, quarter: '1', year: 2025, publicationDate: '2025-03-31T12:00:00.000Z', _status: 'draft' },
    overrideAccess: true,
  })
  sink = await startSmtpSink({ parse: false, faults: { rules: [{ stage: 'data', action: { kind: 'delay', ms: 4 } }] } })
  env = { ...FAST_CAMPAIGN_ENV, SMTP_URL: sink.url }
}, 180_000)

/** What every confirmed reader must get of `slug`: see expectDelivered. */
async function delivery(slug: string, maxCopies = 1): Promise<DeliveryCheck> {
  const recipients = await confirmedSubscribers(payload)
  // The confirmed readers are exactly those imported as confirmed.
  expect(recipients.map((r) => r.email).sort()).toEqual(Array.from({ length: SUBSCRIBERS }, (_, i) => reader(i + 1).email).sort())
  const c = issueContent(slug)
  return {
    recipients,
    subject: `${demoSettings.bulletinName} — ${c.periodLabel}: ${c.title}`,
    contains: [c.essayTitle, c.essayStandfirst, c.author, c.chronologyTitle, ...c.entries.map(([, text]) => text)],
    secret: env.PAYLOAD_SECRET ?? TEST_SECRET,
    maxCopies,
  }
}

afterAll(async () => {
  await Promise.all(running.map((p) => p.kill()))
  await sink?.close()
  await t?.close()
})

describe('bulletin send', () => {
  it('refuses without a confirmation, and an issue that is not published', async () => {
    const [unconfirmed, draft] = [cli('send', 'cli-once', '--json'), cli('send', 'cli-draft', '--yes')]
    expect(await unconfirmed.exited).toBe(2)
    expect(unconfirmed.output()).toContain('Sending needs a confirmation')
    expect(await draft.exited).toBe(2)
    expect(draft.output()).toContain('is not published')
    expect(sink.messages).toHaveLength(0)
  }, 120_000)

  it('sends to everyone and prints one JSON summary', async () => {
    const send = cli('send', 'cli-once', '--yes', '--json')
    expect(await send.exited, send.output().slice(-2000)).toBe(0)
    const summary = JSON.parse(send.stdout().trim()) as { status: string; counts: Record<string, number>; audience: { size: number }; contentHash: string; attemptedHere: number }
    expect(summary).toMatchObject({ status: 'sent', counts: { accepted: SUBSCRIBERS, queued: 0, sending: 0 }, audience: { size: SUBSCRIBERS }, attemptedHere: SUBSCRIBERS })
    expect(summary.contentHash).toMatch(/^[0-9a-f]{64}$/)
    // Every confirmed reader once, nobody else, each with their own copy of this issue.
    await expectDelivered(sink.messages, await delivery('cli-once'))

    const status = cli('campaign-status', 'cli-once', '--json')
    expect(await status.exited).toBe(0)
    expect(JSON.parse(status.stdout().trim())).toMatchObject({ status: 'sent', counts: { accepted: SUBSCRIBERS } })
    const again = cli('send', 'cli-once', '--yes')
    expect(await again.exited).toBe(0)
    expect(again.output()).toContain('already been sent')
  }, 360_000)

  it('run again after it was killed, resumes the same campaign', async () => {
    sink.reset()
    const first = cli('send', 'cli-resume', '--yes', '--json')
    await until(() => sink.messages.length >= 100, 120_000, () => first.output().slice(-2000), 2)
    await first.kill('SIGKILL')
    const inFlight = (await payload.count({ collection: 'deliveries', where: { status: { equals: 'sending' } }, overrideAccess: true })).totalDocs
    const second = cli('send', 'cli-resume', '--yes', '--json')
    expect(await second.exited, second.output().slice(-2000)).toBe(0)
    expect(second.output()).toContain('Resuming campaign')
    const summary = JSON.parse(second.stdout().trim()) as { campaign: number; status: string; counts: Record<string, number> }
    expect(summary).toMatchObject({ status: 'sent', counts: { accepted: SUBSCRIBERS } })
    const campaigns = await payload.find({ collection: 'campaigns', where: { 'message.subject': { exists: true } }, depth: 0, limit: 0, overrideAccess: true })
    expect(campaigns.docs.filter((c) => c.id === summary.campaign)).toHaveLength(1)
    // Everyone got it, nobody else; a copy sent again (at least once) is the same message.
    await expectDelivered(sink.messages, await delivery('cli-resume', 2))
    const perAddress = new Map<string, number>()
    for (const m of sink.messages) perAddress.set(m.envelope.rcptTo[0], (perAddress.get(m.envelope.rcptTo[0]) ?? 0) + 1)
    const duplicates = [...perAddress.values()].reduce((sum, n) => sum + n - 1, 0)
    expect(duplicates).toBeLessThanOrEqual(inFlight)
  }, 360_000)
})
