/**
 * Confirm: the confirmation email with its signed link, and the click that confirms. A
 * link is good only for the latest request of a pending subscriber.
 */
import type { Payload } from 'payload'

import type { StatusChangeContext } from '../../collections/hooks/recordStatusChange'
import { env } from '../env'
import { sendMessage } from '../mail/send'
import { senderSettings } from '../mail/sender'
import { siteLinks } from '../mail/siteLinks'
import type { Subscriber } from '../payload-types'
import { renderConfirmationEmail } from '../render/email/confirmation'
import { findSubscriberById } from './find'
import { CONFIRM_TOKEN_TTL_MS, signToken, verifyToken } from './tokens'

/**
 * A confirm token is valid only for the latest request of a pending subscriber: it expires
 * exactly CONFIRM_TOKEN_TTL_MS after consent.at, which every new request moves on, so a
 * link from an earlier email (or from before an unsubscribe) no longer matches.
 */
function confirmExpiry(subscriber: Pick<Subscriber, 'consent'>): number | undefined {
  const at = subscriber.consent?.at ? Date.parse(subscriber.consent.at) : NaN
  return Number.isFinite(at) ? at + CONFIRM_TOKEN_TTL_MS : undefined
}

export async function sendConfirmationEmail(payload: Payload, subscriber: Subscriber): Promise<void> {
  const expiresAt = confirmExpiry(subscriber)
  if (subscriber.status !== 'pending' || expiresAt === undefined) {
    throw new Error(`subscriber ${subscriber.id} has no pending request to confirm`)
  }
  const token = signToken(env().PAYLOAD_SECRET, {
    purpose: 'confirm',
    subscriberId: String(subscriber.id),
    email: subscriber.email,
    expiresAt,
  })
  const sender = await senderSettings(payload)
  // The address only, in the body and the To: header: the name is a stranger's words until
  // the address's owner confirms (see ConfirmationInput).
  const recipient = { email: subscriber.email }
  const rendered = await renderConfirmationEmail({
    bulletinName: sender.bulletinName,
    centre: sender.centre,
    institute: sender.institute,
    postalAddress: sender.postalAddress,
    recipient,
    confirmUrl: siteLinks.confirm(token),
    subscribeUrl: siteLinks.subscribe(),
    validForDays: Math.round(CONFIRM_TOKEN_TTL_MS / 86_400_000),
  })
  await sendMessage(payload, {
    from: { name: sender.fromName, address: sender.fromAddress },
    replyTo: sender.replyTo,
    to: recipient.email,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    headers: { 'Auto-Submitted': 'auto-generated' },
  })
}

export type LinkFailure = 'invalid' | 'expired' | 'superseded' | 'closed'

export type ConfirmResult =
  | { ok: true; email: string; alreadyConfirmed: boolean }
  | { ok: false; reason: LinkFailure }

export async function confirmSubscription(payload: Payload, token: string, options: { now?: () => number } = {}): Promise<ConfirmResult> {
  const now = options.now?.() ?? Date.now()
  const verified = verifyToken(env().PAYLOAD_SECRET, token, 'confirm', now)
  if (!verified.ok) return { ok: false, reason: verified.reason === 'expired' ? 'expired' : 'invalid' }
  const subscriber = await findSubscriberById(payload, verified.claims.subscriberId)
  if (!subscriber || subscriber.email !== verified.claims.email) return { ok: false, reason: 'invalid' }
  if (subscriber.status === 'confirmed') return { ok: true, email: subscriber.email, alreadyConfirmed: true }
  if (subscriber.status !== 'pending') return { ok: false, reason: 'closed' }
  if (verified.claims.expiresAt !== confirmExpiry(subscriber)) return { ok: false, reason: 'superseded' }
  await payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    // Consent is given now, by the click; where it was asked for stays recorded.
    data: { status: 'confirmed', consent: { ...subscriber.consent, at: new Date(now).toISOString(), method: 'form' } },
    overrideAccess: true,
    context: { statusReason: 'Confirmed with the link in the confirmation email' } satisfies StatusChangeContext,
  })
  return { ok: true, email: subscriber.email, alreadyConfirmed: false }
}
