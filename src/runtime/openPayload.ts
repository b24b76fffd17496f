/**
 * The one way a process of its own (the `bulletin` command, `npm run worker`, the
 * benchmarks, scripts) opens Payload. The app opens it through Next, the tests through
 * tests/support/payload.ts; everything else comes here, so each process gets the same
 * environment, the same logging and the same guard against Node 20's loader deadlock.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

import { loadLexicalWithoutTopLevelAwait } from './lexicalEntryPoints'

/**
 * tsx, unlike `payload run` and Next, does not read .env: load it before the config is
 * imported, so every entry point sees one environment. Variables already set win.
 */
export function loadDotEnv(file = '.env'): void {
  if (fs.existsSync(file)) process.loadEnvFile(file)
}

/**
 * Start-up chatter (schema push spinner, logs) goes to stderr while `run` works: stdout is
 * kept for a process's own output, which may be JSON read by another program.
 */
export async function quietStdout<T>(run: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
  try {
    return await run()
  } finally {
    process.stdout.write = write
  }
}

const RESTARTS = 'BULLETIN_LOADER_RESTARTS'

/**
 * Node 20's ESM loader now and then deadlocks while loading Payload's module graph (also
 * with lexical's entry points handled): the pending import leaves the event loop empty and
 * the process would exit 0 having done nothing. While Payload loads, an empty loop can only
 * mean that deadlock, and nothing has been done yet: run the same process again, fresh.
 * A process that always ends in process.exit (the `bulletin` command) may keep it armed
 * throughout. Returns the function that disarms the guard.
 */
export function restartIfTheLoaderStalls(): () => void {
  const restart = () => {
    const restarts = Number(process.env[RESTARTS] ?? 0)
    if (restarts >= 3) {
      process.stderr.write('Node stopped while loading modules (a Node 20 loader deadlock). Run the command again, or use Node 22.\n')
      process.exit(70)
    }
    const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, [RESTARTS]: String(restarts + 1) },
    })
    process.exit(again.status ?? 1)
  }
  process.once('beforeExit', restart)
  return () => process.off('beforeExit', restart)
}

export interface OpenPayloadOptions {
  /** Variables set before the config is read (they win over .env and the environment). */
  env?: Record<string, string>
  /** Payload's instance key: processes that open several databases give each its own. */
  key?: string
  /** Read .env first (default); a scratch database must not pick up the real settings. */
  dotEnv?: boolean
}

/**
 * Opens Payload on the configured database. Payload's logs go to stderr, warnings and
 * errors only (payload.config.ts reads BULLETIN_CLI), and the demo is not seeded on an
 * empty database (src/seed/onInit.ts): that is the app's first-run convenience.
 */
export async function openPayload(options: OpenPayloadOptions = {}): Promise<Payload> {
  if (options.dotEnv ?? true) loadDotEnv()
  Object.assign(process.env, { BULLETIN_CLI: '1' }, options.env ?? {})
  loadLexicalWithoutTopLevelAwait()
  const disarm = restartIfTheLoaderStalls()
  try {
    // One after the other: importing both at once can deadlock Node 20's module loader on
    // the shared graph.
    // The config loads its database adapter as it resolves: awaited before Payload is imported.
    const config = await (await import('@payload-config')).default
    const { getPayload } = await import('payload')
    return await quietStdout(() => getPayload({ config, key: options.key }))
  } finally {
    disarm()
  }
}

/**
 * Where a Payload kept whole in one folder has its files: the SQLite database (`database`,
 * a file name), media and the outbox. The scratch Payload below, the tests and the
 * processes they start all lay a folder out this way.
 */
export function folderSettings(dir: string, options: { database: string; secret: string }): Record<string, string> {
  return {
    DATABASE_URI: `file:${path.join(dir, options.database)}`,
    PAYLOAD_SECRET: options.secret,
    DATA_DIR: dir,
    MEDIA_DIR: path.join(dir, 'media'),
    OUTBOX_DIR: path.join(dir, 'outbox'),
  }
}

export interface ScratchPayload {
  payload: Payload
  /** The temp folder: the SQLite file, media and outbox. */
  dir: string
  /** Closes Payload and deletes the folder. */
  close: () => Promise<void>
}

/**
 * Payload on a fresh SQLite file in a temp folder, with media and outbox beside it: for
 * benchmarks and scripts that must not touch the real database. No .env is read.
 */
export async function openScratchPayload(options: OpenPayloadOptions = {}): Promise<ScratchPayload> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-scratch-'))
  delete process.env.SMTP_URL
  const payload = await openPayload({
    key: dir,
    dotEnv: false,
    env: {
      ...folderSettings(dir, { database: 'scratch.db', secret: 'scratch-secret-not-for-production-0123456789' }),
      SEED_DEMO_ON_EMPTY: 'false',
      PUBLIC_URL: 'http://localhost:3000',
      ...options.env,
    },
  })
  return inFolder(payload, dir)
}

/** Payload with its folder, which closing it deletes. */
export function inFolder(payload: Payload, dir: string): ScratchPayload {
  return {
    payload,
    dir,
    close: async () => {
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
