import { addDataAndFileToRequest, APIError, type Endpoint } from 'payload'

import { assertImportSize, ChronologyImportError, importChronology, type ChronologyImportSource } from '../chronology/import'
import { CHRONOLOGY_MAX_REQUEST_BYTES, requestSizeProblem } from '../chronology/limits'
import { issueOfRoute, routeId } from './routeIssue'
import { answering, ServiceError, signedIn } from './errors'

interface Body {
  text?: unknown
  dryRun?: unknown
  excludeLines?: unknown
}

/**
 * POST /api/issues/:id/import-chronology: the admin's "Import chronology" view. JSON
 * {"text", "dryRun", "excludeLines"}, or multipart with a `file` and those fields as JSON in
 * `_payload`. Answers with the import report; the service decides who may import and
 * writes with the caller's rights; this handler only authenticates. Too large a request is
 * refused (413) from its Content-Length, before it is read; the limits are in
 * src/chronology/limits. Refusals answer `{ error, code }` (src/api/errors.ts).
 */
export const importChronologyEndpoint: Endpoint = {
  path: '/:id/import-chronology',
  method: 'post',
  handler: answering(async (req) => {
    const user = signedIn(req, 'Log in as a member of the editorial committee to import a chronology.')
    const id = routeId(req)
    const declared = Number(req.headers.get('content-length') ?? NaN)
    if (declared > CHRONOLOGY_MAX_REQUEST_BYTES) throw new ChronologyImportError(requestSizeProblem(declared), 413)
    try {
      await addDataAndFileToRequest(req)
    } catch (error) {
      // Payload's multipart limit (payload.config.ts, `upload`): a request sent without its length.
      if (error instanceof APIError && error.status === 413) {
        throw new ChronologyImportError(requestSizeProblem(Number.isFinite(declared) ? declared : undefined), 413)
      }
      const reason = error instanceof Error ? error.message : String(error)
      throw new ServiceError('bad-request', 400, `The request could not be read (${reason}): send the text as JSON, or the file as multipart form data.`)
    }
    const body = (req.data ?? {}) as Body
    let source: ChronologyImportSource
    if (req.file) source = { bytes: new Uint8Array(req.file.data), filename: req.file.name }
    else if (typeof body.text === 'string') source = { text: body.text }
    else throw new ServiceError('bad-request', 400, 'Paste the chronology or choose a file.')
    assertImportSize(source)
    const excludeLines = Array.isArray(body.excludeLines) ? body.excludeLines.filter((n): n is number => Number.isInteger(n)) : []

    const issue = await issueOfRoute(req, id)
    try {
      const report = await importChronology(req.payload, {
        issueSlug: issue.slug,
        source,
        dryRun: body.dryRun !== false,
        excludeLines,
        user,
      })
      return Response.json(report, { headers: { 'Cache-Control': 'no-store' } })
    } catch (error) {
      if (error instanceof ServiceError) throw error
      // The import writes all or nothing; the cause goes to the log, not to the editor.
      throw new ServiceError('import-failed', 500, 'Nothing was imported: the server failed, and its log has the reason.', { cause: error })
    }
  }),
}
