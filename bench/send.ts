/**
 * Campaign sending benchmark: `npm run bench:send` prints one JSON object.
 *
 * The demo issue (a realistic newsletter, ~45 KB as sent) goes through the real campaign
 * path (startCampaign here: preflight, frozen message; runCampaign in a worker process of
 * its own, bench/sendWorker.ts, as `npm run worker` runs it: audience frozen into the
 * ledger, claims, nodemailer's SMTP pool, outcomes) to a loopback smtp-server sink running
 * in its own process (bench/sendSink.ts).
 *
 * - subscribers, messagesPerSecond: 10,000 subscribers; accepted messages per second of
 *   the sending phase (first attempt to last outcome). freezeMs: writing the audience into
 *   the ledger before that, reported apart.
 * - p50Ms, p99Ms: one SMTP attempt, from handing the message to the pool to its answer.
 * - peakRssMb: the sending process (Payload and engine), its peak over the 10,000 run.
 * - sinkCeilingPerSecond: the same message sent by a minimal pipelined SMTP client straight
 *   to the same sink as fast as it takes it, in this run; fractionOfCeiling: the ratio.
 * - rss100kMb: the sending process's peak RSS over a 100,000-subscriber campaign (memory
 *   must stay flat). detail.*.rssAtStartMb: the same process right after Payload started.
 * - detail.nodemailerCeilingPerSecond: the same transport and bytes with no ledger: the
 *   bound for any sender built on nodemailer's pool in one process on this machine.
 * It runs with NODE_ENV=production, as a deployed worker does (migrations, no schema push,
 * React's production build); the sending process gets `npm run worker`'s Node flags.
 * The machine's other load shows in every number: run it on a quiet machine.
 */
import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import type { Transporter } from 'nodemailer'

import { openScratchPayload } from '../src/runtime/openPayload'
import type { FrozenCampaignMessage } from '../src/delivery/campaignMessage'

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000)
const BIG = Number(process.env.BENCH_BIG_SUBSCRIBERS ?? 100_000)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8)
const CEILING_MESSAGES = Number(process.env.BENCH_CEILING_MESSAGES ?? 6000)
const BATCH = Number(process.env.BENCH_BATCH ?? 500)

/** The sending process runs with the Node flags `npm run worker` has (package.json), and any extra. */
const WORKER_NODE_FLAGS = [
  ...(/NODE_OPTIONS='([^']*)'/.exec((JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.worker)?.[1] ?? '').split(' '),
  ...(process.env.BENCH_WORKER_FLAGS ?? '').split(' '),
].filter(Boolean)

const verbose = process.env.BENCH_VERBOSE === '1'
const note = (line: string) => verbose && process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`)

/** What bench/sendWorker.ts reports. */
interface WorkerResult {
  status: string
  accepted: number
  attempts: number
  totalMs: number
  freezeMs: number
  sendMs: number
  p50Ms: number
  p99Ms: number
  rssAtStartMb: number
  peakRssMb: number
}

interface SinkStats {
  messages: number
  recipients: number
  duplicates: number
  cpuMs: number
  rssMb: number
}

function startSink(): Promise<{ child: ChildProcess; port: number; stats: () => Promise<SinkStats> }> {
  const child = fork('bench/sendSink.ts', [], { execArgv: ['--no-deprecation', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('message', (m) => {
      const port = (m as { port: number }).port
      const stats = () =>
        new Promise<SinkStats>((done) => {
          child.once('message', (s) => done(s as SinkStats))
          child.send('stats')
        })
      resolve({ child, port, stats })
    })
  })
}

/**
 * A minimal pipelined SMTP client: MAIL, RCPT and DATA in one write, the message and the
 * next transaction's commands in the next. Nothing but bytes: the sink's own limit.
 */
async function ceilingClient(port: number, raw: Buffer, count: number, first: number): Promise<void> {
  const body = Buffer.concat([Buffer.from(raw.toString('latin1').replace(/\r\n\./g, '\r\n..'), 'latin1'), Buffer.from('\r\n.\r\n')])
  const socket = net.connect(port, '127.0.0.1')
  socket.setNoDelay(true)
  const replies: string[] = []
  let pending = ''
  let wake: (() => void) | undefined
  socket.on('data', (chunk: Buffer) => {
    pending += chunk.toString('latin1')
    let at: number
    while ((at = pending.indexOf('\r\n')) >= 0) {
      const line = pending.slice(0, at)
      pending = pending.slice(at + 2)
      if (line[3] !== '-') replies.push(line)
    }
    wake?.()
  })
  const reply = async (): Promise<string> => {
    while (replies.length === 0) await new Promise<void>((resolve) => (wake = resolve))
    return replies.shift() as string
  }
  const envelope = (i: number) => `MAIL FROM:<korea-bulletin@example.org>\r\nRCPT TO:<ceiling-${first + i}@example.test>\r\nDATA\r\n`
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
  await reply()
  socket.write('EHLO ceiling.local\r\n')
  await reply()
  socket.write(envelope(0))
  for (let i = 0; i < count; i += 1) {
    for (const expect of ['250', '250', '354']) {
      const line = await reply()
      if (!line.startsWith(expect)) throw new Error(`ceiling client: expected ${expect}, got ${line}`)
    }
    socket.write(i + 1 < count ? Buffer.concat([body, Buffer.from(envelope(i + 1))]) : body)
    const done = await reply()
    if (!done.startsWith('250')) throw new Error(`ceiling client: ${done}`)
  }
  socket.end('QUIT\r\n')
}

async function measureCeiling(port: number, raw: Buffer): Promise<number> {
  let best = 0
  for (const connections of [4, 8, 16]) {
    const per = Math.ceil(CEILING_MESSAGES / connections)
    const started = performance.now()
    await Promise.all(Array.from({ length: connections }, (_, c) => ceilingClient(port, raw, per, c * per + connections * 1_000_000)))
    best = Math.max(best, (per * connections) / ((performance.now() - started) / 1000))
  }
  return best
}

/**
 * The campaign's transport and message with nothing else, as many in flight as the engine
 * allows: after a warm-up (a cold JIT measured half as much), the best of three runs.
 */
async function measureNodemailer(transportFor: () => Transporter, raw: Buffer): Promise<number> {
  const run = async (count: number): Promise<number> => {
    const transport = transportFor()
    let next = 0
    const started = performance.now()
    await Promise.all(
      Array.from({ length: CONNECTIONS * 2 }, async () => {
        while (next < count) {
          const i = next++
          await transport.sendMail({ envelope: { from: 'korea-bulletin@example.org', to: `nodemailer-${i}@example.test` }, raw })
        }
      }),
    )
    transport.close()
    return count / ((performance.now() - started) / 1000)
  }
  await run(Math.ceil(CEILING_MESSAGES / 4))
  let best = 0
  for (let k = 0; k < 3; k += 1) best = Math.max(best, await run(CEILING_MESSAGES))
  return best
}

/** A document's content without the ids of its blocks and array rows, to copy it. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => {
    if (item && typeof item === 'object') {
      const { id: _id, ...rest } = item as Record<string, unknown>
      return withoutIds(rest)
    }
    return item
  })
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutIds(v)]))
  return value
}


async function main() {
  // stdout is for the one JSON line; Payload's logs (warnings only, as in the CLI) and its
  // spinners go to stderr.
  const printResult = process.stdout.write.bind(process.stdout)
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
  // Payload first (src/runtime/openPayload.ts), the services after: loading them beside the
  // config can stop Node 20's loader silently at start-up.
  const t = await openScratchPayload()
  const { createCampaign, findIssueBySlug, startCampaign } = await import('../src/delivery/campaign')
  const { CampaignMessageFactory } = await import('../src/delivery/campaignMessage')
  const { campaignSettings } = await import('../src/delivery/campaignSettings')
  const { createCampaignTransport } = await import('../src/delivery/campaignTransport')
  const { seedDemo } = await import('../src/seed/demo')
  const { payload } = t
  note('payload started')
  await seedDemo(payload)
  note('demo seeded')
  const demo = await findIssueBySlug(payload, 'demo')
  const sink = await startSink()
  const transportFor = () => createCampaignTransport({ SMTP_URL: `smtp://127.0.0.1:${sink.port}`, OUTBOX_DIR: '' }, campaignSettings({ connections: CONNECTIONS }))

  /** Subscribers straight into SQLite, 1,000 rows a statement: setup, not what is measured. */
  const client = (payload.db as unknown as { client: { execute: (q: { sql: string; args: unknown[] }) => Promise<unknown> } }).client
  let added = 0
  async function addSubscribers(count: number) {
    const now = new Date().toISOString()
    for (let i = 0; i < count; i += 1000) {
      const n = Math.min(1000, count - i)
      const args: unknown[] = []
      const rows: string[] = []
      for (let j = 0; j < n; j += 1) {
        added += 1
        rows.push('(?, ?, ?, ?, ?)')
        args.push(`reader${String(added).padStart(6, '0')}@subscribers.example.test`, added % 4 === 0 ? null : `Reader ${added}`, 'confirmed', now, now)
      }
      await client.execute({ sql: `INSERT INTO subscribers (email, name, status, updated_at, created_at) VALUES ${rows.join(',')}`, args })
    }
  }

  /** One campaign, sent by a worker process of its own (bench/sendWorker.ts). */
  async function runOnce(slug: string) {
    const issue = await findIssueBySlug(payload, slug)
    const campaign = await createCampaign(payload, { issue: issue.id }, { cli: true })
    await startCampaign(payload, campaign.id, { actor: { cli: true }, confirm: true, queue: false })
    sink.child.send('reset')
    const before = await sink.stats()
    const worker = fork('bench/sendWorker.ts', [], { execArgv: [...WORKER_NODE_FLAGS, '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    const sent = await new Promise<WorkerResult>((resolve, reject) => {
      worker.once('message', (m) => resolve(m as WorkerResult))
      worker.once('exit', (code) => reject(new Error(`the sending worker exited with ${code} before reporting`)))
      worker.send({ campaignId: campaign.id, port: sink.port, connections: CONNECTIONS, batchSize: BATCH })
    })
    const after = await sink.stats()
    return {
      ...sent,
      messagesPerSecond: sent.accepted / (sent.sendMs / 1000),
      sinkMessages: after.messages - before.messages,
      sinkDuplicates: after.duplicates - before.duplicates,
      sinkCpuMsPerMessage: (after.cpuMs - before.cpuMs) / Math.max(1, after.messages - before.messages),
    }
  }

  // The message the campaign sends, for the ceiling client.
  await addSubscribers(SUBSCRIBERS)
  const probe = await createCampaign(payload, { issue: demo.id }, { cli: true })
  const snapshot = (await startCampaign(payload, probe.id, { actor: { cli: true }, confirm: true, queue: false })).message?.snapshot as unknown as FrozenCampaignMessage
  await payload.db.updateOne({ collection: 'campaigns', id: probe.id, data: { status: 'cancelled' }, returning: false })
  const factory = new CampaignMessageFactory(snapshot)
  await factory.prepare()
  const sample = await factory.build({ id: '1', email: 'reader000001@subscribers.example.test', name: 'Reader 1' })
  const raw = sample.mail.raw as Buffer
  note('measuring the ceiling')
  const sinkCeilingPerSecond = await measureCeiling(sink.port, raw)
  note(`ceiling ${Math.round(sinkCeilingPerSecond)}/s`)

  note('measuring nodemailer alone')
  const nodemailerCeilingPerSecond = await measureNodemailer(transportFor, raw)
  note(`nodemailer alone ${Math.round(nodemailerCeilingPerSecond)}/s`)

  const small = await runOnce('demo')
  note(`10k: ${JSON.stringify(small)}`)

  // 100,000: a copy of the demo issue (a campaign never re-sends to whom an issue reached).
  const copy = await payload.findByID({ collection: 'issues', id: demo.id, depth: 0, draft: false, overrideAccess: true })
  const { id: _id, createdAt: _c, updatedAt: _u, ...data } = withoutIds(copy) as typeof copy
  await payload.create({ collection: 'issues', data: { ...data, slug: 'demo-100k', _status: 'published' }, overrideAccess: true })
  let big: Awaited<ReturnType<typeof runOnce>> | undefined
  if (BIG > 0) {
    await addSubscribers(BIG - SUBSCRIBERS)
    big = await runOnce('demo-100k')
  }

  const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits
  const rounded = (run: Awaited<ReturnType<typeof runOnce>>) =>
    Object.fromEntries(Object.entries(run).map(([k, v]) => [k, typeof v === 'number' ? round(v, 2) : v]))
  const result = {
    subscribers: SUBSCRIBERS,
    messagesPerSecond: round(small.messagesPerSecond),
    p50Ms: round(small.p50Ms, 2),
    p99Ms: round(small.p99Ms, 2),
    peakRssMb: round(small.peakRssMb),
    sinkCeilingPerSecond: round(sinkCeilingPerSecond),
    fractionOfCeiling: round(small.messagesPerSecond / sinkCeilingPerSecond, 3),
    rss100kMb: big ? round(big.peakRssMb) : null,
    // Context for reading the numbers above.
    detail: {
      connections: CONNECTIONS,
      cpus: os.cpus().length,
      loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)),
      messageBytes: raw.length,
      // The same pooled nodemailer transport sending the same bytes with no ledger at all:
      // the most any nodemailer-based sender in one process gets from this sink here.
      nodemailerCeilingPerSecond: round(nodemailerCeilingPerSecond),
      fractionOfNodemailerCeiling: round(small.messagesPerSecond / nodemailerCeilingPerSecond, 3),
      small: rounded(small),
      big: big && { subscribers: BIG, ...rounded(big) },
    },
  }
  printResult(`${JSON.stringify(result)}\n`)
  sink.child.kill()
  await t.close()
  process.exit(0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
