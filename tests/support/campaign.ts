/**
 * Helpers for campaign delivery tests: a published issue, many confirmed subscribers, a
 * started campaign, and worker processes (`src/jobs/worker.ts`, the real entry point) on the
 * same SQLite file, pointed at a loopback SMTP sink.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'

import { createCampaign, startCampaign } from '@/delivery/campaign'
import type { Id } from '@/delivery/ledger'
import type { DeliveryPolicy } from '@/delivery/states'
import { demoSettings } from '@/seed/demoContent'

/** A small published issue (and the demo's publication settings): quick to create. */
export async function createPublishedIssue(payload: Payload, slug: string): Promise<Id> {
  await payload.updateGlobal({ slug: 'publication-settings', data: demoSettings, overrideAccess: true })
  const issue = await payload.create({
    collection: 'issues',
    data: {
      title: `Korea Bulletin test issue ${slug}`,
      slug,
      volume: 1,
      number: 1,
      quarter: '2',
      year: 2024,
      publicationDate: '2024-06-30T12:00:00.000Z',
      editorsIntro: 'A test issue for campaign delivery.\n\nIt has an intro and nothing else.',
      _status: 'published',
    },
    overrideAccess: true,
  })
  return issue.id
}

/** `count` confirmed subscribers r00001@<domain>…, written straight to the database (fast). */
export async function addSubscribers(payload: Payload, count: number, domain = 'example.test', offset = 0): Promise<void> {
  for (let i = offset + 1; i <= offset + count; i += 1) {
    await payload.db.create({
      collection: 'subscribers',
      data: { email: `r${String(i).padStart(5, '0')}@${domain}`, name: i % 3 === 0 ? undefined : `Reader ${i}`, status: 'confirmed' },
      returning: false,
    })
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

/** `bulletin <args>` as its own process, on the test database. */
export function spawnCli(dir: string, env: Record<string, string>, args: string[]): WorkerProcess {
  return spawnTsx(dir, env, ['src/cli/index.ts', ...args])
}

function spawnTsx(dir: string, env: Record<string, string>, args: string[]): WorkerProcess {
  let output = ''
  const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', ...args], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URI: `file:${path.join(dir, 'test.db')}`,
      PAYLOAD_SECRET: 'test-secret-not-for-production-0123456789',
      DATA_DIR: dir,
      MEDIA_DIR: path.join(dir, 'media'),
      OUTBOX_DIR: path.join(dir, 'outbox'),
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
