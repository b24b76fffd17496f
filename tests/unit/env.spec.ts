import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { ConfigError, parseEnv } from '@/env'

describe('configuration from the environment', () => {
  const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-env-'))

  it('needs nothing on the embedded default and keeps the development secret it creates', () => {
    const dir = dataDir()
    const first = parseEnv({ DATA_DIR: dir, NODE_ENV: 'development' })
    const second = parseEnv({ DATA_DIR: dir, NODE_ENV: 'development' })
    expect(first.DATABASE_URI).toBe('file:./data/bulletin.db')
    expect(first.PUBLIC_URL).toBe('http://localhost:3000')
    expect(first.PAYLOAD_SECRET).toHaveLength(64)
    expect(second.PAYLOAD_SECRET).toBe(first.PAYLOAD_SECRET)
    expect(fs.readFileSync(path.join(dir, '.payload-secret'), 'utf8').trim()).toBe(first.PAYLOAD_SECRET)
  })

  it('takes the public address from the port the server listens on, unless PUBLIC_URL is set', () => {
    const dir = dataDir()
    expect(parseEnv({ DATA_DIR: dir, PORT: '3101' }).PUBLIC_URL).toBe('http://localhost:3101')
    expect(parseEnv({ DATA_DIR: dir, PORT: '3101', PUBLIC_URL: 'https://bulletin.example.org' }).PUBLIC_URL).toBe('https://bulletin.example.org')
    expect(() => parseEnv({ DATA_DIR: dir, PORT: 'eighty' })).toThrow(/PORT/)
  })

  it('requires a secret in production and says how to make one', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(/PAYLOAD_SECRET is not set.*openssl rand/s)
  })

  it('names every malformed variable, and hides passwords in what it echoes', () => {
    let error: unknown
    try {
      parseEnv({
        DATABASE_URI: 'postgres://user:pw-secret@db/x',
        PUBLIC_URL: 'not a url',
        SMTP_URL: 'mail.example.org',
        PAYLOAD_SECRET: 'x'.repeat(32),
      })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    const message = (error as Error).message
    expect(message).toMatch(/DATABASE_URI: must start with mongodb:\/\//)
    expect(message).toMatch(/PUBLIC_URL: must be an absolute URL/)
    expect(message).toMatch(/SMTP_URL: must be a nodemailer connection URL/)
    expect(message).not.toContain('pw-secret')
  })

  it('asks for S3 credentials when a bucket is set', () => {
    expect(() => parseEnv({ S3_BUCKET: 'media', PAYLOAD_SECRET: 'x'.repeat(32) })).toThrow(/S3_ACCESS_KEY_ID/)
  })

  it('strips a trailing slash from PUBLIC_URL so links join cleanly', () => {
    expect(parseEnv({ PUBLIC_URL: 'https://bulletin.example.org/', PAYLOAD_SECRET: 'x'.repeat(32) }).PUBLIC_URL).toBe(
      'https://bulletin.example.org',
    )
  })
})
