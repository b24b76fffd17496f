import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole } from '../access/roles'
import type { User } from '../payload-types'
import {
  exportSubscribers,
  IMPORT_STATUSES,
  importSubscribers,
  ImportWriteError,
  type ImportStatus,
} from '../delivery/subscribers'

/** A list of a few hundred thousand addresses is far below this. */
const MAX_CSV_BYTES = 10 * 1024 * 1024

function refuse(req: PayloadRequest): Response | undefined {
  if (!req.user) return Response.json({ message: 'Sign in first.' }, { status: 401 })
  if (!hasRole(req.user, 'admin', 'editor')) {
    return Response.json({ message: 'Only editors and admins manage subscribers.' }, { status: 403 })
  }
  return undefined
}

/**
 * POST /api/subscribers/import?status=pending|confirmed&filename=list.csv, the CSV as the
 * body: the admin's "Import CSV". Answers the same summary (or line-numbered errors) as
 * `bulletin import-subscribers --json`.
 */
export const importSubscribersEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    const refused = refuse(req)
    if (refused) return refused
    const status = req.searchParams.get('status') ?? 'pending'
    if (!(IMPORT_STATUSES as readonly string[]).includes(status)) {
      return Response.json({ message: `status must be one of ${IMPORT_STATUSES.join(', ')}` }, { status: 400 })
    }
    const csv = (await req.text?.()) ?? ''
    if (Buffer.byteLength(csv) > MAX_CSV_BYTES) {
      return Response.json({ message: 'The file is larger than 10 MB; split it.' }, { status: 413 })
    }
    const fileName = (req.searchParams.get('filename') || 'upload.csv').replace(/[^\p{L}\p{N} ._-]+/gu, '_').slice(0, 120)
    try {
      const result = await importSubscribers(req.payload, csv, {
        status: status as ImportStatus,
        fileName,
        by: req.user?.email ?? 'an editor',
        user: req.user as User | null,
      })
      return Response.json(result, { status: result.ok ? 200 : 422 })
    } catch (error) {
      if (error instanceof ImportWriteError) return Response.json({ ok: false, message: error.message }, { status: 500 })
      throw error
    }
  },
}

/** GET /api/subscribers/export[?status=confirmed]: the list as a CSV download. */
export const exportSubscribersEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    const refused = refuse(req)
    if (refused) return refused
    const status = req.searchParams.get('status')
    const csv = await exportSubscribers(req.payload, {
      status: status === 'pending' || status === 'confirmed' || status === 'unsubscribed' || status === 'bounced' || status === 'complained' ? status : undefined,
    })
    const day = new Date().toISOString().slice(0, 10)
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="subscribers-${status ?? 'all'}-${day}.csv"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}
