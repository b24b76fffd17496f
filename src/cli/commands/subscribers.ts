import fs from 'node:fs'
import path from 'node:path'
import { InvalidArgumentError, type Command } from 'commander'

import { IMPORT_STATUSES, SUBSCRIBER_STATUSES, type ImportStatus, type SubscriberStatusName } from '../../subscribers/statuses'
import { openPayload } from '../../runtime/openPayload'

// Services are imported after openPayload(): loading them (and with them Payload) beside
// the config can deadlock Node 20's module loader, and the process then exits silently.
const services = () => import('../../subscribers')

function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`)
    }
    return value as T
  }
}

export function registerSubscribers(program: Command): void {
  program
    .command('import-subscribers <file>')
    .description('Import a CSV list (columns email, name), all or nothing: errors are listed by line and nothing is saved.')
    .option('--status <status>', 'status of new addresses: pending or confirmed (consent already on record)', oneOf(IMPORT_STATUSES), 'pending')
    .option('--json', 'print one JSON object')
    .action(async (file: string, options: { status: ImportStatus; json?: boolean }) => {
      const csv = fs.readFileSync(path.resolve(file), 'utf8')
      const payload = await openPayload()
      const { importSubscribers } = await services()
      const result = await importSubscribers(payload, csv, { status: options.status, fileName: file, by: 'the command line' })
      if (options.json) {
        console.log(JSON.stringify(result))
      } else if (result.ok) {
        console.log(
          `Imported ${path.basename(file)}: ${result.rows} rows, ${result.addresses} addresses; ` +
            `${result.created} new (${result.status}), ${result.updated} updated, ${result.unchanged} unchanged, ` +
            `${result.keptOptedOut} opted out and left as they are.`,
        )
        for (const d of result.duplicatesMerged) console.log(`  merged: ${d.email} on lines ${d.lines.join(', ')}`)
        if (result.ignoredColumns.length > 0) console.log(`  ignored columns: ${result.ignoredColumns.join(', ')}`)
      } else {
        console.error(`Not imported: ${result.errors.length} error(s); nothing was saved.`)
        for (const e of result.errors) console.error(`  line ${e.line}: ${e.message}`)
      }
      if (!result.ok) process.exitCode = 1
    })

  program
    .command('export-subscribers')
    .description('Write the subscriber list as CSV (email, name, status, consent) to --out or standard output.')
    .option('--out <file>', 'file to write')
    .option('--status <status>', 'only subscribers with this status', oneOf(SUBSCRIBER_STATUSES))
    .action(async (options: { out?: string; status?: SubscriberStatusName }) => {
      const payload = await openPayload()
      const { exportSubscribers } = await services()
      const csv = await exportSubscribers(payload, { status: options.status })
      if (options.out) {
        fs.writeFileSync(path.resolve(options.out), csv)
        console.log(`Wrote ${csv.split('\r\n').length - 2} subscribers to ${path.resolve(options.out)}`)
      } else {
        process.stdout.write(csv)
      }
    })
}
