/**
 * Helpers for campaign delivery tests: a published issue, many confirmed subscribers, a
 * started campaign, and worker processes (`src/jobs/worker.ts`, the real entry point) on the
 * same SQLite file, pointed at a loopback SMTP sink.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import type { Payload } from 'payload'
import { expect } from 'vitest'

import { createCampaign, startCampaign } from '@/delivery/campaign'
import type { Id } from '@/ids'
import type { DeliveryPolicy } from '@/delivery/states'
import { importSubscribers, unsubscribe, unsubscribeUrlFor, type ImportStatus } from '@/subscribers'
import { verifyToken } from '@/subscribers/tokens'
import { folderSettings } from '@/runtime/openPayload'
import { demoSettings } from '@/seed/demoContent'
import { paragraph, richText } from '@/seed/lexical'
import type { SinkMessage } from './smtpSink'
import { bulletinArgv } from './bulletin'

/** The PAYLOAD_SECRET of test processes (as tests/support/payload.ts sets it in-process). */
export const TEST_SECRET = 'test-secret-not-for-production-0123456789'

/** What createPublishedIssue puts in an issue, so a test can look for it in the message. */
export function issueContent(slug: string) {
  return {
    title: `Test issue ${slug}`,
    /** The quarter's period as the subject and masthead print it. */
    periodLabel: 'April–June 2024',
    essayTitle: `Harbours and Handshakes (${slug})`,
    essayStandfirst: `How port authorities of Korea and Vietnam learned to plan together, told for the issue ${slug}.`,
    author: 'PARK Seo-yeon',
    chronologyTitle: `ASEAN - Korea Relations (${slug})`,
    entries: [
      ['2024-04-03', 'The foreign ministers of Korea and Indonesia met in Jakarta to review the maritime partnership.'],
      ['2024-05-21', 'A Korean coast guard training vessel called at Manila on its first visit to the Philippines.'],
    ] as const,
  }
}

/**
 * A published issue as editors make one, through the Local API with its hooks: an approved,
 * published essay with its author, and an approved chronology published with its entries,
 * both in the issue's sections (and the demo's publication settings).
 */
export async function createPublishedIssue(payload: Payload, slug: string): Promise<Id> {
  const content = issueContent(slug)
  await payload.updateGlobal({ slug: 'publication-settings', data: demoSettings, overrideAccess: true })
  const approved = { reviewStatus: 'approved' as const, _status: 'published' as const }
  const author = await payload.create({
    collection: 'authors',
    data: { name: content.author, affiliations: [{ line: 'Namsan National University' }] },
    overrideAccess: true,
  })
  const essay = await payload.create({
    collection: 'essays',
    data: {
      ...approved,
      title: content.essayTitle,
      slug: `harbours-${slug}`,
      authors: [author.id],
      standfirst: content.essayStandfirst,
      body: richText(
        paragraph('When the port authorities of Busan and Hai Phong first met, they had no common plan and no common word for one.'),
        paragraph('Ten years later they share a schedule, a training centre and, above all, the habit of calling each other first.'),
      ) as never,
    },
    overrideAccess: true,
  })
  // Entries are public once their chronology is published with them: create the chronology
  // as a draft, add the entries, then publish it (publishChronologyEntries marks them).
  const chronology = await payload.create({
    collection: 'chronologies',
    data: {
      title: content.chronologyTitle,
      periodStart: '2024-04-01T12:00:00.000Z',
      periodEnd: '2024-06-30T12:00:00.000Z',
      compiler: 'Dr Maria Santos',
      reviewStatus: 'approved',
      _status: 'draft',
    },
    draft: true,
    overrideAccess: true,
  })
  for (const [day, text] of content.entries) {
    await payload.create({
      collection: 'chronology-entries',
      data: { chronology: chronology.id, startDate: `${day}T12:00:00.000Z`, endDate: `${day}T12:00:00.000Z`, paragraphs: [{ text }], orderInDay: 0 },
      overrideAccess: true,
    })
  }
  await payload.update({ collection: 'chronologies', id: chronology.id, data: { _status: 'published' }, overrideAccess: true })
  const issue = await payload.create({
    collection: 'issues',
    data: {
      title: content.title,
      slug,
      volume: 1,
      number: 1,
      quarter: '2',
      year: 2024,
      publicationDate: '2024-06-30T12:00:00.000Z',
      editorsIntro: 'A test issue for campaign delivery.\n\nIt has an essay and a chronology.',
      sections: [
        { blockType: 'essaysSection', title: 'Essays', essays: [essay.id] },
        { blockType: 'chronologySection', title: 'Primary Documents and Resources', chronology: chronology.id },
      ],
      _status: 'published',
    },
    overrideAccess: true,
  })
  await payload.update({ collection: 'essays', id: essay.id, data: { issue: issue.id }, overrideAccess: true })
  await payload.update({ collection: 'chronologies', id: chronology.id, data: { issue: issue.id }, overrideAccess: true })
  return issue.id
}

/** The address and name of the i-th test reader: r00001@example.test, "Reader 1" (every third has no name). */
export function reader(i: number, domain = 'example.test'): { email: string; name?: string } {
  return { email: `r${String(i).padStart(5, '0')}@${domain}`, name: i % 3 === 0 ? undefined : `Reader ${i}` }
}

/**
 * `count` confirmed subscribers r00001@<domain>…, imported as an editor imports a list whose
 * consent is on record (importSubscribers: hooks, consent and status history as in production).
 */
export async function addSubscribers(payload: Payload, count: number, domain = 'example.test', offset = 0, status: ImportStatus = 'confirmed'): Promise<void> {
  const rows = ['email,name']
  for (let i = offset + 1; i <= offset + count; i += 1) {
    const { email, name } = reader(i, domain)
    rows.push(`${email},${name ?? ''}`)
  }
  const result = await importSubscribers(payload, rows.join('\n'), { status, fileName: `test-readers-${domain}.csv`, by: 'the command line' })
  if (!result.ok) throw new Error(`The test list did not import: ${JSON.stringify(result.errors.slice(0, 3))}`)
}

/**
 * Readers who must not get a campaign: `count` pending (imported without consent) and
 * `count` who confirmed and then unsubscribed with their own link (unsubscribe service).
 * Their addresses are p…@<domain> and u…@<domain>.
 */
export async function addNonRecipients(payload: Payload, count: number, domain = 'example.test'): Promise<string[]> {
  const list = (prefix: string) => ['email,name', ...Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(5, '0')}@${domain},`)].join('\n')
  const pending = await importSubscribers(payload, list('p'), { status: 'pending', fileName: 'pending.csv', by: 'the command line' })
  const confirmed = await importSubscribers(payload, list('u'), { status: 'confirmed', fileName: 'leaving.csv', by: 'the command line' })
  if (!pending.ok || !confirmed.ok) throw new Error('The non-recipients did not import')
  const addresses = Array.from({ length: count }, (_, i) => `u${String(i + 1).padStart(5, '0')}@${domain}`)
  const leaving = await payload.find({ collection: 'subscribers', where: { email: { in: addresses } }, limit: 0, depth: 0, overrideAccess: true })
  const gone: string[] = []
  for (const s of leaving.docs) {
    const token = new URL(unsubscribeUrlFor({ id: String(s.id), email: s.email })).searchParams.get('token') ?? ''
    const result = await unsubscribe(payload, token, 'page')
    if (!result.ok) throw new Error(`${s.email} could not unsubscribe: ${result.reason}`)
    gone.push(s.email)
  }
  if (gone.length !== count) throw new Error(`expected ${count} unsubscribed readers, got ${gone.length}`)
  return [...Array.from({ length: count }, (_, i) => `p${String(i + 1).padStart(5, '0')}@${domain}`), ...gone]
}

export interface ExpectedRecipient {
  /** The subscriber's id as the database gives it. */
  id: string
  email: string
  name?: string | null
}

/** Every subscriber confirmed now, read through the Local API: who a campaign started now must reach. */
export async function confirmedSubscribers(payload: Payload): Promise<ExpectedRecipient[]> {
  const found = await payload.find({ collection: 'subscribers', where: { status: { equals: 'confirmed' } }, limit: 0, depth: 0, overrideAccess: true })
  return found.docs.map((s) => ({ id: String(s.id), email: s.email, name: s.name }))
}

export interface DeliveryCheck {
  /** Exactly who must have got it. */
  recipients: readonly ExpectedRecipient[]
  subject: string
  /** Text every copy must hold: the issue's content. */
  contains: readonly string[]
  /** PAYLOAD_SECRET of the sender: each copy's unsubscribe link must be signed with it for its reader. */
  secret: string
  /** At most this many copies per reader (at least once after a crash); 1 by default. */
  maxCopies?: number
}

/**
 * Checks what reached the sink: every expected reader and nobody else, each once (or at most
 * `maxCopies`, all copies the same message), and each copy addressed to them with the subject,
 * their own unsubscribe link (in the List-Unsubscribe header and the text) and the issue's content.
 */
export async function expectDelivered(messages: readonly SinkMessage[], check: DeliveryCheck): Promise<void> {
  const byReader = new Map<string, SinkMessage[]>()
  for (const m of messages) {
    expect(m.envelope.rcptTo, `message ${m.seq} has one recipient`).toHaveLength(1)
    const to = m.envelope.rcptTo[0]
    byReader.set(to, [...(byReader.get(to) ?? []), m])
  }
  expect([...byReader.keys()].sort()).toEqual(check.recipients.map((r) => r.email).sort())
  const maxCopies = check.maxCopies ?? 1
  for (const reader of check.recipients) {
    const copies = byReader.get(reader.email) ?? []
    expect(copies.length, `${reader.email}: copies`).toBeLessThanOrEqual(maxCopies)
    expect(new Set(copies.map((c) => c.messageId)).size, `${reader.email}: every copy is the same message`).toBe(1)
    const parsed = await copies[0].parse()
    expect(parsed.subject, reader.email).toBe(check.subject)
    const to = Array.isArray(parsed.to) ? parsed.to.flatMap((a) => a.value) : (parsed.to?.value ?? [])
    expect(to.map((a) => a.address), reader.email).toEqual([reader.email])
    const text = parsed.text ?? ''
    const flat = text.replace(/\s+/g, ' ')
    for (const piece of check.contains) expect(flat, `${reader.email}: the issue's content`).toContain(piece)
    expect(text, `${reader.email}: greeting`).toContain(reader.name ? `Dear ${reader.name},` : 'Dear reader,')
    // Their own link: List-Unsubscribe's https link, signed for this reader, also in the text.
    // The raw header line: mailparser turns List-Unsubscribe into an object.
    const header = (parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '').replace(/\r?\n\s+/g, ' ')
    const link = /<(https?:[^>]+)>/.exec(header)?.[1]
    expect(link, `${reader.email}: List-Unsubscribe ${header}`).toBeDefined()
    const token = new URL(link ?? 'http://x/').searchParams.get('token') ?? ''
    const verified = verifyToken(check.secret, token, 'unsubscribe')
    expect(verified.ok && { id: verified.claims.subscriberId, email: verified.claims.email }, `${reader.email}: unsubscribe token`).toEqual({ id: reader.id, email: reader.email })
    expect(text, `${reader.email}: the link in the text`).toContain(link)
  }
}

export async function startedCampaign(payload: Payload, issue: Id, policy: DeliveryPolicy = 'at-least-once'): Promise<Id> {
  const campaign = await createCampaign(payload, { issue, policy }, { cli: true })
  await startCampaign(payload, campaign.id, { actor: { cli: true }, confirm: true, queue: false })
  return campaign.id
}

export interface WorkerProcess {
  child: ChildProcess
  exited: Promise<number | null>
  /** stdout and stderr, interleaved. */
  output: () => string
  stdout: () => string
  kill: (signal?: NodeJS.Signals) => Promise<number | null>
}

/** A worker process (node + tsx, no npx in between, so a SIGKILL hits the worker itself). */
export function spawnWorker(dir: string, env: Record<string, string>): WorkerProcess {
  return spawnTsx(dir, env, ['src/jobs/worker.ts', '--poll', '200'])
}

/** `bulletin <args>` as its own process, on the test database, started as `npm run bulletin` starts it. */
export function spawnCli(dir: string, env: Record<string, string>, args: string[]): WorkerProcess {
  return spawnNode(dir, env, bulletinArgv(...args))
}

function spawnTsx(dir: string, env: Record<string, string>, args: string[]): WorkerProcess {
  return spawnNode(dir, env, ['--no-deprecation', '--import', 'tsx', ...args])
}

function spawnNode(dir: string, env: Record<string, string>, args: string[]): WorkerProcess {
  let output = ''
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      ...folderSettings(dir, { database: 'test.db', secret: TEST_SECRET }),
      SEED_DEMO_ON_EMPTY: 'false',
      PUBLIC_URL: 'http://localhost:3000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const logFile = process.env.CAMPAIGN_WORKER_LOG
  const take = (chunk: Buffer) => {
    output += chunk.toString()
    if (logFile) fs.appendFileSync(logFile, `${new Date().toISOString().slice(11, 23)} [${child.pid}] ${chunk.toString()}`)
  }
  let stdout = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    take(chunk)
  })
  child.stderr?.on('data', take)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    child,
    exited,
    output: () => output,
    stdout: () => stdout,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
}

/** Waits until `check` is true, polling. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string | (() => string), everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`)
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}

/** Fast settings for tests: short leases and backoff, small pages. */
export const FAST_CAMPAIGN_ENV: Record<string, string> = {
  CAMPAIGN_SMTP_CONNECTIONS: '5',
  CAMPAIGN_BATCH_SIZE: '50',
  CAMPAIGN_MAX_ATTEMPTS: '10',
  CAMPAIGN_RETRY_BASE_MS: '50',
  CAMPAIGN_RETRY_MAX_MS: '400',
  CAMPAIGN_LEASE_MS: '5000',
  CAMPAIGN_SMTP_TIMEOUT_MS: '10000',
}
