import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { folderSettings } from '@/runtime/openPayload'
import { bulletinArgv } from '../support/bulletin'

/**
 * `bulletin import-chronology` as a user runs it: a real subprocess on its own SQLite file,
 * seeded with the demo issue first (through the CLI too). Each run boots Payload, so this
 * file runs with the slow tests (vitest.e2e.config.ts), under its timeouts.
 */

const FIXTURE = path.resolve(process.cwd(), 'tests/fixtures/chronology-2024-04.txt')
let dir: string
let env: NodeJS.ProcessEnv

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function bulletin(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, bulletinArgv(...args), {
      cwd: process.cwd(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

interface JsonReport {
  entries: Array<{ line: number; startDate: string; endDate: string; text: string; countries: string[] }>
  warnings: Array<{ line: number; message: string }>
  errors: Array<{ line: number; message: string }>
  added: number
  updated: number
  unchanged: number
  committed: boolean
  dryRun: boolean
  changes: Array<{ line: number; status: string; changed?: string[]; previous?: { startDate: string; endDate: string; text: string } }>
}

/** stdout must be exactly one JSON object and nothing else. */
function parseJson(run: Run): JsonReport {
  expect(run.stdout.trim().split('\n')).toHaveLength(1)
  return JSON.parse(run.stdout) as JsonReport
}

function write(name: string, text: string): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  return file
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-cli-'))
  env = {
    ...process.env,
    NODE_ENV: 'development',
    NODE_OPTIONS: '--no-deprecation',
    ...folderSettings(dir, { database: 'cli.db', secret: 'cli-test-secret-not-for-production-0123' }),
    SEED_DEMO_ON_EMPTY: 'false',
  }
  const seeded = await bulletin('seed-demo')
  expect(seeded.stderr).not.toMatch(/Error/)
  expect(seeded.stdout).toMatch(/Demo issue ready/)
})

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

describe('bulletin import-chronology', () => {
  it('--dry-run --json prints one JSON object with every April entry and writes nothing', async () => {
    const run = await bulletin('import-chronology', FIXTURE, '--issue', 'demo', '--dry-run', '--json')
    expect(run.code).toBe(0)
    const report = parseJson(run)
    expect(report.errors).toEqual([])
    expect(report.warnings).toEqual([])
    expect(report.entries).toHaveLength(18)
    for (const entry of report.entries) {
      expect(Object.keys(entry).sort()).toEqual(['countries', 'endDate', 'line', 'startDate', 'text'])
      expect(entry.startDate).toMatch(/^2024-04-\d\d$/)
      expect(entry.endDate >= entry.startDate).toBe(true)
    }
    expect(report.entries.find((e) => e.line === 16)).toMatchObject({ startDate: '2024-04-23', endDate: '2024-04-26', countries: ['KH', 'KR'] })
    expect(report).toMatchObject({ added: 18, committed: false, dryRun: true })

    // Nothing was written: the same dry run still finds 18 new entries.
    const again = parseJson(await bulletin('import-chronology', FIXTURE, '--issue', 'demo', '--dry-run', '--json'))
    expect(again.added).toBe(18)
  })

  it('imports, then adds nothing the second time', async () => {
    const first = await bulletin('import-chronology', FIXTURE, '--issue', 'demo', '--json')
    expect(first.code).toBe(0)
    expect(parseJson(first)).toMatchObject({ added: 18, updated: 0, unchanged: 0, committed: true })
    const second = await bulletin('import-chronology', FIXTURE, '--issue', 'demo', '--json')
    expect(parseJson(second)).toMatchObject({ added: 0, updated: 0, unchanged: 18, committed: true, changes: [] })
  })

  it('reports corrections in JSON and prints a readable table without --json', async () => {
    const corrected = fs.readFileSync(FIXTURE, 'utf8').replace('23rd - 26th', '23rd - 25th')
    const file = write('corrected.txt', corrected)
    const json = parseJson(await bulletin('import-chronology', file, '--issue', 'demo', '--dry-run', '--json'))
    expect(json.changes).toEqual([
      { line: 16, status: 'updated', changed: ['dates'], previous: expect.objectContaining({ startDate: '2024-04-23', endDate: '2024-04-26' }) },
    ])

    const run = await bulletin('import-chronology', file, '--issue', 'demo')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Line\s+Day\s+Status\s+Countries\s+Text/)
    expect(run.stdout).toMatch(/16\s+23rd–25th\s+updated\s+KH KR\s+General Mao Sophan/)
    expect(run.stdout).toMatch(/line 16 updated: dates were 23rd–26th/)
    expect(run.stdout).toMatch(/Imported\. 18 entries: 0 new, 1 updated, 17 unchanged\./)
  })

  it('exits non-zero on errors and writes nothing; --exclude leaves the lines out', async () => {
    const file = write(
      'june.txt',
      ['June 2024', '29th June -4th July\tA delegation visited the ROK for a week.', '31st\tA day June does not have.', 'July 2024', '2nd\tAfter the period.'].join('\n'),
    )
    const blocked = await bulletin('import-chronology', file, '--issue', 'demo', '--json')
    expect(blocked.code).toBe(1)
    const report = parseJson(blocked)
    expect(report.errors.map((e) => e.line)).toEqual([3, 5])
    expect(report.committed).toBe(false)

    const text = await bulletin('import-chronology', file, '--issue', 'demo')
    expect(text.code).toBe(1)
    expect(text.stdout).toMatch(/Not imported: 2 error\(s\).*--exclude 3,5/)

    const dry = parseJson(await bulletin('import-chronology', file, '--issue', 'demo', '--dry-run', '--json'))
    expect(dry.added).toBe(1) // still new: the blocked runs wrote nothing

    const excluded = await bulletin('import-chronology', file, '--issue', 'demo', '--exclude', '3,5', '--json')
    expect(excluded.code).toBe(0)
    expect(parseJson(excluded)).toMatchObject({ added: 1, committed: true, errors: [] })
  })

  it('exits 2 with a JSON error when the issue or the file cannot be found', async () => {
    const noIssue = await bulletin('import-chronology', FIXTURE, '--issue', 'no-such-issue', '--json')
    expect(noIssue.code).toBe(2)
    expect(parseJson(noIssue).errors[0].message).toMatch(/no issue "no-such-issue"/)
    const noFile = await bulletin('import-chronology', path.join(dir, 'missing.txt'), '--issue', 'demo', '--json')
    expect(noFile.code).toBe(2)
    expect(parseJson(noFile).errors[0].message).toMatch(/cannot read/)
  })

  it('exits 2 on an empty file, too large a file or too many entries, saying which limit and where', async () => {
    const empty = await bulletin('import-chronology', write('empty.txt', ''), '--issue', 'demo')
    expect(empty.code).toBe(2)
    expect(empty.stderr).toMatch(/no chronology entries found in "empty\.txt": expected a month heading/)

    const large = await bulletin('import-chronology', write('large.txt', `April 2024\n${'1\tAn event.\n'.repeat(300_000)}`), '--issue', 'demo', '--json')
    expect(large.code).toBe(2)
    expect(parseJson(large).errors[0].message).toMatch(/^the file "large\.txt" is 3\.4 MB; the chronology import takes at most 2 MB of text/)

    const many = ['April 2024', ...Array.from({ length: 2100 }, (_, k) => `${(k % 30) + 1}\tEvent ${k + 1}.`)].join('\n')
    const tooMany = await bulletin('import-chronology', write('many.txt', many), '--issue', 'demo', '--json')
    expect(tooMany.code).toBe(2)
    expect(parseJson(tooMany).errors[0].message).toMatch(/"many\.txt" has more than 2,000 entries \(entry 2,001 is on line 2,002\)/)
  })
})
