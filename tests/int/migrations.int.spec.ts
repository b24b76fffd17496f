import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * Production never pushes the schema: a fresh SQLite database must be built by the
 * committed migrations alone, at start.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-prod-'))
const previousNodeEnv = process.env.NODE_ENV

afterAll(() => {
  Object.assign(process.env, { NODE_ENV: previousNodeEnv })
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('production start on an empty SQLite database', () => {
  it('runs the committed migrations and can store an issue', async () => {
    Object.assign(process.env, {
      NODE_ENV: 'production',
      DATABASE_URI: `file:${path.join(dir, 'prod.db')}`,
      PAYLOAD_SECRET: 'production-like-secret-0123456789abcdef',
      MEDIA_DIR: path.join(dir, 'media'),
      SEED_DEMO_ON_EMPTY: 'false',
    })
    const { default: config } = await import('@payload-config')
    const { getPayload } = await import('payload')
    const payload = await getPayload({ config, key: dir })
    const applied = await payload.find({ collection: 'payload-migrations', depth: 0 })
    expect(applied.docs.map((doc) => doc.name)).toContain('20261128_201742_initial')
    const issue = await payload.create({
      collection: 'issues',
      data: { title: 'Prod check', slug: 'prod-check', volume: 1, number: 1, quarter: '1', year: 2025, publicationDate: '2025-03-31T12:00:00.000Z' },
    })
    expect(issue.id).toBeTruthy()
    await payload.destroy()
  })
})
