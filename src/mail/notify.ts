/**
 * Email to the committee when an item's review status changes: the editors and the item's
 * assignee, never the member who made the change. Sent through Payload's mailer (the
 * nodemailer transport of payload.config.ts: SMTP_URL, or the development outbox), one
 * message per person.
 *
 * Sending never breaks the save: the hook hands the change over without waiting
 * (queueReviewNotification), so no SMTP round trip runs inside the save's transaction, and
 * a failure is logged with the address it was for. settleNotifications() waits for what is
 * under way: tests, and a process that wants to exit cleanly.
 */
import type { Payload, Where } from 'payload'

import { sendMessage } from './send'
import { env } from '../env'
import type { User } from '../payload-types'
import { REVIEW_STATUS_LABELS, type ReviewStatus } from '../workflow/review'
import type { Id } from '../ids'

export interface ReviewChange {
  collection: string
  /** "Essay", "Chronology": the collection's singular label. */
  label: string
  id: Id
  title: string
  from: ReviewStatus
  to: ReviewStatus
  /** Who changed it; absent when server code did. */
  actor?: Pick<User, 'id' | 'email' | 'name'> | null
  assignee?: Id | null
  /** The newest review note saved with the change, if any. */
  note?: string
}

export interface NotifyResult {
  sent: string[]
  failed: Array<{ email: string; error: string }>
}

/** The editors and the assignee, without the actor, each once. */
export async function reviewRecipients(payload: Payload, change: Pick<ReviewChange, 'actor' | 'assignee'>): Promise<User[]> {
  const or: Where[] = [{ role: { equals: 'editor' } }]
  if (change.assignee !== undefined && change.assignee !== null) or.push({ id: { equals: change.assignee } })
  const { docs } = await payload.find({ collection: 'users', where: { or }, depth: 0, pagination: false, overrideAccess: true })
  const seen = new Set<string>()
  return docs.filter((user) => {
    if (change.actor && String(user.id) === String(change.actor.id)) return false
    const key = user.email.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export function reviewMessage(change: ReviewChange, recipient: Pick<User, 'name'>): { subject: string; text: string } {
  const from = REVIEW_STATUS_LABELS[change.from]
  const to = REVIEW_STATUS_LABELS[change.to]
  const who = change.actor ? `${change.actor.name || change.actor.email} (${change.actor.email})` : 'Bulletin Press'
  const link = `${env().PUBLIC_URL}/admin/collections/${change.collection}/${change.id}`
  const lines = [
    `Dear ${recipient.name || 'colleague'},`,
    '',
    `${who} moved the ${change.label.toLowerCase()} "${change.title}" from ${from} to ${to}.`,
    ...(change.note ? ['', 'Their note:', ...change.note.split(/\r?\n/).map((line) => `> ${line}`)] : []),
    '',
    `Open it in the admin: ${link}`,
    '',
    '-- ',
    'Bulletin Press: you receive this as a member of the editorial committee.',
  ]
  return { subject: `${change.label} "${change.title}": ${to}`, text: lines.join('\n') }
}

/** Sends the messages and reports them; failures are logged, never thrown. */
export async function notifyReviewChange(payload: Payload, change: ReviewChange): Promise<NotifyResult> {
  const result: NotifyResult = { sent: [], failed: [] }
  let recipients: User[]
  try {
    recipients = await reviewRecipients(payload, change)
  } catch (error) {
    payload.logger.error({ err: error, msg: `review notification: could not find the committee for ${change.collection} ${change.id}` })
    return result
  }
  const config = env()
  for (const recipient of recipients) {
    const { subject, text } = reviewMessage(change, recipient)
    try {
      await sendMessage(payload, {
        from: { name: config.MAIL_FROM_NAME, address: config.MAIL_FROM_ADDRESS },
        to: recipient.name ? { name: recipient.name, address: recipient.email } : recipient.email,
        subject,
        text,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Bulletin-Review': `${change.collection}/${change.id}` },
      })
      result.sent.push(recipient.email)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      result.failed.push({ email: recipient.email, error: message })
      payload.logger.error({ err: error, msg: `review notification to ${recipient.email} about ${change.collection} ${change.id} failed: ${message}` })
    }
  }
  return result
}

const pending = new Set<Promise<NotifyResult>>()

/** Starts sending and returns at once; the save does not wait for the mail server. */
export function queueReviewNotification(payload: Payload, change: ReviewChange): void {
  const sending = notifyReviewChange(payload, change).finally(() => pending.delete(sending))
  pending.add(sending)
}

/** Waits until every notification started so far has been sent or has failed. */
export async function settleNotifications(): Promise<NotifyResult[]> {
  const results: NotifyResult[] = []
  while (pending.size > 0) results.push(...(await Promise.all([...pending])))
  return results
}
