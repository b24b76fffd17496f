/**
 * `npm run worker`: the campaign delivery worker, a long-running process beside the app.
 * Run one per core or per machine; they share nothing but the database.
 *
 * Each round it runs the due jobs of the "campaigns" queue (sendCampaign,
 * startScheduledCampaign: src/jobs/tasks.ts) and of Payload's default queue (an issue's
 * scheduled publication), then sweeps: every campaign that is sending
 * is worked on, and scheduled ones whose time has come are started (through sendIssue, as
 * the schedule). The sweep is what makes
 * a killed worker harmless: its job may stay marked as processing in Payload's job list,
 * but the campaign and its ledger say what is left, and the next worker carries on.
 *
 * `npm run worker` caps V8's young generation (--max-semi-space-size=2, in MB): a sender
 * allocates a message-sized buffer per recipient, and with the default 16 MB semi-spaces V8
 * lets the process grow by ~50 MB more for it. Measured with bench:send (10,000 recipients):
 * peak RSS 484 -> 434 MB, at 686 -> 586 messages/s, still past the 500 it must reach.
 *
 * SIGTERM / SIGINT: stop claiming, let messages already with the server finish, record them,
 * exit. A second signal exits at once (what was in flight is then recovered like a crash).
 */
import { Command } from 'commander'
import type { Payload } from 'payload'

import { wholeNumber } from '../runtime/arguments'
import { openPayload } from '../runtime/openPayload'
import { CAMPAIGN_QUEUE } from '../delivery/campaign'
import type { CampaignSettings } from '../delivery/campaignSettings'
import { newWorkerId, runCampaign, type CampaignProgress } from '../delivery/runner'
import { startIfDue } from '../delivery/sendIssue'
import { setWorkerContext } from './context'
import { PUBLISHING_QUEUE } from './tasks'

interface WorkerOptions {
  connections?: number
  rate?: number
  batch?: number
  poll: number
  once?: boolean
  quiet?: boolean
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })

function log(line: string): void {
  process.stderr.write(`[worker ${process.pid}] ${line}\n`)
}

/** One round of the sweep; true when some campaign was worked on. */
async function sweep(payload: Payload, options: Parameters<typeof runCampaign>[2]): Promise<boolean> {
  let worked = false
  const now = new Date().toISOString()
  const due = await payload.find({
    collection: 'campaigns',
    where: { and: [{ status: { equals: 'scheduled' } }, { scheduledAt: { less_than_equal: now } }] },
    depth: 0,
    limit: 10,
    overrideAccess: true,
    select: { status: true },
  })
  for (const campaign of due.docs) await startIfDue(payload, campaign.id)
  const sending = await payload.find({
    collection: 'campaigns',
    where: { status: { equals: 'sending' } },
    sort: 'startedAt',
    depth: 0,
    limit: 10,
    overrideAccess: true,
    select: { status: true },
  })
  for (const campaign of sending.docs) {
    if (options?.signal?.aborted) break
    const result = await runCampaign(payload, campaign.id, options)
    if (result.attemptedHere > 0 || result.status !== 'sending') worked = true
    log(`campaign ${campaign.id}: ${result.status}; ${result.attemptedHere} attempts here; ${JSON.stringify(result.counts)}`)
  }
  return worked
}

async function main(): Promise<void> {
  const program = new Command()
    .name('worker')
    .description('Campaign delivery worker: runs the campaign jobs and carries on any campaign that is sending.')
    .option('--connections <n>', 'SMTP connections (CAMPAIGN_SMTP_CONNECTIONS)', wholeNumber)
    .option('--rate <n>', 'messages per second, 0 = unlimited (CAMPAIGN_MESSAGES_PER_SECOND)', wholeNumber)
    .option('--batch <n>', 'ledger rows per page (CAMPAIGN_BATCH_SIZE)', wholeNumber)
    .option('--poll <ms>', 'pause between rounds when idle', wholeNumber, 1000)
    .option('--once', 'exit when there is nothing left to do')
    .option('--quiet', 'no progress lines')
  program.parse(process.argv)
  const options = program.opts<WorkerOptions>()

  const controller = new AbortController()
  let signals = 0
  const stop = (signal: string) => {
    signals += 1
    if (signals > 1) process.exit(130)
    log(`${signal}: finishing the messages in flight, then stopping`)
    controller.abort()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))

  const payload = await openPayload()
  const workerId = newWorkerId()
  const settings: Partial<CampaignSettings> = { connections: options.connections, messagesPerSecond: options.rate, batchSize: options.batch }
  let lastLine = 0
  const onProgress = (p: CampaignProgress) => {
    if (options.quiet || Date.now() - lastLine < 2000) return
    lastLine = Date.now()
    const c = p.counts
    log(`campaign ${p.campaignId} ${p.phase}: ${c.accepted} accepted, ${c.deferred} deferred, ${c.bounced} bounced, ${c.failed} failed, ${c.queued + c.sending} to go`)
  }
  const runOptions = { workerId, settings, signal: controller.signal, onProgress }
  setWorkerContext(runOptions)
  log(`started as ${workerId}`)

  while (!controller.signal.aborted) {
    let worked = false
    try {
      const jobs = await payload.jobs.run({ queue: CAMPAIGN_QUEUE, limit: 1 })
      // Scheduled publication of issues (quick; the app's job cron runs them too).
      await payload.jobs.run({ queue: PUBLISHING_QUEUE, limit: 10 })
      worked = !jobs.noJobsRemaining
      if (await sweep(payload, runOptions)) worked = true
    } catch (error) {
      // A database hiccup or a bad campaign must not end the worker: log, wait, go on.
      log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    }
    if (!worked && options.once) break
    if (!worked) await sleep(options.poll, controller.signal)
  }
  log('stopped')
  await payload.destroy()
  process.exit(0)
}

main().catch((error: unknown) => {
  log(`fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exit(1)
})
