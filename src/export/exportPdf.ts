import { createHash } from 'node:crypto'
import type { Payload } from 'payload'

import type { IssueExport, User } from '../payload-types'
import { hasRole } from '../access/roles'
import { ServiceError } from '../errors'
import { recordAuditAfter } from '../audit/record'
import type { PreflightReport } from '../issue/checks'
import { issueModelHash } from '../issue/modelHash'
import type { PdfKind } from '../issue/pdfKind'
import { IssueNotPublishedError, issueToPrint, preflightOf, printer, renderOptionsOf } from './preflight'

export { IssueNotPublishedError }

/**
 * Export an issue as its print PDF: set it once, preflight that very document, store it with
 * the issue. The admin
 * button, the command line and jobs all call this one function. Two kinds: the proof (latest
 * drafts, marked as a proof on every page, committee only) and the edition (published
 * content only, the one readers download; refused for an issue that is not published).
 */

export class PreflightFailedError extends ServiceError {
  constructor(readonly report: PreflightReport) {
    super(
      'preflight',
      422,
      `Preflight found ${report.errors.length} error(s) in "${report.slug}"; fix them or export with --force:\n` +
        report.errors.map((e) => `  - ${e.where}: ${e.message}`).join('\n'),
      { details: { report } },
    )
    this.name = 'PreflightFailedError'
  }
}

export class ExportNotAllowedError extends ServiceError {
  constructor() {
    super('not-allowed', 403, 'Only production editors, editors and admins can export the PDF.')
    this.name = 'ExportNotAllowedError'
  }
}

export interface ExportOptions {
  kind: PdfKind
  /** Who asked; absent for the command line, which runs with the operator's rights. */
  user?: User | null
  force?: boolean
  via: 'admin' | 'cli' | 'job'
}

export interface ExportResult {
  record: IssueExport
  pdf: Uint8Array
  report: PreflightReport
}

export async function exportIssuePdf(payload: Payload, slug: string, options: ExportOptions): Promise<ExportResult> {
  if (options.user !== undefined && !hasRole(options.user, 'admin', 'editor', 'productionEditor')) {
    throw new ExportNotAllowedError()
  }
  const exportedAt = new Date()
  const toPrint = await issueToPrint(payload, slug, options.kind)
  const { renderIssuePdf } = await printer()
  const { pdf, ...rendered } = await renderIssuePdf(toPrint.model, renderOptionsOf(options.kind, exportedAt))
  const report = await preflightOf(slug, toPrint, rendered)
  if (!report.ok && !options.force) throw new PreflightFailedError(report)
  const modelHash = issueModelHash(toPrint.model)
  const contentHash = createHash('sha256').update(pdf).digest('hex')
  const issue = (await payload.find({ collection: 'issues', where: { slug: { equals: slug } }, depth: 0, draft: true, limit: 1 })).docs[0]
  const data = Buffer.from(pdf)
  const record = await payload.create({
    collection: 'issue-exports',
    data: {
      issue: issue.id,
      kind: options.kind,
      contentHash,
      modelHash,
      exportedAt: exportedAt.toISOString(),
      exportedBy: options.user?.id,
      exportedVia: options.via,
      pageCount: report.pageCount ?? 0,
      forced: !report.ok,
      preflight: { errors: report.errors, warnings: report.warnings },
    },
    file: { data, mimetype: 'application/pdf', name: `${slug}-${options.kind}-${contentHash.slice(0, 12)}.pdf`, size: data.byteLength },
    user: options.user ?? undefined,
    // The collection takes no uploads from anyone (create: nobody); the role was checked above.
    overrideAccess: true,
  })
  await recordAuditAfter(payload, options.user, {
    action: 'exported',
    collection: 'issues',
    documentId: issue.id,
    title: issue.title,
    actor: options.user ?? (options.via === 'cli' ? 'the command line' : 'a job'),
    details: { exportId: record.id, kind: options.kind, filename: record.filename ?? null, contentHash, pageCount: record.pageCount, forced: record.forced ?? false, via: options.via },
  })
  return { record, pdf, report }
}
