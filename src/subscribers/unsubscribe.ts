/**
 * Unsubscribe: the signed link in every newsletter (one click, RFC 8058, or the page), by
 * mail, or by an editor. Idempotent, and the links never expire.
 */
import type { Payload } from 'payload'

import type { StatusChangeContext } from '../../collections/hooks/recordStatusChange'
import { env } from '../env'
import type { Subscriber } from '../payload-types'
import { findSubscriberById, type SubscriberStatus } from './find'
import { verifyToken } from './tokens'

export type UnsubscribeVia = 'one-click' | 'page' | 'mailto' | 'admin'

export type UnsubscribeResult =
  | { ok: true; email: string; alreadyUnsubscribed: boolean }
  | { ok: false; reason: 'invalid' | 'unknown' }

const VIA_REASON: Record<UnsubscribeVia, string> = {
  'one-click': 'Unsubscribed with one click from the email (RFC 8058)',
  page: 'Unsubscribed on the web page',
  mailto: 'Asked by email to be unsubscribed',
  admin: 'Unsubscribed by an editor',
}

async function subscriberOfUnsubscribeLink(payload: Payload, token: string): Promise<Subscriber | 'invalid' | 'unknown'> {
  const verified = verifyToken(env().PAYLOAD_SECRET, token, 'unsubscribe')
  if (!verified.ok) return 'invalid'
  const subscriber = await findSubscriberById(payload, verified.claims.subscriberId)
  // A link for an address that was since changed or deleted is not this subscriber's.
  if (!subscriber || subscriber.email !== verified.claims.email) return 'unknown'
  return subscriber
}

/** What an unsubscribe link points at, without changing anything: for the GET page. */
export async function readUnsubscribeLink(
  payload: Payload,
  token: string,
): Promise<{ ok: true; email: string; status: SubscriberStatus } | { ok: false; reason: 'invalid' | 'unknown' }> {
  const subscriber = await subscriberOfUnsubscribeLink(payload, token)
  if (typeof subscriber === 'string') return { ok: false, reason: subscriber }
  return { ok: true, email: subscriber.email, status: subscriber.status }
}

/** Works for as long as the email exists: unsubscribe tokens do not expire. Idempotent. */
export async function unsubscribe(payload: Payload, token: string, via: UnsubscribeVia): Promise<UnsubscribeResult> {
  const subscriber = await subscriberOfUnsubscribeLink(payload, token)
  if (typeof subscriber === 'string') return { ok: false, reason: subscriber }
  if (subscriber.status !== 'pending' && subscriber.status !== 'confirmed') {
    // Unsubscribed, bounced or complained: they receive nothing already.
    return { ok: true, email: subscriber.email, alreadyUnsubscribed: true }
  }
  await payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    data: { status: 'unsubscribed' },
    overrideAccess: true,
    context: { statusReason: VIA_REASON[via] } satisfies StatusChangeContext,
  })
  return { ok: true, email: subscriber.email, alreadyUnsubscribed: false }
}
