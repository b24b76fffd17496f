/**
 * Campaign sending benchmark: `npm run bench:send` prints one JSON object.
 *
 * The demo issue (a realistic newsletter, ~45 KB as sent) goes through the real campaign
 * path (startCampaign: preflight, frozen message; runCampaign: audience frozen into the
 * ledger, claims, nodemailer's SMTP pool, outcomes) to a loopback smtp-server sink running
 * in its own process (bench/sendSink.ts).
 *
 * - subscribers, messagesPerSecond: 10,000 subscribers; accepted messages per second of
 *   the sending phase (first attempt to last outcome). freezeMs: writing the audience into
 *   the ledger before that, reported apart.
 * - p50Ms, p99Ms: one SMTP attempt, from handing the message to the pool to its answer.
 * - peakRssMb: the sending process (Payload and engine) during the 10,000 run.
 * - sinkCeilingPerSecond: the same message sent by a minimal pipelined SMTP client straight
 *   to the same sink as fast as it takes it, in this run; fractionOfCeiling: the ratio.
 * - rss100kMb: peak RSS of a 100,000-subscriber campaign (memory must stay flat).
 * The machine's other load shows in every number: run it on a quiet machine.
 */
import { fork, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import os from 'node:os'
import nodemailer from 'nodemailer'

import { quietStdout } from '../src/cli/payload'
import { createCampaign, findIssueBySlug, startCampaign } from '../src/delivery/campaign'
import { CampaignMessageFactory, type FrozenCampaignMessage } from '../src/delivery/campaignMessage'
import { runCampaign } from '../src/delivery/engine'
import { seedDemo } from '../src/seed/demo'
import { startTestPayload } from '../tests/support/payload'

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000)
const BIG = Number(process.env.BENCH_BIG_SUBSCRIBERS ?? 100_000)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8)
const CEILING_MESSAGES = Number(process.env.BENCH_CEILING_MESSAGES ?? 6000)

const verbose = process.env.BENCH_VERBOSE === '1'
const note = (line: string) => verbose && process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`)
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10
let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)

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

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

async function main() {
  const t = await quietStdout(startTestPayload)
  const { payload } = t
  note('payload started')
  await quietStdout(() => seedDemo(payload))
  note('demo seeded')
  const demo = await findIssueBySlug(payload, 'demo')
  const sink = await startSink()
  const transportFor = () =>
    nodemailer.createTransport({
      pool: true,
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      ignoreTLS: true,
      maxConnections: CONNECTIONS,
      maxMessages: Infinity,
      getSocket(_options, callback) {
        const socket = net.connect(sink.port, '127.0.0.1')
        socket.once('connect', () => {
          socket.setNoDelay(true)
          callback(null, { connection: socket })
        })
        socket.once('error', (err) => callback(err, undefined))
      },
    })

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

  async function runOnce(slug: string, expected: number) {
    const issue = await findIssueBySlug(payload, slug)
    const campaign = await createCampaign(payload, { issue: issue.id }, { cli: true })
    await startCampaign(payload, campaign.id, { actor: { cli: true }, confirm: true, queue: false })
    const latencies = new Float64Array(expected + 1000)
    let n = 0
    let firstAttemptAt = 0
    let lastAttemptAt = 0
    sink.child.send('reset')
    const before = await sink.stats()
    const transport = transportFor()
    const started = performance.now()
    const result = await runCampaign(payload, campaign.id, {
      transport,
      settings: { connections: CONNECTIONS, batchSize: 500 },
      onProgress: (p) => note(`${p.phase} ${JSON.stringify(p.counts)}`),
      onAttempt: ({ ms }) => {
        const now = performance.now()
        if (!firstAttemptAt) firstAttemptAt = now - ms
        lastAttemptAt = now
        if (n < latencies.length) latencies[n++] = ms
      },
    })
    transport.close()
    const after = await sink.stats()
    const sorted = latencies.slice(0, n).sort()
    const sendSeconds = (lastAttemptAt - firstAttemptAt) / 1000
    return {
      status: result.status,
      accepted: result.counts.accepted,
      sinkMessages: after.messages - before.messages,
      sinkDuplicates: after.duplicates - before.duplicates,
      totalMs: performance.now() - started,
      freezeMs: firstAttemptAt - started,
      messagesPerSecond: result.counts.accepted / sendSeconds,
      p50Ms: quantile(sorted, 0.5),
      p99Ms: quantile(sorted, 0.99),
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

  peakRss = process.memoryUsage().rss
  const small = await runOnce('demo', SUBSCRIBERS)
  const smallPeak = peakRss

  // 100,000: a copy of the demo issue (a campaign never re-sends to whom an issue reached).
  const copy = await payload.findByID({ collection: 'issues', id: demo.id, depth: 0, draft: false, overrideAccess: true })
  const { id: _id, createdAt: _c, updatedAt: _u, ...data } = withoutIds(copy) as typeof copy
  await payload.create({ collection: 'issues', data: { ...data, slug: 'demo-100k', _status: 'published' }, overrideAccess: true })
  let big: Awaited<ReturnType<typeof runOnce>> | undefined
  if (BIG > 0) {
    await addSubscribers(BIG - SUBSCRIBERS)
    peakRss = process.memoryUsage().rss
    big = await runOnce('demo-100k', BIG)
  }
  const bigPeak = peakRss
  clearInterval(sampler)

  const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits
  const result = {
    subscribers: SUBSCRIBERS,
    messagesPerSecond: round(small.messagesPerSecond),
    p50Ms: round(small.p50Ms, 2),
    p99Ms: round(small.p99Ms, 2),
    peakRssMb: mb(smallPeak),
    sinkCeilingPerSecond: round(sinkCeilingPerSecond),
    fractionOfCeiling: round(small.messagesPerSecond / sinkCeilingPerSecond, 3),
    rss100kMb: big ? mb(bigPeak) : null,
    // Context for reading the numbers above.
    detail: {
      connections: CONNECTIONS,
      cpus: os.cpus().length,
      loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)),
      messageBytes: raw.length,
      small: { ...small, totalMs: Math.round(small.totalMs), freezeMs: Math.round(small.freezeMs), sinkCpuMsPerMessage: round(small.sinkCpuMsPerMessage, 3) },
      big: big && { subscribers: BIG, ...big, totalMs: Math.round(big.totalMs), freezeMs: Math.round(big.freezeMs), messagesPerSecond: round(big.messagesPerSecond), sinkCpuMsPerMessage: round(big.sinkCpuMsPerMessage, 3) },
    },
  }
  console.log(JSON.stringify(result))
  sink.child.kill()
  await t.close()
  process.exit(0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
