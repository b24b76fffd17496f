import net from 'node:net'
import { describe, expect, it } from 'vitest'

import { assertMongoReachable, databaseAdapter, describeMongoHosts, isMongoUri } from '@/database'
import { parseEnv } from '@/env'

/** A loopback port with nothing listening: connection refused, like a stopped server. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('choosing the database from DATABASE_URI', () => {
  it('uses MongoDB for mongodb:// and mongodb+srv:// and SQLite otherwise', async () => {
    expect(isMongoUri('mongodb://db.example.org:27017/bulletin')).toBe(true)
    expect(isMongoUri('mongodb+srv://cluster0.example.mongodb.net/bulletin')).toBe(true)
    expect(isMongoUri('file:./data/bulletin.db')).toBe(false)
    const base = { PAYLOAD_SECRET: 'x'.repeat(32), NODE_ENV: 'test' }
    expect((await databaseAdapter(parseEnv({ ...base, DATABASE_URI: 'mongodb://127.0.0.1:1/b' }))).name).toBe('mongoose')
    expect((await databaseAdapter(parseEnv({ ...base, DATABASE_URI: 'file::memory:' }))).name).toBe('sqlite')
    expect(parseEnv(base).DATABASE_URI).toBe('file:./data/bulletin.db')
  })

  it('names the hosts without the credentials', () => {
    expect(describeMongoHosts('mongodb://editor:s3cret@db1.example.org:27017,db2.example.org:27017/bulletin?replicaSet=rs0')).toBe(
      'db1.example.org:27017,db2.example.org:27017',
    )
  })
})

describe('an unreachable MongoDB', () => {
  it('fails fast with the host named, what to check, and never the password', async () => {
    const port = await closedPort()
    const uri = `mongodb://editor:hunter2-secret@127.0.0.1:${port}/bulletin`
    const started = Date.now()
    const error = await assertMongoReachable(uri, 1500).then(
      () => undefined,
      (e: unknown) => e as Error,
    )
    expect(error?.name).toBe('DatabaseUnreachableError')
    expect(error?.message).toContain(`127.0.0.1:${port}`)
    expect(error?.message).toMatch(/Check that the server is running/)
    expect(error?.message).not.toContain('hunter2-secret')
    // The bound is the timeout we gave, not the driver's 30 s default.
    expect(Date.now() - started).toBeLessThan(15_000)
  })

  it('stops Payload from starting, through the configured adapter, with the same message', async () => {
    const port = await closedPort()
    Object.assign(process.env, {
      DATABASE_URI: `mongodb://editor:hunter2-secret@127.0.0.1:${port}/bulletin`,
      MONGODB_CONNECT_TIMEOUT_MS: '1500',
      PAYLOAD_SECRET: 'test-secret-not-for-production-0123456789',
      SEED_DEMO_ON_EMPTY: 'false',
    })
    const { default: config } = await import('@payload-config')
    const { getPayload } = await import('payload')
    const failure = await getPayload({ config, key: `mongo-${port}` }).then(
      () => undefined,
      (e: unknown) => e as Error,
    )
    expect(failure?.message).toContain(`Cannot reach MongoDB at 127.0.0.1:${port}`)
    expect(failure?.message).not.toContain('hunter2-secret')
  })
})
