import { spawnSync } from 'node:child_process'
import { Command } from 'commander'

import { registerExportPdf } from './commands/exportPdf'
import { registerImportChronology } from './commands/importChronology'
import { registerNewsletter } from './commands/newsletter'
import { registerSeedDemo } from './commands/seedDemo'
import { registerSend } from './commands/send'
import { registerSubscribers } from './commands/subscribers'

/**
 * `bulletin`: the product's command line. Each command is a thin wrapper over the same
 * service function the admin and the jobs call.
 */
export function buildProgram(): Command {
  const program = new Command()
    .name('bulletin')
    .description('Bulletin Press: edit, export and send a quarterly bulletin.')
    .showHelpAfterError()
  registerSeedDemo(program)
  registerExportPdf(program)
  registerImportChronology(program)
  registerNewsletter(program)
  registerSubscribers(program)
  registerSend(program)
  return program
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv)
    process.exit(process.exitCode ?? 0)
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
}

/**
 * Node 20's ESM loader now and then deadlocks while loading @payloadcms/richtext-lexical
 * (also without tsx): the pending import leaves the event loop empty and the process would
 * exit 0 having done nothing. A finished command always ends in process.exit, so an empty
 * loop here means that deadlock: run the same command again in a fresh process.
 */
const RESTARTS = 'BULLETIN_CLI_RESTARTS'
process.once('beforeExit', () => {
  const restarts = Number(process.env[RESTARTS] ?? 0)
  if (restarts >= 3) {
    console.error('bulletin: Node stopped while loading modules (a Node 20 loader deadlock). Run the command again, or use Node 22.')
    process.exit(70)
  }
  const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [RESTARTS]: String(restarts + 1) },
  })
  process.exit(again.status ?? 1)
})

void main()
