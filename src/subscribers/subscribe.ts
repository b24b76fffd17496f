/**
 * Subscribe: the public form's double opt-in request. It records a pending subscriber and
 * mails the confirmation link (./confirm.ts); the answer never tells who is on the list.
 */
import type { Payload } from 'payload'
import { z } from 'zod'

import type { StatusChangeContext } from '../../collections/hooks/recordStatusChange'
import { env } from '../env'
import type { Subscriber } from '../payload-types'
import { emailSchema, nameSchema } from './address'
import { SHARED_CLIENT } from '../clientAddress'
import { sendConfirmationEmail } from './confirm'
import { findSubscriberByEmail } from './find'
import { subscribeLimiter, type SubscribeLimiter } from './rateLimit'

const subscribeSchema = z.object({
  email: emailSchema,
  name: nameSchema.optional(),
})

export interface SubscribeInput {
  email: string
  name?: string
  /** The form's hidden trap field: people leave it empty, naive bots fill it in. */
  honeypot?: string
  /** Path of the page that carried the form ("/subscribe", "/issues/demo"). */
  sourcePath?: string
  /** The client's address, for rate limiting. */
  ip?: string
}

/**
 * The public answer. "ok" is the same whether the address was new, pending, already
 * confirmed or unsubscribed, so the form tells nobody who is on the list.
 */
export type SubscribeResult =
  | { ok: true }
  | { ok: false; reason: 'invalid'; field: 'email' | 'name'; message: string }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number }
  | { ok: false; reason: 'unavailable'; message: string }

export interface SubscribeOptions {
  limiter?: SubscribeLimiter
  now?: () => number
}

export async function subscribe(payload: Payload, input: SubscribeInput, options: SubscribeOptions = {}): Promise<SubscribeResult> {
  const parsed = subscribeSchema.safeParse({ email: input.email, name: input.name || undefined })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path[0] === 'name' ? 'name' : 'email'
    return { ok: false, reason: 'invalid', field, message: issue?.message ?? 'Check the form.' }
  }
  const { email, name } = parsed.data
  if (input.honeypot?.trim()) {
    payload.logger.info({ msg: 'subscribe: honeypot filled, ignored', ip: input.ip })
    return { ok: true }
  }
  const wait = (options.limiter ?? subscribeLimiter()).check(input.ip || SHARED_CLIENT, email)
  if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds: Math.ceil(wait / 1000) }

  const now = new Date(options.now?.() ?? Date.now())
  const existing = await findSubscriberByEmail(payload, email)
  // Confirmed: nothing to do. Complained: they marked our mail as spam; a form post (which
  // anyone can make) does not override that. Both get the same answer as everyone else.
  if (existing && (existing.status === 'confirmed' || existing.status === 'complained')) return { ok: true }

  const consent = { at: now.toISOString(), method: 'form' as const, source: sourceUrl(input.sourcePath) }
  let subscriber: Subscriber
  if (!existing) {
    try {
      subscriber = await payload.create({
        collection: 'subscribers',
        data: { email, name: name || undefined, status: 'pending', consent },
        overrideAccess: true,
        context: { statusReason: 'Asked to subscribe on the web form' } satisfies StatusChangeContext,
      })
    } catch (error) {
      // Two requests for one new address at once: the other one created it and sends the mail.
      if (await findSubscriberByEmail(payload, email)) return { ok: true }
      throw error
    }
  } else {
    subscriber = await payload.update({
      collection: 'subscribers',
      id: existing.id,
      data: { status: 'pending', consent, ...(name ? { name } : {}) },
      overrideAccess: true,
      context: {
        statusReason: `Asked to subscribe again on the web form (was ${existing.status})`,
      } satisfies StatusChangeContext,
    })
  }

  try {
    await sendConfirmationEmail(payload, subscriber)
  } catch (error) {
    payload.logger.error({ err: error, msg: 'subscribe: the confirmation email could not be sent' })
    return { ok: false, reason: 'unavailable', message: 'We could not send the confirmation email just now. Please try again in a few minutes.' }
  }
  return { ok: true }
}

function sourceUrl(sourcePath: string | undefined): string {
  // Only a path on this site: the field comes from the browser.
  const pathOnly = sourcePath && /^\/[A-Za-z0-9/_.~-]{0,200}$/.test(sourcePath) ? sourcePath : '/subscribe'
  return `${env().PUBLIC_URL}${pathOnly}`
}
