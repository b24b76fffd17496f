import { addDataAndFileToRequest, APIError, type Endpoint } from 'payload'

import { assertImportSize, ChronologyImportError, importChronology, type ChronologyImportSource } from '../chronology/import'
import { CHRONOLOGY_MAX_REQUEST_BYTES, requestSizeProblem } from '../chronology/limits'

interface Body {
  text?: unknown
  dryRun?: unknown
  excludeLines?: unknown
}

/**
 * POST /api/issues/:id/import-chronology: the admin's "Import chronology" view. JSON
 * {"text", "dryRun", "excludeLines"}, or multipart with a `file` and those fields as JSON in
 * `_payload`. Answers with the import report; the service checks the caller's rights and
 * writes with them. Too large a request is refused (413) from its Content-Length, before it
 * is read; the limits are in src/chronology/limits.
 */
function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1)
}

export const importChronologyEndpoint: Endpoint = {
  path: '/:id/import-chronology',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ message: 'Log in as a member of the editorial committee to import a chronology.' }, { status: 401 })
    const id = req.routeParams?.id
    if (typeof id !== 'string' && typeof id !== 'number') return Response.json({ message: 'No such issue.' }, { status: 404 })
    const declared = Number(req.headers.get('content-length') ?? NaN)
    if (declared > CHRONOLOGY_MAX_REQUEST_BYTES) {
      return Response.json({ message: capitalise(requestSizeProblem(declared)) }, { status: 413 })
    }
    try {
      await addDataAndFileToRequest(req)
    } catch (error) {
      // Payload's multipart limit (payload.config.ts, `upload`): a request sent without its length.
      if (error instanceof APIError && error.status === 413) {
        return Response.json({ message: capitalise(requestSizeProblem(Number.isFinite(declared) ? declared : undefined)) }, { status: 413 })
      }
      const reason = error instanceof Error ? error.message : String(error)
      return Response.json(
        { message: `The request could not be read (${reason}): send the text as JSON, or the file as multipart form data.` },
        { status: 400 },
      )
    }
    const body = (req.data ?? {}) as Body
    let source: ChronologyImportSource
    if (req.file) source = { bytes: new Uint8Array(req.file.data), filename: req.file.name }
    else if (typeof body.text === 'string') source = { text: body.text }
    else return Response.json({ message: 'Paste the chronology or choose a file.' }, { status: 400 })
    try {
      assertImportSize(source)
    } catch (error) {
      if (error instanceof ChronologyImportError) return Response.json({ message: capitalise(error.message) }, { status: error.status })
      throw error
    }
    const excludeLines = Array.isArray(body.excludeLines) ? body.excludeLines.filter((n): n is number => Number.isInteger(n)) : []

    const { docs } = await req.payload.find({
      collection: 'issues',
      where: { id: { equals: id } },
      draft: true,
      depth: 0,
      limit: 1,
      overrideAccess: false,
      user: req.user,
    })
    const issue = docs[0]
    if (!issue) return Response.json({ message: 'No such issue.' }, { status: 404 })
    try {
      const report = await importChronology(req.payload, {
        issueSlug: issue.slug,
        source,
        dryRun: body.dryRun !== false,
        excludeLines,
        user: req.user,
      })
      return Response.json(report, { headers: { 'Cache-Control': 'no-store' } })
    } catch (error) {
      if (error instanceof ChronologyImportError) return Response.json({ message: capitalise(error.message) }, { status: error.status })
      req.payload.logger.error({ err: error, msg: 'Chronology import failed' })
      const reason = error instanceof Error ? error.message : String(error)
      return Response.json({ message: `Nothing was imported: ${reason}` }, { status: 500 })
    }
  },
}
