import type { Endpoint } from 'payload'

import {
  exportSubscribers,
  IMPORT_STATUSES,
  importSubscribers,
  type ImportStatus,
} from '../subscribers'
import { answering, ServiceError, signedIn } from './errors'

/** A list of a few hundred thousand addresses is far below this. */
const MAX_CSV_BYTES = 10 * 1024 * 1024

/**
 * POST /api/subscribers/import?status=pending|confirmed&filename=list.csv, the CSV as the
 * body: the admin's "Import CSV". Answers the same summary (or line-numbered errors) as
 * `bulletin import-subscribers --json`. Editors and admins: the subscriber service decides.
 */
export const importSubscribersEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: answering(async (req) => {
    const user = signedIn(req)
    const status = req.searchParams.get('status') ?? 'pending'
    if (!(IMPORT_STATUSES as readonly string[]).includes(status)) {
      throw new ServiceError('bad-request', 400, `status must be one of ${IMPORT_STATUSES.join(', ')}`)
    }
    const csv = (await req.text?.()) ?? ''
    if (Buffer.byteLength(csv) > MAX_CSV_BYTES) throw new ServiceError('too-large', 413, 'The file is larger than 10 MB; split it.')
    const fileName = (req.searchParams.get('filename') || 'upload.csv').replace(/[^\p{L}\p{N} ._-]+/gu, '_').slice(0, 120)
    const result = await importSubscribers(req.payload, csv, {
      status: status as ImportStatus,
      fileName,
      by: user.email ?? 'an editor',
      user,
    })
    return Response.json(result, { status: result.ok ? 200 : 422 })
  }),
}

/** GET /api/subscribers/export[?status=confirmed]: the list as a CSV download. */
export const exportSubscribersEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: answering(async (req) => {
    const user = signedIn(req)
    const status = req.searchParams.get('status')
    const csv = await exportSubscribers(req.payload, {
      status: status === 'pending' || status === 'confirmed' || status === 'unsubscribed' || status === 'bounced' || status === 'complained' ? status : undefined,
      user,
    })
    const day = new Date().toISOString().slice(0, 10)
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="subscribers-${status ?? 'all'}-${day}.csv"`,
        'Cache-Control': 'no-store',
      },
    })
  }),
}
