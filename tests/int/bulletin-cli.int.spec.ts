/**
 * The `bulletin` command as a user runs it: a separate process on its own database.
 * render-email writes the HTML, the text and a complete MIME message; import-subscribers
 * prints a JSON summary, or line-numbered errors and a non-zero exit.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { folderSettings } from '@/runtime/openPayload'
import { verifyToken } from '@/subscribers/tokens'
import { bulletinArgv } from '../support/bulletin'

const run = promisify(execFile)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-cli-'))
const SECRET = 'cli-test-secret-not-for-production-0123'
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'development',
  NODE_OPTIONS: '--no-deprecation',
  ...folderSettings(dir, { database: 'cli.db', secret: SECRET }),
  PUBLIC_URL: 'https://bulletin.example.org',
  SEED_DEMO_ON_EMPTY: 'false',
}
delete env.SMTP_URL

async function bulletin(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, bulletinArgv(...args), {
      cwd: process.cwd(),
      env,
      maxBuffer: 20 * 1024 * 1024,
    })
    return { stdout, stderr, code: 0 }
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number }
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: e.code ?? 1 }
  }
}

beforeAll(async () => {
  const seeded = await bulletin('seed-demo')
  expect(seeded.code, seeded.stderr).toBe(0)
}, 240_000)

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('bulletin render-email', () => {
  it('writes newsletter.html, newsletter.txt and a complete newsletter.eml for a sample reader', async () => {
    const out = path.join(dir, 'email')
    const result = await bulletin('render-email', 'demo', '--out', out, '--json')
    expect(result.code, result.stderr).toBe(0)
    const summary = JSON.parse(result.stdout) as { subject: string; recipient: string; files: Record<string, string> }
    expect(summary.recipient).toBe('reader@example.org')
    expect(Object.values(summary.files).map((f) => path.basename(f))).toEqual(['newsletter.html', 'newsletter.txt', 'newsletter.eml'])

    const html = fs.readFileSync(path.join(out, 'newsletter.html'), 'utf8')
    const text = fs.readFileSync(path.join(out, 'newsletter.txt'), 'utf8')
    const eml = fs.readFileSync(path.join(out, 'newsletter.eml'))
    expect(html).toMatch(/^<!DOCTYPE html/i)
    expect(html).toContain('Dear Sample Reader,')
    expect(text).toContain('Dear Sample Reader,')
    expect(text).toContain('https://bulletin.example.org/issues/demo#essay-festivals-of-the-mekong')

    const mail = await simpleParser(eml)
    expect(mail.subject).toBe(summary.subject)
    expect(mail.from?.text).toBe('"Korea Bulletin" <korea-bulletin@example.org>')
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([{ name: 'Sample Reader', address: 'reader@example.org' }])
    expect(mail.messageId).toMatch(/^<issue-demo\.[0-9a-f]{24}@example\.org>$/)
    expect(mail.html).toBe(html)
    expect(mail.text).toBe(text)
    const head = eml.subarray(0, eml.indexOf('\r\n\r\n')).toString()
    expect(head).toMatch(/^List-Unsubscribe: <https:\/\/bulletin\.example\.org\/unsubscribe\?token=([^>]+)>, <mailto:/m)
    expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m)
    const token = decodeURIComponent(/unsubscribe\?token=([^>]+)>/.exec(head)?.[1] ?? '')
    expect(verifyToken(SECRET, token, 'unsubscribe')).toMatchObject({ ok: true, claims: { subscriberId: 'sample', email: 'reader@example.org' } })
  }, 120_000)

  it('fails with a clear message for an unknown issue', async () => {
    const result = await bulletin('render-email', 'no-such-issue', '--out', path.join(dir, 'none'))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('No issue with the slug "no-such-issue"')
  }, 120_000)
})

describe('bulletin import-subscribers', () => {
  it('imports a list and prints a JSON summary', async () => {
    const file = path.join(dir, 'list.csv')
    fs.writeFileSync(file, 'email,name\nkim.minji@example.net,Kim Minji\nKIM.minji@example.net,\nlee@example.net,Lee Jiwoo\n')
    const result = await bulletin('import-subscribers', file, '--status', 'confirmed', '--json')
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout, result.stderr).toMatch(/^\{/)
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: true,
      status: 'confirmed',
      rows: 3,
      addresses: 2,
      created: 2,
      duplicatesMerged: [{ email: 'kim.minji@example.net', lines: [2, 3] }],
    })
    const exported = await bulletin('export-subscribers', '--status', 'confirmed')
    expect(exported.stdout).toContain('kim.minji@example.net,Kim Minji,confirmed,')
    expect(exported.stdout).toContain('Import of list.csv by the command line')
  }, 120_000)

  it('lists errors by line, saves nothing and exits non-zero', async () => {
    const file = path.join(dir, 'bad.csv')
    fs.writeFileSync(file, 'email,name\nok@example.net,Ok\nbroken-address,Broken\n')
    const json = await bulletin('import-subscribers', file, '--json')
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, rows: 2, errors: [{ line: 3, message: expect.stringContaining('broken-address') }] })
    const text = await bulletin('import-subscribers', file)
    expect(text.code).toBe(1)
    expect(text.stderr).toContain('line 3:')
    expect((await bulletin('export-subscribers')).stdout).not.toContain('ok@example.net')
    const badStatus = await bulletin('import-subscribers', file, '--status', 'bounced')
    expect(badStatus.code).not.toBe(0)
    expect(badStatus.stderr).toContain('expected one of pending, confirmed')
  }, 180_000)
})
