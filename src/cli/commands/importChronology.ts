import fs from 'node:fs'
import path from 'node:path'
import { InvalidArgumentError, type Command } from 'commander'

import { formatDayCell } from '../../chronology/dayCell'
import type { ChronologyImportReport, ChronologyImportSource } from '../../chronology/import'
import type { Diagnostic } from '../../chronology/parse'
import { openPayload } from '../../runtime/openPayload'

// The importer (document readers, Payload) is loaded by this command when it runs, not to
// parse the arguments or print the help.
async function chronology() {
  const importer = await import('../../chronology/import')
  const { sizeProblem } = await import('../../chronology/limits')
  const { formatDiagnostic } = await import('../../chronology/parse')
  return { ...importer, sizeProblem, formatDiagnostic }
}
type Chronology = Awaited<ReturnType<typeof chronology>>

interface Options {
  issue: string
  dryRun?: boolean
  json?: boolean
  exclude?: number[]
}

/** Exit codes: 0 imported (or previewed) cleanly, 1 the document has errors, 2 nothing could be read or found. */
const EXIT_DOCUMENT_ERRORS = 1
const EXIT_CANNOT_RUN = 2

function lineList(value: string, previous: number[] = []): number[] {
  const lines = value.split(',').map((part) => Number(part.trim()))
  if (lines.some((line) => !Number.isInteger(line) || line < 1)) throw new InvalidArgumentError('give line numbers, e.g. 12,14')
  return [...previous, ...lines]
}

function readSource(file: string, { ChronologyImportError, sizeProblem }: Chronology): ChronologyImportSource {
  if (file === '-') return { text: fs.readFileSync(0, 'utf8') }
  let size: number
  try {
    size = fs.statSync(file).size
  } catch (error) {
    throw new ChronologyImportError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, 400)
  }
  // Before reading it: a file over the limit is refused without being loaded.
  const tooLarge = sizeProblem(size, path.basename(file))
  if (tooLarge) throw new ChronologyImportError(tooLarge, 413)
  try {
    return { bytes: fs.readFileSync(file), filename: path.basename(file) }
  } catch (error) {
    throw new ChronologyImportError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, 400)
  }
}

/** The one JSON object --json prints: entries, warnings and errors, then the summary. */
export function reportJson(report: ChronologyImportReport): Record<string, unknown> {
  return {
    entries: report.entries.map(({ line, startDate, endDate, text, countries }) => ({ line, startDate, endDate, text, countries })),
    warnings: report.warnings.map(({ line, message }) => ({ line, message })),
    errors: report.errors.map(({ line, message }) => ({ line, message })),
    issue: report.issue.slug,
    chronology: { title: report.chronology.title, periodStart: report.chronology.period.start, periodEnd: report.chronology.period.end },
    added: report.added,
    updated: report.updated,
    unchanged: report.unchanged,
    reordered: report.reordered,
    changes: report.entries
      .filter((e) => e.status !== 'unchanged')
      .map(({ line, status, changes, previous }) => ({ line, status, ...(status === 'updated' ? { changed: changes, previous } : {}) })),
    excluded: report.excluded,
    notInDocument: report.notInDocument.length + report.omitted.notInDocument,
    omitted: report.omitted,
    dryRun: report.dryRun,
    committed: report.committed,
    sentBackToReview: report.sentBackToReview,
  }
}

function cut(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`
}

function printReport(report: ChronologyImportReport, { formatDiagnostic }: Chronology): void {
  const label = report.lineLabel
  const { period } = report.chronology
  console.log(`"${report.chronology.title}" of the issue "${report.issue.slug}", ${period.start} to ${period.end}`)
  console.log('')
  const rows = report.entries.map((e) => [String(e.line), formatDayCell(e.startDate, e.endDate), e.status, e.countries.join(' '), cut(e.text, 70)])
  const header = [label === 'paragraph' ? 'Para' : 'Line', 'Day', 'Status', 'Countries', 'Text']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const format = (row: string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')
  if (rows.length) {
    console.log(format(header))
    console.log(widths.map((w) => '-'.repeat(w)).join('  '))
    for (const row of rows) console.log(format(row))
    console.log('')
  }
  for (const e of report.entries.filter((x) => x.status === 'updated' && x.previous)) {
    const before = e.previous!
    const what = e.changes.map((c) => (c === 'dates' ? `dates were ${formatDayCell(before.startDate, before.endDate)} (${before.startDate} – ${before.endDate})` : `text was "${cut(before.text, 60)}"`))
    console.log(`${label} ${e.line} updated: ${what.join('; ')}`)
  }
  const list = (title: string, items: Diagnostic[], omitted: number) => {
    if (!items.length) return
    console.log(`${title}:`)
    for (const item of items) console.log(`  ${formatDiagnostic(item, label)}`)
    if (omitted) console.log(`  … and ${omitted} more, not listed`)
  }
  list('Warnings', report.warnings, report.omitted.warnings)
  list('Errors', report.errors, report.omitted.errors)
  list('Excluded', report.excluded.errors, report.omitted.excludedErrors)
  const notInDocument = report.notInDocument.length + report.omitted.notInDocument
  if (notInDocument) {
    console.log(`${notInDocument} entr${notInDocument === 1 ? 'y' : 'ies'} of the chronology in these months ${notInDocument === 1 ? 'is' : 'are'} not in the document; kept as they are.`)
  }
  const summary = `${report.entries.length} entries: ${report.added} new, ${report.updated} updated, ${report.unchanged} unchanged${report.reordered ? `, ${report.reordered} moved within their day` : ''}.`
  if (report.committed) {
    console.log(`Imported. ${summary}`)
    if (report.sentBackToReview) console.log('The chronology was approved: it is back in review. Readers see the new and changed entries once an editor approves and publishes it again.')
  }
  else if (report.errors.length) {
    const lines = [...new Set(report.errors.filter((e) => e.line > 0).map((e) => e.line))]
    console.log(`Not imported: ${report.errors.length + report.omitted.errors} error(s). Fix them${lines.length ? `, or leave their lines out with --exclude ${lines.join(',')}` : ''}. ${summary}`)
  } else console.log(`Dry run, nothing written. ${summary}`)
}

export function registerImportChronology(program: Command): void {
  program
    .command('import-chronology <file>')
    .description('Import a chronology (.txt, .md, .html, .docx, .csv; "-" reads text from stdin) into an issue. Importing the same document again adds nothing; a corrected one updates its entries.')
    .requiredOption('--issue <slug>', 'the issue whose chronology receives the entries')
    .option('--dry-run', 'show what would be imported, write nothing')
    .option('--exclude <lines>', 'leave these lines out (comma-separated), e.g. lines with errors', lineList)
    .option('--json', 'print one JSON object: entries, warnings, errors and the summary')
    .addHelpText('after', '\nExit code: 0 done, 1 the document has errors (nothing written), 2 the file or the issue could not be read.')
    .action(async (file: string, options: Options) => {
      // stdout carries the result only; Payload's start-up and any log line go to stderr.
      const stdout = process.stdout.write.bind(process.stdout)
      if (options.json) process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
      const print = (value: unknown) => stdout(`${JSON.stringify(value)}\n`)
      const c = await chronology()
      try {
        const source = readSource(file, c)
        const payload = await openPayload()
        const report = await c.importChronology(payload, {
          issueSlug: options.issue,
          source,
          dryRun: options.dryRun,
          excludeLines: options.exclude,
        })
        if (options.json) print(reportJson(report))
        else printReport(report, c)
        if (report.errors.length) process.exitCode = EXIT_DOCUMENT_ERRORS
      } catch (error) {
        if (!(error instanceof c.ChronologyImportError)) throw error
        if (options.json) print({ entries: [], warnings: [], errors: [{ line: 0, message: error.message }], committed: false })
        else console.error(error.message)
        process.exitCode = EXIT_CANNOT_RUN
      } finally {
        process.stdout.write = stdout
      }
    })
}
