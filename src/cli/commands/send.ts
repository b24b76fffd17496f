import readline from 'node:readline/promises'
import { Command, InvalidArgumentError } from 'commander'
import type { Payload } from 'payload'

import type { CampaignStatusReport } from '../../delivery/campaign'
import type { CampaignSettings } from '../../delivery/campaignSettings'
import type { CampaignProgress } from '../../delivery/runner'
import type { Id } from '../../ids'
import { DELIVERY_POLICIES, type DeliveryCounts, type DeliveryPolicy } from '../../delivery/states'
import { wholeNumber } from '../../runtime/arguments'
import { openPayload, quietStdout } from '../../runtime/openPayload'

// The services (and with them the renderers) are loaded by the command that runs, after
// Payload is open, not to parse the arguments or print the help.
async function services() {
  const campaign = await import('../../delivery/campaign')
  const engine = await import('../../delivery/runner')
  const sendIssue = await import('../../delivery/sendIssue')
  const { env } = await import('../../env')
  return { ...campaign, ...engine, ...sendIssue, env }
}
type Services = Awaited<ReturnType<typeof services>>

/**
 * `bulletin send <slug>` and `bulletin campaign-status <slug>`: thin wrappers over the
 * campaign service (src/delivery/campaign.ts) and the delivery engine.
 * Exit codes of send: 0 sent; 2 refused (not published, preflight, no confirmation);
 * 3 paused or cancelled while running; 1 any other error.
 */

interface SendOptions {
  yes?: boolean
  json?: boolean
  detach?: boolean
  policy?: DeliveryPolicy
  connections?: number
  rate?: number
  batch?: number
}

async function confirm(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr })
  try {
    const answer = await rl.question(question)
    return answer.trim().toLowerCase() === 'yes'
  } finally {
    rl.close()
  }
}

function bar(fraction: number, width = 30): string {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width)
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`
}

function countsLine(c: DeliveryCounts): string {
  const parts = [`${c.accepted} accepted`]
  for (const key of ['deferred', 'bounced', 'failed', 'unknown', 'skipped'] as const) if (c[key]) parts.push(`${c[key]} ${key}`)
  const open = c.queued + c.sending
  if (open) parts.push(`${open} to go`)
  return parts.join(', ')
}

function statusLines(report: CampaignStatusReport): string[] {
  const { counts } = report
  const lines: string[] = []
  const print = (line: string) => lines.push(line)
  print(`${report.name}: ${report.status.toUpperCase()} (${report.policy})`)
  print(`  issue        ${report.issue.title} (${report.issue.slug})`)
  if (report.scheduledAt) print(`  scheduled    ${report.scheduledAt}`)
  if (report.startedAt) print(`  started      ${report.startedAt} via ${report.startedVia ?? '?'}${report.startedBy ? ` by ${report.startedBy}` : ''}`)
  if (report.finishedAt) print(`  finished     ${report.finishedAt}`)
  if (report.contentHash) print(`  message      "${report.subject}" sha256 ${report.contentHash.slice(0, 16)}…`)
  print(`  audience     ${report.audience.frozen ? report.audience.size : 'being frozen'}${report.audience.alreadySent ? ` (+${report.audience.alreadySent} reached by an earlier campaign)` : ''}`)
  print(`  progress     ${bar(report.progress.fraction)} ${report.progress.settled}/${report.progress.total}`)
  print(`  deliveries   ${countsLine(counts)}`)
  print('  ("accepted": the receiving server took the message; it is not proof of delivery to an inbox)')
  if (report.status === 'sending') print(`  worker       ${report.workerActive ? 'active' : 'none seen in the last 15 s: start one with `npm run worker`'}`)
  if (report.lastError) print(`  last error   ${report.lastError}`)
  if (report.problems.length > 0) {
    print(`  problems (${report.problemsTotal}, newest first):`)
    for (const p of report.problems.slice(0, 20)) {
      const next = p.status === 'deferred' && p.nextAttemptAt ? `, next try ${p.nextAttemptAt}` : ''
      print(`    ${p.status.padEnd(8)} ${p.email}: ${p.response} (attempt ${p.attempts}${next})`)
    }
  }
  return lines
}

async function summary(s: Services, payload: Payload, id: Id, elapsedMs: number, attemptedHere: number) {
  const report = await s.campaignStatus(payload, id, { problems: 20 })
  return {
    slug: report.issue.slug,
    campaign: report.id,
    status: report.status,
    policy: report.policy,
    audience: report.audience,
    counts: report.counts,
    contentHash: report.contentHash,
    elapsedMs,
    attemptedHere,
    messagesPerSecond: elapsedMs > 0 ? Math.round((attemptedHere / elapsedMs) * 1000 * 10) / 10 : 0,
    problemsTotal: report.problemsTotal,
    problems: report.problems,
    report,
  }
}

/** The send command; lines for stdout go to `out`. Returns the exit code. */
async function send(s: Services, payload: Payload, slug: string, options: SendOptions, out: string[]): Promise<number> {
  const say = (line: string) => process.stderr.write(`${line}\n`)
  try {
    const issue = await s.findIssueBySlug(payload, slug)
    const plan = await s.planSend(payload, { issue: issue.id })
    if (plan.decision === 'reuse' && plan.campaign.status === 'sent') {
      const sum = await summary(s, payload, plan.campaign.id, 0, 0)
      if (options.json) out.push(JSON.stringify({ ...sum, report: undefined }))
      else out.push('This issue has already been sent.', ...statusLines(sum.report))
      return 0
    }
    const resuming = plan.decision === 'reuse'
    if (!resuming) {
      const readiness = await s.campaignReadiness(payload, issue)
      if (!readiness.ok) {
        for (const p of readiness.problems) say(p)
        for (const e of readiness.preflight.errors) say(`  - ${e.where}: ${e.message}`)
        return 2
      }
      for (const w of readiness.warnings) say(`Note: ${w}`)
      const what = plan.decision === 'resume' ? 'Resume sending' : 'Send'
      const question = `${what} "${issue.title}" to ${readiness.audienceEstimate} confirmed subscribers${s.env().SMTP_URL ? '' : ' (no SMTP_URL: into the outbox folder)'}? Type "yes" to send: `
      if (!options.yes) {
        if (!process.stdin.isTTY) {
          say('Sending needs a confirmation: run it on a terminal, or add --yes.')
          return 2
        }
        if (!(await confirm(question))) {
          say('Not sent.')
          return 2
        }
      }
    }
    const { campaign } = await s.sendIssue(payload, { issue: issue.id }, { actor: { cli: true }, confirm: true, policy: options.policy, queue: Boolean(options.detach) })
    const id = campaign.id
    if (options.detach) {
      const sum = await summary(s, payload, id, 0, 0)
      if (options.json) out.push(JSON.stringify({ ...sum, report: undefined }))
      else out.push(`Campaign ${id} is sending; the workers (npm run worker) carry it out. Follow it with: npm run bulletin -- campaign-status ${slug}`)
      return 0
    }
    if (resuming) say(`Resuming campaign ${id}, which was interrupted.`)
    const tty = !options.json && process.stderr.isTTY
    const settings: Partial<CampaignSettings> = { connections: options.connections, messagesPerSecond: options.rate, batchSize: options.batch }
    const onProgress = (p: CampaignProgress) => {
      if (!tty) return
      const total = p.audience || 1
      const c = p.counts
      const settled = c.accepted + c.bounced + c.failed + c.unknown + c.skipped
      const label = p.phase === 'freezing' ? `freezing the audience: ${Object.values(c).reduce((a, b) => a + b, 0)} so far` : `${settled}/${total} ${countsLine(c)}`
      process.stderr.write(`\r\x1b[2K${bar(p.phase === 'freezing' ? 0 : settled / total)} ${label}`)
    }
    const controller = new AbortController()
    process.once('SIGINT', () => {
      say('\nStopping after the messages in flight; run the same command again to resume.')
      controller.abort()
    })
    const result = await s.runCampaign(payload, id, { settings, onProgress, signal: controller.signal })
    if (tty) process.stderr.write('\n')
    const sum = await summary(s, payload, id, result.elapsedMs, result.attemptedHere)
    if (options.json) out.push(JSON.stringify({ ...sum, report: undefined }))
    else out.push(...statusLines(sum.report))
    return result.status === 'sent' ? 0 : 3
  } catch (error) {
    if (error instanceof s.CampaignError) {
      say(error.message)
      return error.code === 'not-found' || error.code === 'state' ? 1 : 2
    }
    throw error
  }
}

export function registerSend(program: Command): void {
  program
    .command('send <slug>')
    .description('Send the issue to every confirmed subscriber, running the campaign here to its end (resumes an interrupted one).')
    .option('--yes', 'confirm without asking (needed when not on a terminal)')
    .option('--json', 'print one JSON summary instead of a progress bar')
    .option('--detach', 'start it and leave the sending to the workers (`npm run worker`)')
    .option('--policy <policy>', `for a new campaign: ${DELIVERY_POLICIES.join(' or ')}`, (v: string) => {
      if (!(DELIVERY_POLICIES as readonly string[]).includes(v)) throw new InvalidArgumentError(`one of ${DELIVERY_POLICIES.join(', ')}`)
      return v as DeliveryPolicy
    })
    .option('--connections <n>', 'SMTP connections', wholeNumber)
    .option('--rate <n>', 'messages per second (0 = unlimited)', wholeNumber)
    .option('--batch <n>', 'ledger rows per page', wholeNumber)
    .action(async (slug: string, options: SendOptions) => {
      const payload = await openPayload()
      const s = await services()
      // Logs go to stderr while it works: stdout carries only the result (JSON with --json).
      const out: string[] = []
      process.exitCode = await quietStdout(() => send(s, payload, slug, options, out))
      for (const line of out) console.log(line)
    })

  program
    .command('campaign-status <slug>')
    .description("The issue's latest campaign: status, counts per delivery state, and every failure with the server's words.")
    .option('--json', 'print one JSON object')
    .action(async (slug: string, options: { json?: boolean }) => {
      const payload = await openPayload()
      const { campaignStatus, findIssueBySlug, latestCampaignOfIssue } = await services()
      const issue = await findIssueBySlug(payload, slug)
      const campaign = await latestCampaignOfIssue(payload, issue.id)
      if (!campaign) {
        if (options.json) console.log(JSON.stringify({ slug, campaign: null }))
        else console.log(`No campaign for "${slug}" yet. Send it with: npm run bulletin -- send ${slug}`)
        return
      }
      const report = await quietStdout(() => campaignStatus(payload, campaign.id, { problems: 100 }))
      if (options.json) console.log(JSON.stringify(report))
      else for (const line of statusLines(report)) console.log(line)
    })

  program
    .command('seed-subscribers <count>')
    .description('Development only: add confirmed test subscribers (test-00001@<domain> …) to try a campaign.')
    .option('--domain <domain>', 'their mail domain', 'subscribers.example.test')
    .action(async (countText: string, options: { domain: string }) => {
      const count = wholeNumber(countText)
      const payload = await openPayload()
      const { seedTestSubscribers } = await import('../../seed/subscribers')
      const result = await seedTestSubscribers(payload, count, options.domain)
      if (!result.ok) {
        for (const e of result.errors) console.error(`  line ${e.line}: ${e.message}`)
        throw new Error('No test subscribers were added.')
      }
      console.log(`Added ${result.created} confirmed test subscribers at ${options.domain}.`)
    })
}
