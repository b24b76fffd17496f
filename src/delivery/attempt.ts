/**
 * One attempt at one delivery: build the recipient's message, hand it to the SMTP server,
 * and decide from the server's answer what the ledger records (accepted, bounced, failed,
 * deferred for a retry, or unknown under at-most-once).
 */
import type { Transporter } from 'nodemailer'
import type { Payload } from 'payload'

import type { StatusChangeContext } from '../../collections/hooks/recordStatusChange'
import type { Id } from '../ids'
import { trackedRaw, type CampaignMessageFactory } from './campaignMessage'
import type { CampaignSettings } from './campaignSettings'
import type { LedgerRow, OutcomeFields } from './ledger'
import { acceptedOutcome, backoffDelayMs, classifySmtpError, type AttemptOutcome } from './smtpOutcome'
import type { DeliveryPolicy } from './states'

export interface Recipient {
  id: string
  email: string
  name?: string
}

/** Sends one message; never throws for an SMTP error, which becomes the outcome. */
export async function sendAttempt(transport: Transporter, factory: CampaignMessageFactory, recipient: Recipient): Promise<{ outcome: AttemptOutcome; ms: number }> {
  const message = await factory.build(recipient)
  let fullySent = message.mail.raw === undefined
  const mail = message.mail.raw instanceof Buffer
    ? { ...message.mail, raw: trackedRaw(message.mail.raw, () => (fullySent = true)) }
    : message.mail
  let outcome: AttemptOutcome
  const began = performance.now()
  try {
    const info = (await transport.sendMail(mail)) as { response?: string }
    outcome = acceptedOutcome(info.response)
  } catch (error) {
    outcome = classifySmtpError(error, fullySent)
  }
  return { outcome, ms: performance.now() - began }
}

/** What the ledger records for an attempt's outcome. */
export type Settlement =
  | { status: 'accepted'; fields: OutcomeFields }
  | { status: 'bounced' | 'failed' | 'deferred' | 'unknown'; fields: OutcomeFields }

export function settlementOf(
  outcome: AttemptOutcome,
  row: LedgerRow,
  recipient: Recipient,
  policy: DeliveryPolicy,
  settings: Pick<CampaignSettings, 'maxAttempts' | 'retryBaseMs' | 'retryMaxMs'>,
): Settlement {
  const attempts = row.attempts + 1
  const at = new Date().toISOString()
  const email = recipient.email !== row.email ? recipient.email : undefined
  switch (outcome.kind) {
    case 'accepted':
      return { status: 'accepted', fields: { response: outcome.response, responseCode: outcome.code, queueId: outcome.queueId ?? null, attempts, acceptedAt: at, email } }
    case 'permanent':
      return { status: 'bounced', fields: { response: outcome.response, responseCode: outcome.code, attempts, email } }
    case 'transient': {
      if (policy === 'at-most-once' && outcome.maybeAccepted) {
        return { status: 'unknown', fields: { response: `The connection failed after the message was sent; the server may have taken it (${outcome.response}).`, responseCode: outcome.code ?? null, attempts, email } }
      }
      if (attempts >= settings.maxAttempts) {
        return { status: 'failed', fields: { response: outcome.response, responseCode: outcome.code ?? null, attempts, email } }
      }
      const delay = backoffDelayMs(attempts, { baseMs: settings.retryBaseMs, maxMs: settings.retryMaxMs })
      return {
        status: 'deferred',
        fields: {
          response: outcome.response,
          responseCode: outcome.code ?? null,
          attempts,
          nextAttemptAt: new Date(Date.now() + delay).toISOString(),
          email,
        },
      }
    }
  }
}

/** A permanent failure: the subscriber receives nothing more until an editor looks. */
export async function markSubscriberBounced(payload: Payload, campaignId: Id, subscriberId: Id, response: string): Promise<void> {
  try {
    const subscriber = await payload.findByID({ collection: 'subscribers', id: subscriberId, depth: 0, overrideAccess: true })
    if (subscriber.status !== 'confirmed' && subscriber.status !== 'pending') return
    await payload.update({
      collection: 'subscribers',
      id: subscriberId,
      data: { status: 'bounced' },
      overrideAccess: true,
      context: { statusReason: `Bounced by the mail server during campaign ${campaignId}: ${response}` } satisfies StatusChangeContext,
    })
  } catch (error) {
    payload.logger.error({ err: error, msg: `campaign ${campaignId}: could not mark subscriber ${subscriberId} bounced` })
  }
}
