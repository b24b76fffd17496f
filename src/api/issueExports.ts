import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import type { User } from '../payload-types'
import { exportIssuePdf, PreflightFailedError } from '../export/exportPdf'
import { isPdfKind, type PdfKind } from '../issue/pdfKind'
import { preflightIssue } from '../export/preflight'
import { answering, ServiceError, signedIn } from './errors'

/**
 * The admin's preflight and export actions: thin HTTP wrappers over the services, which
 * decide who may (production editors, editors and admins). The body names the issue and the
 * kind of PDF: `proof` (latest drafts; the default) or `edition`.
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

/** The issue and kind the body names, or the refusal that says which is wrong. */
async function target(req: PayloadRequest): Promise<{ slug: string; force: boolean; kind: PdfKind }> {
  const { slug, force, kind } = await slugOf(req)
  if (!slug) throw new ServiceError('not-found', 404, 'No such issue.')
  if (!kind) throw new ServiceError('bad-request', 400, 'kind must be "proof" (latest drafts) or "edition" (published content).')
  return { slug, force, kind }
}

export const preflightEndpoint: Endpoint = {
  path: '/preflight',
  method: 'post',
  handler: answering(async (req) => {
    signedIn(req)
    const { slug, kind } = await target(req)
    const { pdf: _pdf, modelHash: _modelHash, ...report } = await preflightIssue(req.payload, slug, { kind, user: req.user as User | null })
    return Response.json({ report })
  }),
}

export const exportEndpoint: Endpoint = {
  path: '/export',
  method: 'post',
  handler: answering(async (req) => {
    signedIn(req)
    const { slug, force, kind } = await target(req)
    try {
      const { record, report } = await exportIssuePdf(req.payload, slug, { kind, user: req.user as User | null, force, via: 'admin' })
      return Response.json({
        report,
        export: { url: record.url, filename: record.filename, kind: record.kind, pageCount: record.pageCount, contentHash: record.contentHash, forced: record.forced },
      })
    } catch (error) {
      // The admin shows the report itself; the message with its list is for the command line.
      if (error instanceof PreflightFailedError) throw new ServiceError('preflight', 422, 'Preflight found errors: not exported.', { details: { report: error.report } })
      throw error
    }
  }),
}
