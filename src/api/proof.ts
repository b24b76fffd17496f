import type { Endpoint, PayloadRequest } from 'payload'

import { liveProof, nextLiveProof, rememberedProof } from '../export/proof'
import { answering, signedIn } from './errors'
import { issueOfRoute } from './routeIssue'

/** The issue of the URL, with drafts (only the committee gets this far). */
async function issueOf(req: PayloadRequest): Promise<{ id: string; slug: string }> {
  const issue = await issueOfRoute(req)
  return { id: String(issue.id), slug: issue.slug }
}

/**
 * GET /api/issues/:id/proof[?since=hash[&wait=1]]: the live proof's state for the admin's Proof
 * tab: `{ hash, pageCount, changed, ms, url }`, or `{ hash, unchanged: true }` when the model
 * still has the hash given. With `wait`, the answer waits for a save that changes the proof
 * (up to PROOF_WAIT_MS), so the tab shows it at once. The same staff as export (a proof shows
 * unpublished drafts).
 */
export const proofEndpoint: Endpoint = {
  path: '/:id/proof',
  method: 'get',
  handler: answering(async (req) => {
    const user = signedIn(req)
    const issue = await issueOf(req)
    const since = req.searchParams.get('since')
    const proof = since !== null && req.searchParams.has('wait') ? await nextLiveProof(req.payload, issue, { user, since }) : await liveProof(req.payload, issue, { user })
    const headers = { 'Cache-Control': 'no-store' }
    if (since === proof.hash) return Response.json({ hash: proof.hash, unchanged: true }, { headers })
    const api = req.payload.config.routes.api ?? '/api'
    return Response.json(
      {
        hash: proof.hash,
        pageCount: proof.pageCount,
        changed: proof.changed ?? null,
        ms: proof.ms,
        url: `${api}/issues/${issue.id}/proof.pdf?hash=${proof.hash}`,
      },
      { headers },
    )
  }),
}

/** GET /api/issues/:id/proof.pdf?hash=…: the PDF of that proof (set again if it is no longer the latest). */
export const proofPdfEndpoint: Endpoint = {
  path: '/:id/proof.pdf',
  method: 'get',
  handler: answering(async (req) => {
    const user = signedIn(req)
    const issue = await issueOf(req)
    const hash = req.searchParams.get('hash') ?? ''
    const proof = rememberedProof(issue.id, hash, user) ?? (await liveProof(req.payload, issue, { user }))
    return new Response(new Uint8Array(proof.pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${issue.slug}-proof.pdf"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  }),
}
