import { Command } from 'commander'

import { registerExportPdf } from './commands/exportPdf'
import { registerImportChronology } from './commands/importChronology'
import { registerNewsletter } from './commands/newsletter'
import { registerSeedDemo } from './commands/seedDemo'
import { registerSend } from './commands/send'
import { registerSubscribers } from './commands/subscribers'
import { restartIfTheLoaderStalls } from '../runtime/openPayload'

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

// A finished command always ends in process.exit: an empty event loop before that is Node
// 20's loader deadlock, and the command is run again in a fresh process.
restartIfTheLoaderStalls()

void main()
