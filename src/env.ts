import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

import { parseTrustedProxies, type TrustedProxies } from './clientAddress'

/**
 * The configuration, read once from the environment through one schema. A missing or
 * malformed variable stops the start with a message that names it. On the embedded
 * default nothing needs setting: a development secret is created under data/.
 */

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value

const optionalString = z.preprocess(emptyToUndefined, z.string().optional())

const databaseUri = z
  .preprocess(emptyToUndefined, z.string().default('file:./data/bulletin.db'))
  .refine((uri) => /^(mongodb(\+srv)?:\/\/|file:|libsql:|https?:\/\/|:memory:$)/.test(uri), {
    message:
      'must start with mongodb://, mongodb+srv:// (MongoDB) or file: (embedded SQLite), e.g. file:./data/bulletin.db',
  })

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URI: databaseUri,
  /** How long a MongoDB connection may take before the start fails. */
  MONGODB_CONNECT_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().positive().default(5000),
  ),
  PAYLOAD_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(16, 'must be at least 16 characters long').optional(),
  ),
  PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .url('must be an absolute URL such as https://bulletin.example.org')
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  /** The port the server listens on: `next dev -p` and `next start -p` set it. */
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, 'must be a nodemailer connection URL such as smtp://user:pass@host:587')
      .optional(),
  ),
  MAIL_FROM_ADDRESS: z.preprocess(
    emptyToUndefined,
    z.string().email().default('bulletin@localhost.localdomain'),
  ),
  MAIL_FROM_NAME: z.preprocess(emptyToUndefined, z.string().default('Bulletin Press')),
  /** Where development mail is written when no SMTP_URL is set. */
  OUTBOX_DIR: z.preprocess(emptyToUndefined, z.string().default('./data/outbox')),
  S3_BUCKET: optionalString,
  S3_REGION: z.preprocess(emptyToUndefined, z.string().default('us-east-1')),
  S3_ENDPOINT: z.preprocess(emptyToUndefined, z.string().url().optional()),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  /** Load the demo issue when the database has no issues (default: on in `next dev`). */
  SEED_DEMO_ON_EMPTY: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).optional()),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  /** Uploaded images and their derivatives (when S3_BUCKET is not set). */
  MEDIA_DIR: z.preprocess(emptyToUndefined, z.string().default('./media')),
  /**
   * Proxies in front of the app whose X-Forwarded-For may be believed: a hop count or IP
   * addresses and CIDR ranges. Unset: none (src/clientAddress.ts).
   */
  TRUSTED_PROXIES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .optional()
      .transform((value, ctx): TrustedProxies => {
        const parsed = parseTrustedProxies(value)
        if (parsed && 'error' in parsed) {
          ctx.addIssue({ code: 'custom', message: parsed.error })
          return z.NEVER
        }
        return parsed
      }),
  ),
})

export type Env = z.infer<typeof envSchema> & { PAYLOAD_SECRET: string; PUBLIC_URL: string }

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

/** Parse an environment; throws a ConfigError that names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)'
      const given = source[name]
      const shown = given === undefined ? 'not set' : `got "${redact(name, given)}"`
      return `  ${name}: ${issue.message} (${shown})`
    })
    throw new ConfigError(
      `Bulletin Press cannot start: the configuration is invalid.\n${lines.join('\n')}\nSee .env.example for every variable.`,
    )
  }
  const env = result.data
  if (env.S3_BUCKET && (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError(
      'Bulletin Press cannot start: S3_BUCKET is set, so S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set too.',
    )
  }
  const secret = env.PAYLOAD_SECRET ?? developmentSecret(env)
  // Unset, the public address is this machine at the port the server listens on, so
  // `npm run dev -- -p 3101` logs in, links and serves images on 3101 without more setup.
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`
  return { ...env, PAYLOAD_SECRET: secret, PUBLIC_URL: publicUrl }
}

function redact(name: string, value: string): string {
  if (/SECRET|PASSWORD|KEY/.test(name)) return '***'
  // Never echo a password inside a connection string.
  return value.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@')
}

/**
 * Outside production a missing secret is created once and kept under data/, so sessions
 * survive restarts. Production must set PAYLOAD_SECRET explicitly.
 */
function developmentSecret(env: z.infer<typeof envSchema>): string {
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(
      'Bulletin Press cannot start: PAYLOAD_SECRET is not set. In production set it to a long random string (for example: openssl rand -hex 32).',
    )
  }
  const file = path.resolve(env.DATA_DIR, '.payload-secret')
  try {
    const existing = fs.readFileSync(file, 'utf8').trim()
    if (existing.length >= 16) return existing
  } catch {
    // Not created yet.
  }
  const secret = randomBytes(32).toString('hex')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

let cached: Env | undefined

/** The process's configuration, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

/** For tests that change the environment between cases. */
export function resetEnvForTests(): void {
  cached = undefined
}
