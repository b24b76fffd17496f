import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

import type { Env } from './env'
import { migrations as mongoMigrations } from './migrations/mongodb'
import { migrations as sqliteMigrations } from './migrations/sqlite'

/**
 * The database is whatever DATABASE_URI names: MongoDB in production, embedded SQLite by
 * default. Nothing above payload.config.ts knows which. Only the adapter in use is loaded:
 * the other one (MongoDB's driver and Mongoose are some 600 modules) would cost every
 * command and worker start a few tenths of a second.
 */
export async function databaseAdapter(env: Env): Promise<DatabaseAdapterObj> {
  if (isMongoUri(env.DATABASE_URI)) return mongoAdapter(env.DATABASE_URI, env.MONGODB_CONNECT_TIMEOUT_MS)
  return sqliteDatabase(env)
}

export function isMongoUri(uri: string): boolean {
  return /^mongodb(\+srv)?:\/\//.test(uri)
}

/**
 * The embedded SQLite. `idType: 'uuid'` gives text ids as MongoDB has (tests run the
 * services on it: tests/int/text-ids.int.spec.ts); the bulletin itself uses numbers.
 */
export async function sqliteDatabase(env: Env, options: { idType?: 'uuid' } = {}): Promise<DatabaseAdapterObj> {
  const { sqliteAdapter } = await import('@payloadcms/db-sqlite')
  const url = env.DATABASE_URI
  const file = url.startsWith('file:') ? url.slice('file:'.length) : undefined
  if (file && file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const onDisk = Boolean(file && file !== ':memory:')
  const adapter = sqliteAdapter({
    client: { url },
    // The campaign worker (`npm run worker`), the CLI and the app are separate processes
    // writing one file. WAL lets readers run beside the one writer, and NORMAL sync is
    // durable against a crashed process (what a worker must survive; not power loss, for
    // which use MongoDB). libsql runs statements synchronously; a writer that finds the
    // file locked waits up to busyTimeout instead of failing with SQLITE_BUSY.
    ...(onDisk ? { wal: { synchronous: 'NORMAL' as const }, busyTimeout: 10_000 } : {}),
    // Schema push is a development convenience; production runs the committed migrations.
    push: env.NODE_ENV !== 'production',
    migrationDir: path.resolve(process.cwd(), 'src/migrations/sqlite'),
    prodMigrations: sqliteMigrations,
    ...options,
  })
  return file && onDisk ? pushOnlyWhenChanged(adapter, path.resolve(file)) : adapter
}

/** What the schema push needs of the SQLite adapter. */
interface PushingAdapter {
  push?: boolean
  rawTables?: unknown
}

/**
 * The development schema push ("Pulling schema from database...") compares the whole
 * database with the config on every start: about a second for every command, worker and
 * test. Payload skips it only within one process. Here a hash of the tables the config
 * defines is kept beside the database file (`<file>.schema`) after a push, and the next
 * process skips the push when the file is there and the hash is the same. A new database,
 * a changed collection or a deleted mark pushes as before.
 */
export function pushOnlyWhenChanged(base: DatabaseAdapterObj, file: string): DatabaseAdapterObj {
  const mark = `${file}.schema`
  return aroundConnect(base, async (adapter, connect) => {
    const pushing = adapter as unknown as PushingAdapter
    const willPush = pushing.push !== false && process.env.NODE_ENV !== 'production' && process.env.PAYLOAD_MIGRATING !== 'true'
    const hash = createHash('sha256').update(JSON.stringify(pushing.rawTables ?? null)).digest('hex')
    const unchanged = willPush && fs.existsSync(file) && fs.existsSync(mark) && fs.readFileSync(mark, 'utf8') === hash
    if (unchanged) pushing.push = false
    await connect()
    if (willPush && !unchanged) fs.writeFileSync(mark, hash)
  })
}

type Adapter = ReturnType<DatabaseAdapterObj['init']>

/** The adapter with `around` in place of its connect, which `around` calls when it is ready. */
function aroundConnect(base: DatabaseAdapterObj, around: (adapter: Adapter, connect: () => Promise<void>) => Promise<void>): DatabaseAdapterObj {
  return {
    ...base,
    init: (args) => {
      const adapter = base.init(args)
      const connect = adapter.connect
      adapter.connect = (options) => around(adapter, async () => void (await connect?.call(adapter, options)))
      return adapter
    },
  }
}

/** Host list of a MongoDB URI without credentials, for messages. */
export function describeMongoHosts(uri: string): string {
  const withoutScheme = uri.replace(/^mongodb(\+srv)?:\/\//, '')
  const afterCredentials = withoutScheme.includes('@')
    ? withoutScheme.slice(withoutScheme.lastIndexOf('@') + 1)
    : withoutScheme
  return afterCredentials.split(/[/?]/)[0] || '(no host)'
}

export class DatabaseUnreachableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DatabaseUnreachableError'
  }
}

/**
 * Payload's MongoDB adapter logs and exits when the first connection fails, after the
 * driver's 30 s default. A ping with a short server-selection timeout first turns that into
 * a fast, clear error that names the host (never the password) and what to check.
 */
export async function assertMongoReachable(uri: string, timeoutMs: number): Promise<void> {
  const { MongoClient } = await import('mongodb')
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
  })
  try {
    await client.connect()
    await client.db().command({ ping: 1 })
  } catch (error) {
    const reason = error instanceof Error ? stripCredentials(error.message, uri) : 'unknown error'
    throw new DatabaseUnreachableError(
      `Cannot reach MongoDB at ${describeMongoHosts(uri)} (from DATABASE_URI) within ${Math.round(timeoutMs / 100) / 10} s: ${reason}.\n` +
        'Check that the server is running and reachable from this machine, the host name and port, ' +
        'the user name and password, TLS settings, and (on Atlas) that this IP address is on the access list. ' +
        'Leave DATABASE_URI unset to use the embedded SQLite database instead.',
    )
  } finally {
    await client.close().catch(() => undefined)
  }
}

function stripCredentials(message: string, uri: string): string {
  const password = /\/\/[^:/@]+:([^@]*)@/.exec(uri)?.[1]
  const cleaned = message.replace(/\/\/([^:/@]+):([^@]*)@/g, '//$1:***@')
  return password ? cleaned.split(password).join('***') : cleaned
}

async function mongoAdapter(url: string, timeoutMs: number): Promise<DatabaseAdapterObj> {
  const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
  const base = mongooseAdapter({
    url,
    connectOptions: { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs },
    migrationDir: path.resolve(process.cwd(), 'src/migrations/mongodb'),
    prodMigrations: mongoMigrations,
  })
  return aroundConnect(base, async (_adapter, connect) => {
    await assertMongoReachable(url, timeoutMs)
    await connect()
  })
}
