/**
 * The issue newsletter for one recipient, as a complete message: assemble the issue, render
 * it (templates/email), add the sender from the publication settings, the signed
 * unsubscribe link, the list headers, a stable Message-ID and DKIM when configured.
 * The admin preview, the "Send test" action and `bulletin render-email` all come here.
 */
import type Mail from 'nodemailer/lib/mailer'
import type { Payload } from 'payload'

import { hasRole } from '../access/roles'
import { ServiceError } from '../errors'
import { env } from '../env'
import { assembleIssue } from '../issue/assemble'
import type { IssueModel } from '../issue/model'
import type { User } from '../payload-types'
import { renderNewsletter, type RenderedNewsletter } from '../render/email'
import { siteLinks } from '../mail/siteLinks'
import { sendMessage, type SendReceipt } from '../mail/send'
import { dkimSettings } from '../mail/dkim'
import { buildNewsletterMessage, newsletterMessageId } from '../mail/newsletterMessage'
import { senderSettings } from '../mail/sender'
import { emailSchema } from '../subscribers/address'
import { findSubscriberByEmail } from '../subscribers/find'
import { unsubscribeUrlFor } from '../subscribers/signedLinks'

export interface NewsletterRecipientInput {
  /** The subscriber's id: it keys the Message-ID and the unsubscribe token. */
  id: string
  email: string
  name?: string
}

/** Who `render-email` and previews write to when no subscriber is named. */
export const SAMPLE_RECIPIENT: NewsletterRecipientInput = {
  id: 'sample',
  email: 'reader@example.org',
  name: 'Sample Reader',
}

export interface RenderIssueEmailOptions {
  /** Latest drafts (previews, test sends before publishing) instead of the published issue. */
  draft?: boolean
}

export interface RenderedIssueEmail {
  model: IssueModel
  rendered: RenderedNewsletter
  /** nodemailer options: ready for sendMail or for writing as .eml. */
  message: Mail.Options
  unsubscribeUrl: string
}

export async function renderIssueEmail(
  payload: Payload,
  slug: string,
  recipient: NewsletterRecipientInput,
  options: RenderIssueEmailOptions = {},
): Promise<RenderedIssueEmail> {
  const { model } = await assembleIssue(payload, slug, { draft: options.draft ?? false })
  const sender = await senderSettings(payload)
  const unsubscribeUrl = unsubscribeUrlFor(recipient)
  const person = { email: recipient.email, name: recipient.name || undefined }
  const rendered = await renderNewsletter(model, person, {
    publicUrl: env().PUBLIC_URL,
    issueUrl: siteLinks.issue(model.slug),
    pdfUrl: siteLinks.pdf(model.slug),
    chronologyUrl: siteLinks.chronology(model.slug),
    unsubscribeUrl,
  })
  const message = buildNewsletterMessage({
    model,
    recipient: { id: recipient.id, email: recipient.email, name: person.name },
    rendered,
    settings: { fromName: sender.fromName, fromAddress: sender.fromAddress, replyTo: sender.replyTo },
    publicUrl: env().PUBLIC_URL,
    unsubscribeUrl,
    unsubscribeMailto: `mailto:${sender.unsubscribeMailbox}?subject=unsubscribe`,
    messageIdDomain: sender.messageIdDomain,
    dkim: dkimSettings(),
  })
  return { model, rendered, message, unsubscribeUrl }
}

export class NotAllowedError extends ServiceError {
  constructor(message: string) {
    super('not-allowed', 403, message)
    this.name = 'NotAllowedError'
  }
}

export class InvalidAddressError extends ServiceError {
  constructor(message: string) {
    super('invalid-address', 400, message)
    this.name = 'InvalidAddressError'
  }
}

/** Who asks for a test send: a signed-in member of the committee, or the command line. */
export type TestSendActor = { user: Pick<User, 'email' | 'role'> | null | undefined } | { cli: true }

/** Only editors and admins see a subscriber's own newsletter (their name, their unsubscribe link). */
export const SUBSCRIBER_PREVIEW_REFUSED = "Only editors and admins can preview a subscriber's own newsletter."

/**
 * The admin's preview: the latest saved version, written to the sample reader or, with `to`,
 * to that subscriber (an address not on the list gets the sample reader). Asking for someone
 * is refused, whether or not they are on the list, to any member but editors and admins: the
 * answer would otherwise tell who subscribes.
 */
export async function previewIssueEmail(
  payload: Payload,
  slug: string,
  options: { to?: string | null; actor: TestSendActor },
): Promise<RenderedIssueEmail> {
  let recipient = SAMPLE_RECIPIENT
  if (options.to) {
    if ('user' in options.actor && !hasRole(options.actor.user, 'admin', 'editor')) throw new NotAllowedError(SUBSCRIBER_PREVIEW_REFUSED)
    const subscriber = await findSubscriberByEmail(payload, options.to)
    if (subscriber) recipient = { id: String(subscriber.id), email: subscriber.email, name: subscriber.name || undefined }
  }
  return renderIssueEmail(payload, slug, recipient, { draft: true })
}

export interface TestSendResult extends SendReceipt {
  to: string
  subject: string
  /** True when the address belongs to a subscriber, whose own unsubscribe link it carries. */
  subscriber: boolean
}

/** Marks a test so nobody mistakes it for the real send. */
export const TEST_SUBJECT_PREFIX = '[Test] '

/**
 * Sends the issue newsletter to one address, now, as a test: the latest saved version
 * (drafts included, so editors can check before publishing). An address on the list gets
 * its subscriber's name, greeting and working unsubscribe link; any other address a sample
 * link. Each test has its own Message-ID, so a mailbox never drops a repeat as a duplicate.
 */
export async function sendTestEmail(
  payload: Payload,
  slug: string,
  address: string,
  actor: TestSendActor,
  options: RenderIssueEmailOptions = { draft: true },
): Promise<TestSendResult> {
  if ('user' in actor && !hasRole(actor.user, 'admin', 'editor')) {
    throw new NotAllowedError('Only editors and admins can send a test of the newsletter.')
  }
  const parsed = emailSchema.safeParse(address)
  if (!parsed.success) throw new InvalidAddressError(`"${address}" is not an email address.`)
  const email = parsed.data
  const subscriber = await findSubscriberByEmail(payload, email)
  const recipient: NewsletterRecipientInput = subscriber
    ? { id: String(subscriber.id), email: subscriber.email, name: subscriber.name || undefined }
    : { id: `test:${email}`, email }
  const { message, rendered } = await renderIssueEmail(payload, slug, recipient, options)
  const sender = await senderSettings(payload)
  const subject = `${TEST_SUBJECT_PREFIX}${rendered.subject}`
  const messageId = newsletterMessageId(slug, `${recipient.id}\u0000test\u0000${Date.now()}`, sender.messageIdDomain)
  const receipt = await sendMessage(payload, { ...message, subject, messageId })
  const by = 'cli' in actor ? 'the command line' : (actor.user?.email ?? 'unknown')
  payload.logger.info({ msg: `Test of the newsletter "${slug}" sent to ${email} by ${by}`, response: receipt.response })
  return { ...receipt, to: email, subject, subscriber: Boolean(subscriber) }
}
