import fs from 'node:fs'
import type { Payload } from 'payload'

import { loadLexicalWithoutTopLevelAwait } from './lexicalEntryPoints'

/**
 * The CLI runs under plain tsx, which (unlike `payload run` and Next) does not read .env:
 * load it here before the config is imported, so every entry point sees one environment.
 */
export function loadDotEnv(file = '.env'): void {
  if (fs.existsSync(file)) process.loadEnvFile(file)
}

export async function openPayload(): Promise<Payload> {
  loadDotEnv()
  process.env.BULLETIN_CLI = '1'
  loadLexicalWithoutTopLevelAwait()
  // One after the other: importing both at once can deadlock Node 20's module loader on
  // the shared graph, and the process then exits silently.
  const { default: config } = await import('@payload-config')
  const { getPayload } = await import('payload')
  return quietStdout(() => getPayload({ config }))
}

/**
 * Start-up chatter (schema push spinner, logs) goes to stderr while `run` works: stdout is
 * kept for a command's own output, which may be JSON read by another program.
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
