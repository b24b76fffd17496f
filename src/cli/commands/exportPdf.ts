import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'

import type { PdfKind } from '../../issue/pdfKind'
import type { PreflightReport } from '../../issue/checks'
import { openPayload } from '../../runtime/openPayload'

// The exporter and preflight load the PDF renderer: only these commands load them, once
// Payload is open.
const services = () => import('../../export/exportPdf')
const preflight = () => import('../../export/preflight')

function printReport(report: PreflightReport): void {
  const line = (f: { where: string; message: string }) => `  - ${f.where}: ${f.message}`
  console.log(`Preflight of the ${report.kind ?? 'proof'} of "${report.slug}": ${report.errors.length} error(s), ${report.warnings.length} warning(s), ${report.pageCount ?? '?'} pages.`)
  if (report.errors.length) console.log(['Errors:', ...report.errors.map(line)].join('\n'))
  if (report.warnings.length) console.log(['Warnings:', ...report.warnings.map(line)].join('\n'))
}

interface KindOptions {
  proof?: boolean
  edition?: boolean
}

/** --proof or --edition; the proof (latest drafts) when neither is given. */
function kindOf(options: KindOptions): PdfKind {
  if (options.proof && options.edition) throw new Error('Give --proof or --edition, not both.')
  return options.edition ? 'edition' : 'proof'
}

const PROOF_HELP = 'the proof: latest drafts, marked PROOF on every page, committee only (the default)'
const EDITION_HELP = 'the edition: published content only, what readers download from /issues/<slug>/pdf'

export function registerExportPdf(program: Command): void {
  program
    .command('preflight <slug>')
    .description('Check an issue before print: alt text, affiliations, glyphs, chronology dates, empty sections, references, links, resolution, page count, unpublished changes.')
    .option('--proof', PROOF_HELP)
    .option('--edition', EDITION_HELP)
    .option('--json', 'print one JSON object')
    .action(async (slug: string, options: KindOptions & { json?: boolean }) => {
      const kind = kindOf(options)
      const payload = await openPayload()
      const { IssueNotPublishedError, preflightIssue } = await preflight()
      try {
        const { pdf: _pdf, modelHash: _modelHash, ...report } = await preflightIssue(payload, slug, { kind })
        if (options.json) console.log(JSON.stringify(report))
        else printReport(report)
        if (!report.ok) process.exitCode = 2
      } catch (error) {
        if (!(error instanceof IssueNotPublishedError)) throw error
        console.error(error.message)
        process.exitCode = 2
      }
    })

  program
    .command('export-pdf <slug>')
    .description('Export the issue as a print PDF (a proof, or the edition readers download), stored with the issue; also written to --out.')
    .option('--proof', PROOF_HELP)
    .option('--edition', EDITION_HELP)
    .option('--out <file>', 'where to write the PDF (default: <slug>-<kind>.pdf)')
    .option('--force', 'export despite preflight errors (recorded with the export)')
    .action(async (slug: string, options: KindOptions & { out?: string; force?: boolean }) => {
      const kind = kindOf(options)
      const payload = await openPayload()
      const { exportIssuePdf, IssueNotPublishedError, PreflightFailedError } = await services()
      try {
        const { record, pdf, report } = await exportIssuePdf(payload, slug, { kind, force: options.force, via: 'cli' })
        const out = path.resolve(options.out ?? `${slug}-${kind}.pdf`)
        fs.writeFileSync(out, pdf)
        printReport(report)
        console.log(`Exported the ${kind}, ${record.pageCount} pages, to ${out} (sha256 ${record.contentHash.slice(0, 16)}…${record.forced ? ', forced despite errors' : ''}).`)
      } catch (error) {
        if (error instanceof IssueNotPublishedError) {
          console.error(error.message)
          process.exitCode = 2
          return
        }
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
