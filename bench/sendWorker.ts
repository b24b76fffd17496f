/**
 * The benchmark's sending process: what `npm run worker` is in production, a Payload of its
 * own on the same database, running one campaign with the engine. bench/send.ts forks it
 * per run so its numbers (throughput, latencies, peak RSS) are the sender's alone, not the
 * seeding, the sink or the ceiling client's.
 *
 * IPC in: {campaignId, port, connections, batchSize}. IPC out: one result object.
 */
import { openPayload } from '../src/runtime/openPayload'
import { campaignSettings } from '../src/delivery/campaignSettings'
import { createCampaignTransport } from '../src/delivery/campaignTransport'
import { runCampaign } from '../src/delivery/runner'

interface Job {
  campaignId: number | string
  port: number
  connections: number
  batchSize: number
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

async function run(job: Job) {
  const payload = await openPayload()
  const rssAtStartMb = process.memoryUsage().rss / 1048576
  // The transport production builds from SMTP_URL, with the benchmark's connection count.
  const settings = campaignSettings({ connections: job.connections, batchSize: job.batchSize })
  const transport = createCampaignTransport({ SMTP_URL: `smtp://127.0.0.1:${job.port}`, OUTBOX_DIR: '' }, settings)
  // Grown as needed: a preallocated array sized by the audience would be the bench's memory.
  let latencies = new Float64Array(16_384)
  let n = 0
  let firstAttemptAt = 0
  let lastAttemptAt = 0
  const started = performance.now()
  const result = await runCampaign(payload, job.campaignId, {
    transport,
    settings,
    onAttempt: ({ ms }) => {
      const now = performance.now()
      if (!firstAttemptAt) firstAttemptAt = now - ms
      lastAttemptAt = now
      if (n === latencies.length) {
        const bigger = new Float64Array(latencies.length * 2)
        bigger.set(latencies)
        latencies = bigger
      }
      latencies[n++] = ms
    },
  })
  transport.close()
  const sorted = latencies.slice(0, n).sort()
  return {
    status: result.status,
    accepted: result.counts.accepted,
    attempts: n,
    totalMs: performance.now() - started,
    freezeMs: firstAttemptAt - started,
    sendMs: lastAttemptAt - firstAttemptAt,
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    rssAtStartMb,
    // Peak resident set of this process over its whole life (getrusage ru_maxrss, in KB).
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }
}

process.once('message', (job) => {
  run(job as Job)
    .then((result) => {
      process.send?.(result, () => process.exit(0))
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
})
