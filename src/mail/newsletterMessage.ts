/**
 * Turns a rendered newsletter into nodemailer message options for one subscriber:
 * sender, list headers (RFC 2369 / 2919 / 8058), a stable Message-ID and optional DKIM
 * (the settings and the signed headers: ./dkim.ts).
 */
import { createHash } from 'node:crypto'
import type Mail from 'nodemailer/lib/mailer'
import type { IssueModel } from '@/issue/model'

import { DKIM_SIGNED_HEADERS, type DkimSettings } from './dkim'

export interface NewsletterSender {
  fromName: string
  fromAddress: string
  replyTo?: string
}

export interface BuildNewsletterMessageInput {
  model: IssueModel
  recipient: { id: string; email: string; name?: string }
  rendered: { subject: string; html: string; text: string }
  settings: NewsletterSender
  /** PUBLIC_URL: its host names the list (List-Id) and it is the list's archive. */
  publicUrl: string
  /** The recipient's one-click unsubscribe URL (https; it answers POST as RFC 8058 asks). */
  unsubscribeUrl: string
  /** "mailto:unsubscribe@…?subject=…" or a bare address, for clients that only mail. */
  unsubscribeMailto: string
  /** Right-hand side of the Message-ID, normally the sending domain. */
  messageIdDomain: string
  dkim?: DkimSettings
}

export function buildNewsletterMessage(input: BuildNewsletterMessageInput): Mail.Options {
  const { model, recipient, rendered, settings } = input
  const unsubscribe = requireUnsubscribeUrl(input.unsubscribeUrl)
  const mailto = normaliseMailto(input.unsubscribeMailto)
  const listHost = new URL(input.publicUrl).hostname
  const options: Mail.Options = {
    from: { name: settings.fromName, address: settings.fromAddress },
    replyTo: settings.replyTo || undefined,
    to: recipient.name ? { name: recipient.name, address: recipient.email } : recipient.email,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    messageId: newsletterMessageId(model.slug, recipient.id, input.messageIdDomain),
    // `prepared`: sent as written. Otherwise nodemailer turns any value containing a
    // double quote into one RFC 2047 word, angle brackets included, which breaks List-Id.
    headers: {
      'List-Id': prepared(listId(model.publisher.bulletinName, listHost)),
      'List-Unsubscribe': prepared(`<${unsubscribe}>, <${mailto}>`),
      'List-Unsubscribe-Post': prepared('List-Unsubscribe=One-Click'),
      'List-Archive': prepared(`<${new URL(input.publicUrl).toString()}>`),
    },
  }
  if (input.dkim) {
    options.dkim = {
      domainName: input.dkim.domainName,
      keySelector: input.dkim.keySelector,
      privateKey: input.dkim.privateKey,
      headerFieldNames: DKIM_SIGNED_HEADERS.join(':'),
    }
  }
  return options
}

/**
 * <issue-<slug>.<hash>@domain>: the same for every send of one issue to one subscriber, so
 * a retried or resumed campaign produces a message receivers can recognise as a duplicate.
 * The subscriber id is hashed so it is not exposed in the header.
 */
export function newsletterMessageId(issueSlug: string, subscriberId: string, domain: string): string {
  if (!/^[A-Za-z0-9.-]+$/.test(domain) || domain.startsWith('.') || domain.endsWith('.')) {
    throw new TypeError(`messageIdDomain is not a host name: ${JSON.stringify(domain)}`)
  }
  if (!subscriberId) throw new TypeError('newsletterMessageId: subscriberId is required')
  const slug = issueSlug.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'issue'
  const hash = createHash('sha256').update(`${issueSlug}\u0000${subscriberId}`).digest('hex').slice(0, 24)
  return `<issue-${slug}.${hash}@${domain.toLowerCase()}>`
}

/** A header value nodemailer must not re-encode; the caller guarantees it is ASCII, one line. */
function prepared(value: string): { prepared: true; value: string } {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new TypeError(`header value is not printable ASCII: ${value}`)
  return { prepared: true, value }
}

/** RFC 2919: "Korea Bulletin <korea-bulletin.bulletin.example.org>". */
function listId(bulletinName: string, host: string): string {
  const label = bulletinName.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'bulletin'
  const phrase = bulletinName.replace(/["\\\r\n]/g, '').trim()
  // A non-ASCII name goes as an RFC 2047 encoded word, leaving the <id> part readable.
  const display = /^[\x20-\x7e]*$/.test(phrase) ? `"${phrase}"` : encodedWords(phrase)
  return `${display} <${label}.${host}>`
}

/** RFC 2047 B-encoded words, split by whole characters to stay under 75 octets each. */
function encodedWords(text: string): string {
  const words: string[] = []
  let chunk = ''
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk)
      chunk = ''
    }
    chunk += ch
  }
  if (chunk) words.push(chunk)
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(' ')
}

function requireUnsubscribeUrl(url: string): string {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    throw new TypeError(`unsubscribeUrl is not an absolute URL: ${JSON.stringify(url)}`)
  }
  // RFC 8058 one-click needs HTTPS; plain http is tolerated only for a local dev server.
  const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]'
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) {
    throw new TypeError(`unsubscribeUrl must be https for one-click unsubscribe: ${url}`)
  }
  return u.toString()
}

function normaliseMailto(value: string): string {
  const v = value.trim()
  const mailto = /^mailto:/i.test(v) ? v : `mailto:${v}`
  if (!/^mailto:[^@\s<>]+@[^@\s<>]+$/i.test(mailto)) {
    throw new TypeError(`unsubscribeMailto is not a mailto address: ${JSON.stringify(value)}`)
  }
  return mailto
}
