import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'

import { exportIssuePdf, PreflightFailedError } from '../../issue/exportPdf'
import { preflightIssue, type PreflightReport } from '../../issue/preflight'
import { openPayload } from '../payload'

function printReport(report: PreflightReport): void {
  const line = (f: { where: string; message: string }) => `  - ${f.where}: ${f.message}`
  console.log(`Preflight of "${report.slug}": ${report.errors.length} error(s), ${report.warnings.length} warning(s), ${report.pageCount ?? '?'} pages.`)
  if (report.errors.length) console.log(['Errors:', ...report.errors.map(line)].join('\n'))
  if (report.warnings.length) console.log(['Warnings:', ...report.warnings.map(line)].join('\n'))
}

export function registerExportPdf(program: Command): void {
  program
    .command('preflight <slug>')
    .description('Check an issue before print: alt text, affiliations, glyphs, chronology dates, empty sections, references, resolution, page count.')
    .option('--json', 'print one JSON object')
    .action(async (slug: string, options: { json?: boolean }) => {
      const payload = await openPayload()
      const { pdf: _pdf, modelHash: _modelHash, ...report } = await preflightIssue(payload, slug)
      if (options.json) console.log(JSON.stringify(report))
      else printReport(report)
      if (!report.ok) process.exitCode = 2
    })

  program
    .command('export-pdf <slug>')
    .description('Export the issue as its print PDF, stored with the issue; also written to --out.')
    .option('--out <file>', 'where to write the PDF (default: <slug>.pdf)')
    .option('--force', 'export despite preflight errors (recorded with the export)')
    .action(async (slug: string, options: { out?: string; force?: boolean }) => {
      const payload = await openPayload()
      try {
        const { record, pdf, report } = await exportIssuePdf(payload, slug, { force: options.force, via: 'cli' })
        const out = path.resolve(options.out ?? `${slug}.pdf`)
        fs.writeFileSync(out, pdf)
        printReport(report)
        console.log(`Exported ${record.pageCount} pages to ${out} (sha256 ${record.contentHash.slice(0, 16)}…${record.forced ? ', forced despite errors' : ''}).`)
      } catch (error) {
        if (error instanceof PreflightFailedError) {
          printReport(error.report)
          console.error('Not exported: fix the errors above or run again with --force.')
          process.exitCode = 2
          return
        }
        throw error
      }
    })
}
