/**
 * The campaign's frozen message, and the per-recipient copies made from it.
 *
 * When a campaign starts, the published issue is assembled once and frozen with the sender,
 * the links and the newsletter rendered by renderNewsletter (templates/email) with slot
 * tokens where the recipient's own words go: the greeting, the address in the footer and the
 * unsubscribe link. The snapshot and its SHA-256 are kept on the campaign, so what was sent
 * can be shown later, whatever changed in the issue or the templates since.
 *
 * Why slots and not a full render per recipient: a render costs ~12 ms and composing the
 * MIME message with nodemailer another ~13 ms (quoted-printable encoding in JavaScript):
 * 40 messages a second per core, far below what the list needs. The slotted template is
 * filled per recipient (HTML-escaped exactly as React escapes text), and the MIME template
 * (composed once by nodemailer from buildNewsletterMessage's options) gets the recipient's
 * To, Message-ID, List-Unsubscribe and its quoted-printable bodies. At freeze time the filled copy is
 * compared with a real per-recipient render for awkward sample names; if they ever differ
 * (a template that transforms the name, say), the campaign falls back to rendering every
 * message in full ("render" mode), slower but never wrong. Addresses that are not plain
 * ASCII also take the full path.
 */
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import nodemailer from 'nodemailer'
import type Mail from 'nodemailer/lib/mailer'
import MimeNode from 'nodemailer/lib/mime-node'
import qp from 'nodemailer/lib/qp'
import type { Payload } from 'payload'

import { greetingFor } from '../../templates/email/view'
import { env } from '../env'
import { assembleIssue } from '../issue/assemble'
import type { IssueModel } from '../issue/model'
import { renderNewsletter } from '../render/email'
import { siteLinks } from '../mail/siteLinks'
import { DKIM_SIGNED_HEADERS, type DkimSettings } from '../mail/dkim'
import { buildNewsletterMessage, newsletterMessageId } from '../mail/newsletterMessage'
import { senderSettings } from '../mail/sender'
import { unsubscribeUrlFor } from '../subscribers/signedLinks'

export interface FrozenLinks {
  publicUrl: string
  issueUrl: string
  pdfUrl: string
  chronologyUrl: string
}

export interface FrozenSender {
  fromName: string
  fromAddress: string
  replyTo?: string
  unsubscribeMailbox: string
  messageIdDomain: string
}

/** Stored as the campaign's message.snapshot: everything a worker needs, nothing secret. */
export interface FrozenCampaignMessage {
  version: 1
  slug: string
  model: IssueModel
  sender: FrozenSender
  links: FrozenLinks
  /** The Date header of every copy: when the campaign started. */
  date: string
  subject: string
  /** The newsletter rendered with slot tokens (see SLOT). */
  html: string
  text: string
  /** template: fill the slots; render: a full render per recipient (see above). */
  mode: 'template' | 'render'
}

export interface CampaignRecipient {
  /** Subscriber id: keys the Message-ID and the unsubscribe token. */
  id: string
  email: string
  name?: string
}

/** Tokens no real content contains; alphanumeric, so no renderer escapes or wraps them. */
const SLOT = {
  name: 'BpSlotNameQz7',
  email: 'bpslotemailqz7@slot.invalid',
  unsubscribe: 'https://slot.invalid/bpslot-unsubscribe-qz7',
} as const
const SLOT_RECIPIENT = { email: SLOT.email, name: SLOT.name }

/** Body markers for the MIME template. */
const HTML_MARK = 'bpslotHTMLbodyMARK'
const TEXT_MARK = 'bpslotTEXTbodyMARK'
const TO_SLOT = 'bpslot-to-qz7@slot.invalid'
const MESSAGE_ID_SLOT = '<bpslot-msgid-qz7@slot.invalid>'

// --- freezing -------------------------------------------------------------------------

export async function freezeCampaignMessage(payload: Payload, slug: string, at: Date): Promise<{ snapshot: FrozenCampaignMessage; contentHash: string }> {
  const { model } = await assembleIssue(payload, slug, { draft: false })
  const sender = await senderSettings(payload)
  const links: FrozenLinks = {
    publicUrl: env().PUBLIC_URL,
    issueUrl: siteLinks.issue(model.slug),
    pdfUrl: siteLinks.pdf(model.slug),
    chronologyUrl: siteLinks.chronology(model.slug),
  }
  const rendered = await renderNewsletter(model, SLOT_RECIPIENT, { ...links, unsubscribeUrl: SLOT.unsubscribe })
  const base: FrozenCampaignMessage = {
    version: 1,
    slug: model.slug,
    model,
    sender: {
      fromName: sender.fromName,
      fromAddress: sender.fromAddress,
      replyTo: sender.replyTo,
      unsubscribeMailbox: sender.unsubscribeMailbox,
      messageIdDomain: sender.messageIdDomain,
    },
    links,
    date: at.toISOString(),
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    mode: 'template',
  }
  const snapshot: FrozenCampaignMessage = { ...base, mode: (await templateMatchesRender(base)) ? 'template' : 'render' }
  return { snapshot, contentHash: contentHashOf(snapshot) }
}

/** SHA-256 over the snapshot with its keys in a fixed order. */
export function contentHashOf(snapshot: FrozenCampaignMessage): string {
  return createHash('sha256').update(canonicalJson(snapshot)).digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** Recipients whose names exercise escaping, quoting, whitespace and the no-name greeting. */
export const AWKWARD_SAMPLES: CampaignRecipient[] = [
  { id: 'sample-1', email: 'kim.minji@example.org', name: 'Kim Minji' },
  { id: 'sample-2', email: 'reader@example.org' },
  { id: 'sample-3', email: 'o.brien+news@example.org', name: `Zoë "Q" <O'Brien> & Co, Jr.` },
  { id: 'sample-4', email: 'spaces@example.org', name: '  Nguyễn \t Thị  Thu Hà \n' },
  { id: 'sample-5', email: 'blank@example.org', name: '   ' },
]

async function templateMatchesRender(snapshot: FrozenCampaignMessage): Promise<boolean> {
  const template = new SlottedNewsletter(snapshot)
  if (!template.ok) return false
  for (const sample of AWKWARD_SAMPLES) {
    const unsubscribeUrl = unsubscribeUrlFor(sample)
    const filled = template.fill(sample, unsubscribeUrl)
    const real = await renderNewsletter(snapshot.model, { email: sample.email, name: sample.name || undefined }, { ...snapshot.links, unsubscribeUrl })
    if (filled.html !== real.html || filled.text !== real.text || snapshot.subject !== real.subject) return false
  }
  return true
}

// --- filling the slots ----------------------------------------------------------------

/** As React escapes text and attribute values (react-dom's escapeTextForBrowser). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[ch] ?? ch)
}

type SlotName = 'greeting' | 'email' | 'unsubscribe'

export interface Slotted {
  parts: string[]
  slots: SlotName[]
}

/** A rendered document cut at its slots: fill() joins the parts around the values. */
function cut(doc: string, needles: Array<[SlotName, string]>): Slotted | undefined {
  const parts: string[] = []
  const slots: SlotName[] = []
  let rest = doc
  for (;;) {
    let best: { at: number; slot: SlotName; needle: string } | undefined
    for (const [slot, needle] of needles) {
      const at = rest.indexOf(needle)
      if (at >= 0 && (!best || at < best.at)) best = { at, slot, needle }
    }
    if (!best) break
    parts.push(rest.slice(0, best.at))
    slots.push(best.slot)
    rest = rest.slice(best.at + best.needle.length)
  }
  parts.push(rest)
  // Every slot must be found, and no token may be left in a part.
  const found = new Set(slots)
  if (!needles.every(([slot]) => found.has(slot))) return undefined
  if (parts.some((p) => p.includes(SLOT.name) || p.includes(SLOT.email) || p.includes(SLOT.unsubscribe))) return undefined
  return { parts, slots }
}

function join(slotted: Slotted, values: Record<SlotName, string>): string {
  let out = slotted.parts[0]
  for (let i = 0; i < slotted.slots.length; i += 1) out += values[slotted.slots[i]] + slotted.parts[i + 1]
  return out
}

export class SlottedNewsletter {
  readonly html?: Slotted
  readonly text?: Slotted
  readonly ok: boolean

  constructor(snapshot: FrozenCampaignMessage) {
    const greeting = greetingFor(SLOT_RECIPIENT)
    this.html = cut(snapshot.html, [
      ['greeting', escapeHtml(greeting)],
      ['email', escapeHtml(SLOT.email)],
      ['unsubscribe', escapeHtml(SLOT.unsubscribe)],
    ])
    this.text = cut(snapshot.text, [
      ['greeting', greeting],
      ['email', SLOT.email],
      ['unsubscribe', SLOT.unsubscribe],
    ])
    this.ok = Boolean(this.html && this.text)
  }

  /** The recipient's words for the slots, as the HTML and the text part write them. */
  values(recipient: CampaignRecipient, unsubscribeUrl: string): { html: Record<SlotName, string>; text: Record<SlotName, string> } {
    const greeting = greetingFor({ email: recipient.email, name: recipient.name })
    return {
      html: { greeting: escapeHtml(greeting), email: escapeHtml(recipient.email), unsubscribe: escapeHtml(unsubscribeUrl) },
      text: { greeting, email: recipient.email, unsubscribe: unsubscribeUrl },
    }
  }

  fill(recipient: CampaignRecipient, unsubscribeUrl: string): { html: string; text: string } {
    if (!this.html || !this.text) throw new Error('the newsletter template has no slots')
    const values = this.values(recipient, unsubscribeUrl)
    return { html: join(this.html, values.html), text: join(this.text, values.text) }
  }
}

/** The newsletter for one recipient from the frozen snapshot: for previews of what was sent. */
export async function renderFrozenForRecipient(
  snapshot: FrozenCampaignMessage,
  recipient: CampaignRecipient,
): Promise<{ subject: string; html: string; text: string }> {
  const unsubscribeUrl = unsubscribeUrlFor(recipient)
  const template = new SlottedNewsletter(snapshot)
  if (snapshot.mode === 'template' && template.ok) return { subject: snapshot.subject, ...template.fill(recipient, unsubscribeUrl) }
  return renderNewsletter(snapshot.model, { email: recipient.email, name: recipient.name || undefined }, { ...snapshot.links, unsubscribeUrl })
}

// --- complete messages ----------------------------------------------------------------

export interface OutgoingMessage {
  messageId: string
  envelope: { from: string; to: string[] }
  /** Hand to nodemailer's sendMail: a raw MIME message (fast path) or full options. */
  mail: Mail.Options
}

/**
 * Builds each recipient's complete message. One per worker and campaign: it composes the
 * MIME template once.
 */
export class CampaignMessageFactory {
  private readonly newsletter: SlottedNewsletter
  private mime?: { parts: Buffer[]; slots: MimeSlot[] }
  /** Each part of the newsletter quoted-printable encoded once (see qpBody). */
  private qp?: { html: Buffer[]; text: Buffer[] }

  constructor(
    readonly snapshot: FrozenCampaignMessage,
    private readonly dkim?: DkimSettings,
  ) {
    this.newsletter = new SlottedNewsletter(snapshot)
  }

  get usesTemplate(): boolean {
    return this.snapshot.mode === 'template' && this.newsletter.ok && this.mime !== undefined
  }

  /** Composes the MIME template; call once before build(). */
  async prepare(): Promise<void> {
    if (this.snapshot.mode !== 'template' || !this.newsletter.ok) return
    const options = this.optionsFor({ id: 'slot', email: TO_SLOT }, SLOT.unsubscribe, { subject: this.snapshot.subject, html: HTML_MARK, text: TEXT_MARK })
    const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
    const info = await composer.sendMail({ ...options, messageId: MESSAGE_ID_SLOT, dkim: undefined })
    const raw = (info.message as Buffer).toString('latin1')
    // The markers are plain ASCII, so nodemailer writes them 7bit; each body slot takes
    // its part's transfer-encoding line too, and the filled copy says quoted-printable.
    const needles: Array<[MimeSlot, string]> = [
      ['to', `\r\nTo: ${TO_SLOT}\r\n`],
      ['messageId', MESSAGE_ID_SLOT],
      ['unsubscribe', SLOT.unsubscribe],
      ['html', `Content-Transfer-Encoding: 7bit\r\n\r\n${HTML_MARK}`],
      ['text', `Content-Transfer-Encoding: 7bit\r\n\r\n${TEXT_MARK}`],
    ]
    const parts: string[] = []
    const slots: MimeSlot[] = []
    let rest = raw
    for (;;) {
      let best: { at: number; slot: (typeof slots)[number]; needle: string } | undefined
      for (const [slot, needle] of needles) {
        const at = rest.indexOf(needle)
        if (at >= 0 && (!best || at < best.at)) best = { at, slot, needle }
      }
      if (!best) break
      parts.push(rest.slice(0, best.at))
      slots.push(best.slot)
      rest = rest.slice(best.at + best.needle.length)
    }
    parts.push(rest)
    const expected = ['to', 'messageId', 'unsubscribe', 'html', 'text'] as const
    const { html, text } = this.newsletter
    if (!html || !text || !expected.every((slot) => slots.filter((x) => x === slot).length === 1)) return
    this.mime = { parts: parts.map((p) => Buffer.from(p, 'latin1')), slots }
    this.qp = { html: qpParts(html), text: qpParts(text) }
  }

  messageIdFor(recipient: CampaignRecipient): string {
    return newsletterMessageId(this.snapshot.slug, recipient.id, this.snapshot.sender.messageIdDomain)
  }

  /** The message for one recipient, with its stable Message-ID. */
  async build(recipient: CampaignRecipient): Promise<OutgoingMessage> {
    const unsubscribeUrl = unsubscribeUrlFor(recipient)
    const messageId = this.messageIdFor(recipient)
    const from = this.snapshot.sender.fromAddress
    if (this.mime && this.qp && this.snapshot.mode === 'template' && /^[\x21-\x7e]+$/.test(recipient.email)) {
      const words = this.newsletter.values(recipient, unsubscribeUrl)
      const { html, text } = this.newsletter as Required<SlottedNewsletter>
      const chunks: Buffer[] = [this.mime.parts[0]]
      for (let i = 0; i < this.mime.slots.length; i += 1) {
        const slot = this.mime.slots[i]
        if (slot === 'html') qpBody(chunks, this.qp.html, html.slots, words.html)
        else if (slot === 'text') qpBody(chunks, this.qp.text, text.slots, words.text)
        else chunks.push(Buffer.from(slot === 'to' ? `\r\n${toHeader(recipient)}\r\n` : slot === 'messageId' ? messageId : unsubscribeUrl, 'latin1'))
        chunks.push(this.mime.parts[i + 1])
      }
      const envelope = { from, to: [recipient.email] }
      return { messageId, envelope, mail: { envelope, raw: Buffer.concat(chunks), dkim: this.dkimOptions() } }
    }
    const rendered = await renderNewsletter(this.snapshot.model, { email: recipient.email, name: recipient.name || undefined }, { ...this.snapshot.links, unsubscribeUrl })
    const mail = this.optionsFor(recipient, unsubscribeUrl, rendered)
    return { messageId, envelope: { from, to: [recipient.email] }, mail }
  }

  /** The same signature settings buildNewsletterMessage gives a one-off message. */
  private dkimOptions(): Mail.Options['dkim'] {
    if (!this.dkim) return undefined
    return { ...this.dkim, headerFieldNames: DKIM_SIGNED_HEADERS.join(':') }
  }

  private optionsFor(recipient: CampaignRecipient, unsubscribeUrl: string, rendered: { subject: string; html: string; text: string }): Mail.Options {
    const { snapshot } = this
    const options = buildNewsletterMessage({
      model: snapshot.model,
      recipient: { id: recipient.id, email: recipient.email, name: recipient.name || undefined },
      rendered,
      settings: { fromName: snapshot.sender.fromName, fromAddress: snapshot.sender.fromAddress, replyTo: snapshot.sender.replyTo },
      publicUrl: snapshot.links.publicUrl,
      unsubscribeUrl,
      unsubscribeMailto: `mailto:${snapshot.sender.unsubscribeMailbox}?subject=unsubscribe`,
      messageIdDomain: snapshot.sender.messageIdDomain,
      dkim: this.dkim,
    })
    return { ...options, date: new Date(snapshot.date) }
  }
}

type MimeSlot = 'to' | 'messageId' | 'unsubscribe' | 'html' | 'text'

const QP_HEADER = Buffer.from('Content-Transfer-Encoding: quoted-printable\r\n\r\n', 'latin1')
const SOFT_BREAK = '=\r\n'

/**
 * Quoted-printable, one piece at a time. QP is line-based: a soft line break ("=" at the
 * end of a line) joins lines without adding anything to the content. Ending every piece
 * with one (wrapped at 75 so the "=" still fits in 76) makes each piece independent of
 * what comes before it, so the newsletter's fixed parts are encoded once per campaign and
 * only the recipient's few words per message. Line ends become CRLF, as MIME wants.
 */
function qpPiece(text: string, last: boolean): string {
  if (text === '') return ''
  const encoded = qp.wrap(qp.encode(Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8')), 75)
  return last ? encoded : encoded + SOFT_BREAK
}

function qpParts(slotted: Slotted): Buffer[] {
  return slotted.parts.map((part, i) => Buffer.from(qpPiece(part, i === slotted.parts.length - 1), 'latin1'))
}

function qpBody(chunks: Buffer[], parts: Buffer[], slots: SlotName[], values: Record<SlotName, string>): void {
  chunks.push(QP_HEADER, parts[0])
  for (let i = 0; i < slots.length; i += 1) {
    chunks.push(Buffer.from(qpPiece(values[slots[i]], false), 'latin1'), parts[i + 1])
  }
}

/** The To header nodemailer would write for this recipient (quoting, RFC 2047, folding). */
export function toHeader(recipient: CampaignRecipient): string {
  // The common case without nodemailer's machinery (tested equal to it): an ASCII address
  // (nodemailer lower-cases the domain) and a name of plain words on one short line.
  const at = recipient.email.lastIndexOf('@')
  if (at > 0 && /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+$/.test(recipient.email)) {
    const address = `${recipient.email.slice(0, at)}@${recipient.email.slice(at + 1).toLowerCase()}`
    const name = recipient.name || undefined
    if (!name) return `To: ${address}`
    const line = `To: ${name} <${address}>`
    if (/^\w+( \w+)*$/.test(name) && line.length < 70) return line
  }
  return nodemailerToHeader(recipient)
}

/** The reference: nodemailer's own MimeNode writes the header. */
export function nodemailerToHeader(recipient: CampaignRecipient): string {
  const node = new MimeNode('text/plain')
  const setHeader = node.setHeader.bind(node) as (key: string, value: unknown) => MimeNode
  // Exactly as buildNewsletterMessage addresses a one-off message.
  const name = recipient.name || undefined
  setHeader('To', name ? { name, address: recipient.email } : recipient.email)
  const headers = node.buildHeaders()
  const match = /(?:^|\r\n)(To: .*(?:\r\n[ \t].*)*)/.exec(headers)
  if (!match) throw new Error(`could not build a To header for ${recipient.email}`)
  return match[1]
}

/** A raw message as a stream that tells when the transport has read all of it. */
export function trackedRaw(raw: Buffer, onEnd: () => void): Readable {
  let pushed = false
  const stream = new Readable({
    read() {
      if (pushed) return
      pushed = true
      this.push(raw)
      this.push(null)
    },
  })
  stream.once('end', onEnd)
  return stream
}
