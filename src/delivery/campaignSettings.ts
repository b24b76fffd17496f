/**
 * How a campaign worker sends: SMTP connections, pace, page size, retries and leases. Read
 * from the environment through one schema (the same style as src/env.ts, kept here so the
 * delivery engine's knobs live beside it); a malformed value names its variable. Workers
 * may override any of them (`npm run worker -- --connections 8`).
 */
import { z } from 'zod'

import { ConfigError } from '../env'

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value

const int = (min: number, fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).default(fallback))

const schema = z.object({
  /** Parallel SMTP connections per worker process (nodemailer pool maxConnections). */
  CAMPAIGN_SMTP_CONNECTIONS: int(1, 5),
  /** Messages per second per worker; 0 = as fast as the server takes them. */
  CAMPAIGN_MESSAGES_PER_SECOND: int(0, 0),
  /** Ledger rows read per page: audience freezing and claiming. */
  CAMPAIGN_BATCH_SIZE: int(1, 100),
  /** Attempts per delivery before it is marked failed (transient errors only). */
  CAMPAIGN_MAX_ATTEMPTS: int(1, 8),
  /** Exponential backoff after a transient failure: base, doubled per attempt, capped. */
  CAMPAIGN_RETRY_BASE_MS: int(1, 60_000),
  CAMPAIGN_RETRY_MAX_MS: int(1, 3_600_000),
  /**
   * How long a claimed delivery stays reserved for its worker. Live workers renew their
   * leases every third of this; a crashed worker's deliveries are taken over when it runs
   * out (at once when the dead worker ran on this host).
   */
  CAMPAIGN_LEASE_MS: int(1000, 30_000),
  /** SMTP socket inactivity timeout. */
  CAMPAIGN_SMTP_TIMEOUT_MS: int(1000, 60_000),
})

export interface CampaignSettings {
  connections: number
  messagesPerSecond: number
  batchSize: number
  maxAttempts: number
  retryBaseMs: number
  retryMaxMs: number
  leaseMs: number
  smtpTimeoutMs: number
}

export function campaignSettingsFrom(source: Record<string, string | undefined>): CampaignSettings {
  const result = schema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join('.')
      return `  ${name}: ${issue.message} (got "${source[name] ?? ''}")`
    })
    throw new ConfigError(`The campaign settings are invalid.\n${lines.join('\n')}\nSee .env.example.`)
  }
  const e = result.data
  return {
    connections: e.CAMPAIGN_SMTP_CONNECTIONS,
    messagesPerSecond: e.CAMPAIGN_MESSAGES_PER_SECOND,
    batchSize: e.CAMPAIGN_BATCH_SIZE,
    maxAttempts: e.CAMPAIGN_MAX_ATTEMPTS,
    retryBaseMs: e.CAMPAIGN_RETRY_BASE_MS,
    retryMaxMs: Math.max(e.CAMPAIGN_RETRY_MAX_MS, e.CAMPAIGN_RETRY_BASE_MS),
    leaseMs: e.CAMPAIGN_LEASE_MS,
    smtpTimeoutMs: e.CAMPAIGN_SMTP_TIMEOUT_MS,
  }
}

export function campaignSettings(overrides: Partial<CampaignSettings> = {}): CampaignSettings {
  const base = campaignSettingsFrom(process.env)
  const merged = { ...base }
  for (const [key, value] of Object.entries(overrides) as Array<[keyof CampaignSettings, number | undefined]>) {
    if (value !== undefined) merged[key] = value
  }
  return merged
}
