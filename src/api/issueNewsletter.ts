import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole } from '../access/roles'
import { messageToEml } from '../delivery/mail'
import { InvalidAddressError, NotAllowedError, renderIssueEmail, SAMPLE_RECIPIENT, sendTestEmail } from '../delivery/newsletter'
import { findSubscriberByEmail } from '../delivery/subscribers'
import type { Issue } from '../payload-types'

/** The issue named in the URL, read with the caller's own rights (drafts for the committee). */
async function issueOf(req: PayloadRequest): Promise<Issue | undefined> {
  const id = req.routeParams?.id
  if (typeof id !== 'string' && typeof id !== 'number') return undefined
  const { docs } = await req.payload.find({
    collection: 'issues',
    where: { id: { equals: id } },
    draft: true,
    depth: 0,
    limit: 1,
    overrideAccess: false,
    user: req.user,
  })
  return docs[0]
}

/**
 * GET /api/issues/:id/newsletter?format=html|text|eml[&to=address]: the newsletter of the
 * latest saved version, for the admin's preview. Any member of the committee.
 */
export const newsletterPreviewEndpoint: Endpoint = {
  path: '/:id/newsletter',
  method: 'get',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin', 'editor', 'productionEditor', 'editorialAssistant')) {
      return Response.json({ message: 'Sign in as a member of the committee.' }, { status: 403 })
    }
    const issue = await issueOf(req)
    if (!issue) return Response.json({ message: 'No such issue.' }, { status: 404 })
    const to = req.searchParams.get('to')
    const subscriber = to ? await findSubscriberByEmail(req.payload, to) : undefined
    const recipient = subscriber && hasRole(req.user, 'admin', 'editor')
      ? { id: String(subscriber.id), email: subscriber.email, name: subscriber.name || undefined }
      : SAMPLE_RECIPIENT
    const { rendered, message } = await renderIssueEmail(req.payload, issue.slug, recipient, { draft: true })
    const format = req.searchParams.get('format') ?? 'html'
    const common = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'X-Subject': encodeURIComponent(rendered.subject) }
    if (format === 'text') return new Response(rendered.text, { headers: { ...common, 'Content-Type': 'text/plain; charset=utf-8' } })
    if (format === 'eml') {
      return new Response(new Uint8Array(await messageToEml(message)), {
        headers: { ...common, 'Content-Type': 'message/rfc822', 'Content-Disposition': `attachment; filename="${issue.slug}-newsletter.eml"` },
      })
    }
    return new Response(rendered.html, {
      headers: {
        ...common,
        'Content-Type': 'text/html; charset=utf-8',
        // Shown in the admin's iframe: no scripts, images from anywhere as in a mail client.
        'Content-Security-Policy': "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
      },
    })
  },
}

/** POST /api/issues/:id/send-test, body {"to": "address"}: editors and admins. */
export const sendTestEndpoint: Endpoint = {
  path: '/:id/send-test',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ message: 'Sign in first.' }, { status: 401 })
    const issue = await issueOf(req)
    if (!issue) return Response.json({ message: 'No such issue.' }, { status: 404 })
    let to = ''
    try {
      const body = (await req.json?.()) as { to?: unknown } | undefined
      to = typeof body?.to === 'string' ? body.to : ''
    } catch {
      return Response.json({ message: 'Send {"to": "address"} as JSON.' }, { status: 400 })
    }
    try {
      const result = await sendTestEmail(req.payload, issue.slug, to, { user: req.user })
      return Response.json({ ok: true, ...result })
    } catch (error) {
      if (error instanceof NotAllowedError || error instanceof InvalidAddressError) {
        return Response.json({ ok: false, message: error.message }, { status: error.status })
      }
      req.payload.logger.error({ err: error, msg: `send-test of "${issue.slug}" to ${to} failed` })
      const reason = error instanceof Error ? error.message : String(error)
      return Response.json({ ok: false, message: `The mail server did not take the message: ${reason}` }, { status: 502 })
    }
  },
}

export const issueNewsletterEndpoints: Endpoint[] = [newsletterPreviewEndpoint, sendTestEndpoint]
