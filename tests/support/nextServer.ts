import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { folderSettings } from '@/runtime/openPayload'

export interface NextServer {
  url: string
  dir: string
  log: () => string
  stop: () => Promise<void>
}

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/**
 * `next dev` on a free port with its own database, media, outbox and build folder, so a
 * browser test never touches a developer's data or a dev server already running.
 */
export async function startNextDev(env: Record<string, string> = {}): Promise<NextServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-e2e-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'dev', '--no-server-fast-refresh', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      NODE_OPTIONS: '--no-deprecation',
      NEXT_TELEMETRY_DISABLED: '1',
      // One build folder for every browser test (they run one at a time): its compile cache
      // carries over, and next dev finds it already listed in tsconfig.json.
      NEXT_DIST_DIR: '.next-e2e',
      ...folderSettings(dir, { database: 'e2e.db', secret: 'e2e-secret-not-for-production-0123456789' }),
      PUBLIC_URL: url,
      SEED_DEMO_ON_EMPTY: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const deadline = Date.now() + 120_000
  while (!/Ready in/.test(output)) {
    if (child.exitCode !== null) throw new Error(`next dev exited early:\n${output}`)
    if (Date.now() > deadline) throw new Error(`next dev did not start in time:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return {
    url,
    dir,
    log: () => output,
    stop: async () => {
      if (child.pid && child.exitCode === null) {
        process.kill(-child.pid, 'SIGTERM')
        await new Promise((resolve) => child.once('exit', resolve))
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
