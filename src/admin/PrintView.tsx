import type { DocumentViewServerProps } from 'payload'
import React from 'react'

import type { IssueExport, User } from '../payload-types'
import { hasRole } from '../access/roles'
import { ExportPdfPanel } from './ExportPdfPanel'

/**
 * The issue's "Print PDF" tab: preflight and export (proof or edition) for production
 * editors, editors and admins, and every earlier export of this issue with its kind, who
 * made it and a download link.
 */
export async function PrintView({ doc, initPageResult }: DocumentViewServerProps) {
  const req = initPageResult?.req
  const id = doc?.id as number | string | undefined
  const pad = { padding: 'calc(var(--base) * 1.5) var(--gutter-h) calc(var(--base) * 3)' }
  if (!id || !req) return <p style={pad}>Save the issue first; then it can be checked and exported here.</p>
  const api = req.payload.config.routes.api ?? '/api'
  const canExport = hasRole(req.user, 'admin', 'editor', 'productionEditor')
  // A published version exists: its edition can be exported (the main document is the published one).
  const published = (await req.payload.count({ collection: 'issues', where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] }, overrideAccess: true })).totalDocs > 0
  const { docs } = await req.payload.find({
    collection: 'issue-exports',
    where: { issue: { equals: id } },
    sort: '-exportedAt',
    depth: 1,
    limit: 50,
    user: req.user,
    overrideAccess: false,
  })
  const exports = docs as IssueExport[]
  return (
    <div style={pad}>
      {canExport ? (
        <ExportPdfPanel issueId={id} apiBase={api} published={published} />
      ) : (
        <p>Production editors, editors and admins run preflight and export the PDF.</p>
      )}
      <h3>Earlier exports</h3>
      {exports.length === 0 ? <p>This issue has not been exported yet.</p> : null}
      <table className="table" style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="export-history">
        <tbody>
          {exports.map((record) => {
            const by = record.exportedBy && typeof record.exportedBy === 'object' ? (record.exportedBy as User).name : null
            return (
              <tr key={record.id} style={{ borderTop: '1px solid var(--theme-elevation-100)' }}>
                <td style={{ padding: '0.4rem 0' }}>
                  <a href={record.url ?? '#'} download={record.filename ?? undefined}>
                    {record.filename}
                  </a>
                </td>
                <td>{record.kind === 'edition' ? 'Edition' : 'Proof'}</td>
                <td>{new Date(record.exportedAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC</td>
                <td>{by ?? (record.exportedVia === 'cli' ? 'command line' : record.exportedVia)}</td>
                <td>{record.pageCount} pages</td>
                <td>{record.forced ? 'forced despite errors' : ''}</td>
                <td style={{ fontFamily: 'monospace', fontSize: '0.8em' }}>{record.contentHash.slice(0, 12)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
