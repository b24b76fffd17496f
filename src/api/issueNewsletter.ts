import type { Endpoint } from 'payload'

import { canAccessAdmin } from '../access/canAccessAdmin'
import { messageToEml } from '../mail/send'
import { previewIssueEmail, sendTestEmail } from '../delivery/testSend'
import { answering, ServiceError, signedIn } from './errors'
import { issueOfRoute } from './routeIssue'

/**
 * GET /api/issues/:id/newsletter?format=html|text|eml[&to=address]: the newsletter of the
 * latest saved version, for the admin's preview. Any member of the committee (whoever may
 * open the admin); with `to`, a subscriber's own message, for editors and admins (the service decides).
 */
export const newsletterPreviewEndpoint: Endpoint = {
  path: '/:id/newsletter',
  method: 'get',
  handler: answering(async (req) => {
    if (!canAccessAdmin({ req })) throw new ServiceError('not-allowed', 403, 'Sign in as a member of the committee.')
    const issue = await issueOfRoute(req)
    const { rendered, message } = await previewIssueEmail(req.payload, issue.slug, { to: req.searchParams.get('to'), actor: { user: req.user } })
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
  }),
}

/** POST /api/issues/:id/send-test, body {"to": "address"}: editors and admins (the service decides). */
export const sendTestEndpoint: Endpoint = {
  path: '/:id/send-test',
  method: 'post',
  handler: answering(async (req) => {
    const user = signedIn(req)
    const issue = await issueOfRoute(req)
    let to = ''
    try {
      const body = (await req.json?.()) as { to?: unknown } | undefined
      to = typeof body?.to === 'string' ? body.to : ''
    } catch {
      throw new ServiceError('bad-request', 400, 'Send {"to": "address"} as JSON.')
    }
    try {
      const result = await sendTestEmail(req.payload, issue.slug, to, { user })
      return Response.json({ ok: true, ...result })
    } catch (error) {
      if (error instanceof ServiceError) throw error
      // The editor checking a test needs the mail server's own words.
      const reason = error instanceof Error ? error.message : String(error)
      throw new ServiceError('mail-refused', 502, `The mail server did not take the message: ${reason}`, { cause: error })
    }
  }),
}

export const issueNewsletterEndpoints: Endpoint[] = [newsletterPreviewEndpoint, sendTestEndpoint]
