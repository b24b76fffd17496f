import type { DocumentViewServerProps } from 'payload'
import React from 'react'

import { canImportChronology } from '../access/canImportChronology'
import { ChronologyImportError, findIssueChronology } from '../chronology/import'
import { ImportChronologyForm } from './ImportChronologyForm'

const pad = { padding: 'calc(var(--base) * 1.5) var(--gutter-h) calc(var(--base) * 3)' }

/**
 * The issue's "Import chronology" tab: paste the compiler's document or upload it, preview
 * the entries as they will be stored, leave out lines with errors, import. The form calls
 * POST /api/issues/:id/import-chronology, which runs the same service as
 * `bulletin import-chronology`.
 */
export async function ImportChronologyView({ doc, initPageResult }: DocumentViewServerProps) {
  const req = initPageResult?.req
  const id = doc?.id as number | string | undefined
  const slug = typeof doc?.slug === 'string' ? doc.slug : undefined
  if (!id || !slug || !req) return <p style={pad}>Save the issue first; then its chronology can be imported here.</p>
  if (!canImportChronology(req.user)) {
    return <p style={pad}>Editorial assistants, editors and admins import the chronology.</p>
  }
  const { payload } = req
  try {
    const { chronology, period } = await findIssueChronology(payload, slug, req.user)
    const { totalDocs } = await payload.count({
      collection: 'chronology-entries',
      where: { chronology: { equals: chronology.id } },
      user: req.user,
      overrideAccess: false,
    })
    const admin = payload.config.routes.admin
    return (
      <div style={pad}>
        <ImportChronologyForm
          endpoint={`${payload.config.routes.api}/issues/${encodeURIComponent(String(id))}/import-chronology`}
          chronology={{
            title: chronology.title,
            period,
            entryCount: totalDocs,
            href: `${admin}/collections/chronologies/${encodeURIComponent(String(chronology.id))}`,
            entriesHref: `${admin}/collections/chronology-entries?where[chronology][equals]=${encodeURIComponent(String(chronology.id))}&limit=100`,
          }}
        />
      </div>
    )
  } catch (error) {
    if (error instanceof ChronologyImportError) return <p style={pad}>{error.message}</p>
    throw error
  }
}
