import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import type { User } from '../../src/payload-types'
import { hasRole } from '../../src/access/roles'
import { ExportNotAllowedError, exportIssuePdf, PreflightFailedError } from '../../src/issue/exportPdf'
import { IssueNotFoundError } from '../../src/issue/assemble'
import { preflightIssue } from '../../src/issue/preflight'

/** The admin's preflight and export actions: thin HTTP wrappers over the services. */

async function slugOf(req: PayloadRequest): Promise<{ slug?: string; force: boolean }> {
  await addDataAndFileToRequest(req)
  const data = (req.data ?? {}) as { issue?: string | number; force?: boolean }
  if (data.issue === undefined) return { force: false }
  const issue = await req.payload
    .findByID({ collection: 'issues', id: data.issue, depth: 0, draft: true, overrideAccess: false, user: req.user })
    .catch(() => undefined)
  return { slug: issue?.slug, force: Boolean(data.force) }
}

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
    const { slug } = await slugOf(req)
    if (!slug) return refuse(404, 'No such issue.')
    const { pdf: _pdf, modelHash: _modelHash, ...report } = await preflightIssue(req.payload, slug)
    return Response.json({ report })
  },
}

export const exportEndpoint: Endpoint = {
  path: '/export',
  method: 'post',
  handler: async (req) => {
    const { slug, force } = await slugOf(req)
    if (!slug) return refuse(404, 'No such issue.')
    try {
      const { record, report } = await exportIssuePdf(req.payload, slug, { user: req.user as User | null, force, via: 'admin' })
      return Response.json({
        report,
        export: { url: record.url, filename: record.filename, pageCount: record.pageCount, contentHash: record.contentHash, forced: record.forced },
      })
    } catch (error) {
      if (error instanceof PreflightFailedError) return Response.json({ report: error.report, error: 'Preflight found errors: not exported.' }, { status: 422 })
      if (error instanceof ExportNotAllowedError) return refuse(403, error.message)
      if (error instanceof IssueNotFoundError) return refuse(404, error.message)
      throw error
    }
  },
}
