/**
 * `npm run bulletin` answers at once: the launcher (src/cli/bulletin.mjs) runs a compiled
 * copy of the command line, and loads neither Payload, its config nor the PDF renderer to
 * print the help or refuse bad arguments; a command that runs loads no TypeScript
 * transpiler and only the packages its settings use. What the process loads is recorded by
 * a module hook: files from node_modules by their package, chunks of the compiled copy by
 * the packages the launcher lists for each (most packages are bundled into the copy). The
 * process is started as package.json's script starts it.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

import { folderSettings } from '@/runtime/openPayload'
import { bulletinArgv } from '../support/bulletin'

const run = promisify(execFile)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-start-'))
const log = path.join(dir, 'resolved.txt')
const hook = path.join(dir, 'hook.mjs')
const register = path.join(dir, 'register.mjs')
fs.writeFileSync(
  hook,
  `import fs from 'node:fs'
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context)
  fs.appendFileSync(${JSON.stringify(log)}, resolved.url + '\\n')
  return resolved
}`,
)
fs.writeFileSync(register, `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hook).href)})\n`)

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function bulletin(args: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string; code: number; resolved: string[] }> {
  fs.rmSync(log, { force: true })
  let result: { stdout: string; stderr: string; code: number }
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', pathToFileURL(register).href, ...bulletinArgv(...args)], {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
    })
    result = { stdout, stderr, code: 0 }
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number }
    result = { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: e.code ?? 1 }
  }
  const urls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : []
  return { ...result, resolved: [...new Set(urls.flatMap(packagesIn))] }
}

/** The packages (and the launcher's own modules, by file name) a loaded URL stands for. */
function packagesIn(url: string): string[] {
  if (!url.startsWith('file:')) return []
  const file = url.slice('file://'.length)
  const inCopy = /\/node_modules\/\.cache\/bulletin-cli\/[^/]+\/([^/]+)$/.exec(file)
  if (inCopy) {
    const { chunks } = JSON.parse(fs.readFileSync(path.join(path.dirname(file), '..', 'inputs.json'), 'utf8')) as { chunks: Record<string, string[]> }
    return [...(chunks[inCopy[1]] ?? []), inCopy[1].replace(/-[A-Z0-9]+\.mjs$/, '')]
  }
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(file)?.[1]
  return pkg ? [pkg] : [path.basename(file)]
}

const heavy = (resolved: string[]) =>
  resolved.filter((s) => s === 'payload' || s.startsWith('@payloadcms/') || s.includes('payload.config') || s.startsWith('@react-pdf/') || s === 'tsx')

describe('bulletin starts at once', () => {
  it('prints the help with every command, loading neither Payload nor the renderer', async () => {
    const result = await bulletin(['--help'])
    expect(result.code, result.stderr).toBe(0)
    for (const command of ['seed-demo', 'preflight', 'export-pdf', 'import-chronology', 'render-email', 'send', 'campaign-status', 'seed-subscribers']) {
      expect(result.stdout).toContain(command)
    }
    expect(result.resolved).toContain('commander')
    expect(heavy(result.resolved)).toEqual([])
  }, 120_000)

  it('refuses a bad argument the same way', async () => {
    const result = await bulletin(['send', 'demo', '--rate', 'fast'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("option '--rate <n>' argument 'fast' is invalid. expected a whole number")
    expect(heavy(result.resolved)).toEqual([])
  }, 120_000)

  it('runs a command without transpiling, loading the SQLite adapter only and no Word or S3 support', async () => {
    const data = path.join(dir, 'data')
    const result = await bulletin(['campaign-status', 'no-such-issue'], {
      ...folderSettings(data, { database: 'bulletin.db', secret: 'start-test-secret-0123456789abcdef' }),
      SEED_DEMO_ON_EMPTY: 'false',
    })
    // Reaching the database is the command's work: it answers from there.
    expect(result.stderr).toContain('No issue with the slug "no-such-issue"')
    expect(result.code).toBe(1)
    expect(result.resolved).toContain('@payloadcms/db-sqlite')
    const needless = result.resolved.filter((s) => /^(tsx|esbuild|@payloadcms\/db-mongodb|mongodb|mongoose|@payloadcms\/storage-s3|@aws-sdk\/|mammoth|@react-pdf\/|prismjs)(\/|$)/.test(s))
    expect(needless).toEqual([])
  }, 120_000)
})
