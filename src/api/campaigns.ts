import type { Endpoint, PayloadRequest } from 'payload'

import {
  CampaignError,
  campaignReadiness,
  campaignStatus,
  cancelCampaign,
  getCampaign,
  pauseCampaign,
  resendUnknown,
  resumeCampaign,
  scheduleCampaign,
  type CampaignActor,
} from '../delivery/campaign'
import { renderFrozenForRecipient, type FrozenCampaignMessage } from '../delivery/campaignMessage'
import { sendIssue } from '../delivery/sendIssue'
import type { Issue, User } from '../payload-types'
import { answering, ServiceError, signedIn } from './errors'

/**
 * The campaign panel's API, thin HTTP wrappers over the campaign service:
 *   GET  /api/campaigns/:id/status               status, counts, progress, failures (and readiness before start)
 *   POST /api/campaigns/:id/start     {confirm}
 *   POST /api/campaigns/:id/schedule  {at, confirm}
 *   POST /api/campaigns/:id/pause | resume | cancel | resend-unknown
 *   GET  /api/campaigns/:id/message?format=html|text[&delivery=id]   the frozen message as sent
 * Editors and admins only: the campaign service decides (as for `bulletin send`); a refusal
 * is answered `{ error, code }` (src/api/errors.ts).
 */

function idOf(req: PayloadRequest): string | undefined {
  const id = req.routeParams?.id
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined
}

async function body(req: PayloadRequest): Promise<Record<string, unknown>> {
  try {
    const data = (await req.json?.()) as unknown
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

const actorOf = (req: PayloadRequest): CampaignActor => ({ user: req.user as User })

/** A campaign endpoint: signed in, a campaign id in the path; the service decides who may. */
function campaignEndpoint(path: string, method: 'get' | 'post', run: (req: PayloadRequest, id: string) => Promise<Response>): Endpoint {
  return {
    path: `/:id/${path}`,
    method,
    handler: answering(async (req) => {
      signedIn(req)
      const id = idOf(req)
      if (!id) throw new ServiceError('not-found', 404, 'No campaign.')
      return run(req, id)
    }),
  }
}

function action(path: string, run: (req: PayloadRequest, id: string, data: Record<string, unknown>) => Promise<unknown>): Endpoint {
  return campaignEndpoint(path, 'post', async (req, id) => {
    await run(req, id, await body(req))
    return Response.json(await campaignStatus(req.payload, id))
  })
}

export const campaignEndpoints: Endpoint[] = [
  campaignEndpoint('status', 'get', async (req, id) => {
    const report = await campaignStatus(req.payload, id, { actor: actorOf(req), problemsPage: Number(req.searchParams.get('page') ?? 1) })
    const readiness =
      report.status === 'draft' || report.status === 'scheduled'
        ? await campaignReadiness(req.payload, (await req.payload.findByID({ collection: 'issues', id: report.issue.id, depth: 0, draft: true, overrideAccess: true })) as Issue)
        : undefined
    return Response.json({ ...report, readiness }, { headers: { 'Cache-Control': 'no-store' } })
  }),
  // "Send now": the same decision as `bulletin send` (src/delivery/sendIssue.ts).
  action('start', (req, id, data) => sendIssue(req.payload, { campaign: id }, { actor: actorOf(req), confirm: data.confirm === true })),
  action('schedule', (req, id, data) => {
    const at = new Date(typeof data.at === 'string' ? data.at : NaN)
    if (Number.isNaN(at.getTime())) throw new CampaignError('state', 'Give the time to send, e.g. {"at": "2024-07-01T09:00:00Z"}.')
    return scheduleCampaign(req.payload, id, at, { actor: actorOf(req), confirm: data.confirm === true })
  }),
  action('pause', (req, id) => pauseCampaign(req.payload, id, actorOf(req))),
  action('resume', (req, id) => resumeCampaign(req.payload, id, actorOf(req))),
  action('cancel', (req, id) => cancelCampaign(req.payload, id, actorOf(req))),
  action('resend-unknown', (req, id) => resendUnknown(req.payload, id, actorOf(req))),
  campaignEndpoint('message', 'get', async (req, id) => {
    const campaign = await getCampaign(req.payload, id, actorOf(req))
    const snapshot = campaign.message?.snapshot as FrozenCampaignMessage | undefined
    if (!snapshot) throw new ServiceError('not-frozen', 404, 'The message is frozen when the campaign starts.')
    let recipient = { id: 'sample', email: 'reader@example.org', name: 'Sample Reader' }
    const deliveryId = req.searchParams.get('delivery')
    if (deliveryId) {
      const delivery = await req.payload.findByID({ collection: 'deliveries', id: deliveryId, depth: 1, overrideAccess: true })
      const subscriber = delivery.subscriber as { id: number | string; name?: string | null } | number
      const subscriberId = typeof subscriber === 'object' ? subscriber.id : subscriber
      recipient = { id: String(subscriberId), email: delivery.email, name: (typeof subscriber === 'object' && subscriber.name) || '' }
    }
    const rendered = await renderFrozenForRecipient(snapshot, { ...recipient, name: recipient.name || undefined })
    const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'X-Subject': encodeURIComponent(rendered.subject), 'X-Content-Hash': campaign.message?.contentHash ?? '' }
    if (req.searchParams.get('format') === 'text') return new Response(rendered.text, { headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } })
    return new Response(rendered.html, {
      headers: {
        ...headers,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
      },
    })
  }),
]
