import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import type { User } from '../payload-types'
import { hasRole } from '../access/roles'
import { ExportNotAllowedError, exportIssuePdf, IssueNotPublishedError, PreflightFailedError } from '../issue/exportPdf'
import { IssueNotFoundError } from '../issue/assemble'
import { isPdfKind, type PdfKind } from '../issue/pdfKind'
import { preflightIssue } from '../issue/preflight'

/**
 * The admin's preflight and export actions: thin HTTP wrappers over the services. The body
 * names the issue and the kind of PDF: `proof` (latest drafts; the default) or `edition`.
 */

async function slugOf(req: PayloadRequest): Promise<{ slug?: string; force: boolean; kind?: PdfKind }> {
  await addDataAndFileToRequest(req)
  const data = (req.data ?? {}) as { issue?: string | number; force?: boolean; kind?: unknown }
  const kind = data.kind === undefined ? 'proof' : isPdfKind(data.kind) ? data.kind : undefined
  if (data.issue === undefined) return { force: false, kind }
  const issue = await req.payload
    .findByID({ collection: 'issues', id: data.issue, depth: 0, draft: true, overrideAccess: false, user: req.user })
    .catch(() => undefined)
  return { slug: issue?.slug, force: Boolean(data.force), kind }
}

const badKind = () => refuse(400, 'kind must be "proof" (latest drafts) or "edition" (published content).')

function refuse(status: number, error: string): Response {
  return Response.json({ error }, { status })
}

export const preflightEndpoint: Endpoint = {
  path: '/preflight',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req.user as User | null, 'admin', 'editor', 'productionEditor')) {
      return refuse(403, 'Only production editors, editors and admins run preflight.')
    }
    const { slug, kind } = await slugOf(req)
    if (!slug) return refuse(404, 'No such issue.')
    if (!kind) return badKind()
    try {
      const { pdf: _pdf, modelHash: _modelHash, ...report } = await preflightIssue(req.payload, slug, { kind })
      return Response.json({ report })
    } catch (error) {
      if (error instanceof IssueNotPublishedError) return refuse(409, error.message)
      throw error
    }
  },
}

export const exportEndpoint: Endpoint = {
  path: '/export',
  method: 'post',
  handler: async (req) => {
    const { slug, force, kind } = await slugOf(req)
    if (!slug) return refuse(404, 'No such issue.')
    if (!kind) return badKind()
    try {
      const { record, report } = await exportIssuePdf(req.payload, slug, { kind, user: req.user as User | null, force, via: 'admin' })
      return Response.json({
        report,
        export: { url: record.url, filename: record.filename, kind: record.kind, pageCount: record.pageCount, contentHash: record.contentHash, forced: record.forced },
      })
    } catch (error) {
      if (error instanceof PreflightFailedError) return Response.json({ report: error.report, error: 'Preflight found errors: not exported.' }, { status: 422 })
      if (error instanceof ExportNotAllowedError) return refuse(403, error.message)
      if (error instanceof IssueNotFoundError) return refuse(404, error.message)
      if (error instanceof IssueNotPublishedError) return refuse(409, error.message)
      throw error
    }
  },
}
