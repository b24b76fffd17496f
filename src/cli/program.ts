import { Command } from 'commander'

import { restartIfTheLoaderStalls } from '../runtime/openPayload'
import { registerExportPdf } from './commands/exportPdf'
import { registerImportChronology } from './commands/importChronology'
import { registerNewsletter } from './commands/newsletter'
import { registerSeedDemo } from './commands/seedDemo'
import { registerSend } from './commands/send'
import { registerSubscribers } from './commands/subscribers'

/**
 * `bulletin`: the product's command line. Each command parses its arguments, calls the same
 * service the admin and the jobs call, and prints. Only this file and the commands' argument
 * definitions load to parse and print the help: a command loads Payload, the services and
 * the renderers when it runs.
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

export async function runBulletin(argv: string[]): Promise<void> {
  // A finished command always ends in process.exit: an empty event loop before that is
  // Node 20's loader deadlock, and the command is run again in a fresh process.
  restartIfTheLoaderStalls()
  try {
    const program = buildProgram()
    await program.parseAsync(argv)
    process.exit(process.exitCode ?? 0)
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
}
