import type { DocumentViewServerProps } from 'payload'
import React from 'react'

import { canProof } from '../access/canProof'
import { ProofPanel } from './ProofPanel'

/**
 * The issue's "Proof" tab: its pages as they will print, from the latest drafts (the proof
 * kind of PDF), set again whenever something in the issue is saved, opened at the page where
 * the changed item starts. For the staff who may export.
 */
export function ProofView({ doc, initPageResult }: DocumentViewServerProps) {
  const req = initPageResult?.req
  const id = doc?.id as number | string | undefined
  const pad = { padding: 'calc(var(--base) * 1.5) var(--gutter-h) calc(var(--base) * 3)' }
  if (!id || !req) return <p style={pad}>Save the issue first; then its proof can be seen here.</p>
  if (!canProof(req.user)) return <p style={pad}>Production editors, editors and admins see the proof.</p>
  const api = req.payload.config.routes.api ?? '/api'
  return (
    <div style={pad}>
      <ProofPanel apiBase={`${api}/issues/${encodeURIComponent(String(id))}`} />
    </div>
  )
}
