/**
 * The newsletter over real SMTP: render, build the message, send it with nodemailer to the
 * test sink, and check what arrived as a receiving server would see it.
 */
import { generateKeyPairSync } from 'node:crypto'
import nodemailer from 'nodemailer'
import type { ParsedMail } from 'mailparser'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildNewsletterMessage, type BuildNewsletterMessageInput } from '@/mail/newsletterMessage'
import { signToken, verifyToken } from '@/subscribers/tokens'
import { renderNewsletter } from '@/render/email'
import { startSmtpSink, type SmtpSink } from '../../support/smtpSink'
import { ESSAYS, LINKS, makeTestModel, PUBLIC_URL } from '../../unit/email/model'
import { verifyDkim } from './dkim'

const SECRET = 'int-test-secret-0123456789abcdef'
const SUBSCRIBER = { id: 'sub_0815', email: 'nguyen.ha@example.net', name: 'Nguyễn Thị Thu Hà' }
const SETTINGS = { fromName: 'Korea Bulletin', fromAddress: 'bulletin@example.org', replyTo: 'editor@example.org' }

type RecipientError = Error & { responseCode?: number; response?: string; recipient?: string }

let sink: SmtpSink

beforeAll(async () => {
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink.close()
})
beforeEach(() => {
  sink.setFaults(undefined)
  sink.reset()
})

function transport() {
  return nodemailer.createTransport(sink.url)
}

async function newsletterFor(
  recipient: { id: string; email: string; name?: string },
  extra: Partial<BuildNewsletterMessageInput> = {},
) {
  const token = signToken(SECRET, { purpose: 'unsubscribe', subscriberId: recipient.id, email: recipient.email })
  const unsubscribeUrl = `${PUBLIC_URL}/api/unsubscribe?token=${token}`
  const model = makeTestModel()
  const rendered = await renderNewsletter(model, recipient, { ...LINKS, unsubscribeUrl })
  const message = buildNewsletterMessage({
    model,
    recipient,
    rendered,
    settings: SETTINGS,
    publicUrl: PUBLIC_URL,
    unsubscribeUrl,
    unsubscribeMailto: `mailto:unsubscribe@example.org?subject=${encodeURIComponent(`unsubscribe ${token}`)}`,
    messageIdDomain: 'mail.example.org',
    ...extra,
  })
  return { message, rendered, token, unsubscribeUrl }
}

/** Header value as sent, unfolded: mailparser structures List-* headers, we want the text. */
function headerLine(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line
  return line?.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()
}

function tokenFrom(url: string): string {
  return new URL(url.replace(/&amp;/g, '&')).searchParams.get('token') ?? ''
}

describe('newsletter over SMTP', () => {
  it('arrives with sender, list headers, both parts and a working unsubscribe token', async () => {
    const { message, rendered, unsubscribeUrl } = await newsletterFor(SUBSCRIBER)
    const info = await transport().sendMail(message)
    expect(info.accepted).toEqual([SUBSCRIBER.email])

    const [received] = await sink.waitForMessages(1)
    const mail = received.parsed
    expect(received.envelope).toEqual({ mailFrom: 'bulletin@example.org', rcptTo: [SUBSCRIBER.email] })
    expect(mail.from?.value).toEqual([{ name: 'Korea Bulletin', address: 'bulletin@example.org' }])
    expect(mail.replyTo?.value).toEqual([{ name: '', address: 'editor@example.org' }])
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : undefined).toEqual([
      { name: 'Nguyễn Thị Thu Hà', address: SUBSCRIBER.email },
    ])
    expect(mail.subject).toBe(rendered.subject)
    expect(mail.messageId).toBe(message.messageId)
    expect(mail.messageId).toMatch(/^<issue-2024-q2\.[0-9a-f]{24}@mail\.example\.org>$/)

    const listUnsubscribe = headerLine(mail, 'List-Unsubscribe') ?? ''
    expect(listUnsubscribe).toMatch(/^<https:\/\/[^>]+>, <mailto:[^>]+>$/)
    expect(listUnsubscribe).toContain(`<${unsubscribeUrl}>`)
    expect(headerLine(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    expect(headerLine(mail, 'List-Id')).toBe('"Korea Bulletin" <korea-bulletin.bulletin.example.org>')

    // Both parts survived encoding (quoted-printable, UTF-8) intact.
    expect(mail.text).toBe(rendered.text)
    expect(mail.html).toContain('Dear Nguyễn Thị Thu Hà,')
    expect(mail.html).toContain('By Kim Minji (김민지)')
    for (const essay of ESSAYS) {
      expect(mail.html).toContain(`href="${LINKS.issueUrl}#essay-${essay.slug}"`)
      expect(mail.text).toContain(`${LINKS.issueUrl}#essay-${essay.slug}`)
    }

    // The token in each unsubscribe link verifies as this subscriber's.
    const htmlLink = /href="([^"]*\/api\/unsubscribe\?[^"]*)"/.exec(mail.html || '')?.[1] ?? ''
    const textLink = /Unsubscribe with one click: (\S+)/.exec(mail.text ?? '')?.[1] ?? ''
    const headerLink = /^<([^>]+)>/.exec(listUnsubscribe)?.[1] ?? ''
    for (const link of [htmlLink, textLink, headerLink]) {
      const result = verifyToken(SECRET, tokenFrom(link), 'unsubscribe')
      expect(result).toMatchObject({ ok: true, claims: { subscriberId: SUBSCRIBER.id, email: SUBSCRIBER.email } })
    }
    expect(verifyToken(SECRET, tokenFrom(htmlLink), 'confirm')).toMatchObject({ ok: false, reason: 'wrong-purpose' })
  })

  it('keeps the Message-ID when the same issue is sent to the same subscriber again', async () => {
    const first = await newsletterFor(SUBSCRIBER)
    const again = await newsletterFor(SUBSCRIBER)
    const other = await newsletterFor({ id: 'sub_0816', email: 'kim.minji@example.net' })
    const t = transport()
    await t.sendMail(first.message)
    await t.sendMail(again.message)
    await t.sendMail(other.message)
    const ids = (await sink.waitForMessages(3)).map((m) => m.parsed.messageId)
    expect(ids[0]).toBe(ids[1])
    expect(ids[2]).not.toBe(ids[0])
    // Greeting falls back for a subscriber without a name.
    expect(sink.messagesTo('kim.minji@example.net')[0].parsed.text).toContain('Dear reader,')
  })

  it('DKIM-signs over the list headers, verifiably after transport', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    })
    const { message } = await newsletterFor(SUBSCRIBER, {
      dkim: { domainName: 'example.org', keySelector: 'bulletin2024', privateKey },
    })
    await transport().sendMail(message)
    const [received] = await sink.waitForMessages(1)

    const check = verifyDkim(received.raw, publicKey)
    expect(check.tags).toMatchObject({ d: 'example.org', s: 'bulletin2024', a: 'rsa-sha256' })
    expect(check.signedHeaders).toEqual(
      expect.arrayContaining(['from', 'subject', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post']),
    )
    expect(check.bodyHashOk).toBe(true)
    expect(check.signatureOk).toBe(true)

    // The verifier is not a rubber stamp: an altered unsubscribe header fails it.
    const tampered = received.raw.toString().replace('List-Unsubscribe-Post: List-Unsubscribe=One-Click', 'List-Unsubscribe-Post: List-Unsubscribe=Two-Click')
    expect(tampered).not.toBe(received.raw.toString())
    expect(verifyDkim(tampered, publicKey).signatureOk).toBe(false)
  })
})

describe('SMTP faults reach the sender with the server’s words', () => {
  it('a 5xx for one address rejects that recipient and delivers to the other', async () => {
    sink.setFaults({ rules: [{ address: 'gone@example.net', action: { kind: 'reply', code: 550, message: '5.1.1 gone@example.net: user unknown' } }] })
    const { message } = await newsletterFor(SUBSCRIBER)
    const info = await transport().sendMail({ ...message, to: [SUBSCRIBER.email, 'gone@example.net'] })
    expect(info.accepted).toEqual([SUBSCRIBER.email])
    expect(info.rejected).toEqual(['gone@example.net'])
    // nodemailer reports per-recipient refusals here; its typings omit the field.
    const { rejectedErrors = [] } = info as { rejectedErrors?: RecipientError[] }
    const [rejection] = rejectedErrors
    expect(rejection).toMatchObject({ responseCode: 550, recipient: 'gone@example.net' })
    expect(rejection.response).toContain('5.1.1 gone@example.net: user unknown')
    expect(sink.messages).toHaveLength(1)
    expect(sink.messages[0].envelope.rcptTo).toEqual([SUBSCRIBER.email])
  })

  it('a 5xx for the only recipient fails the send', async () => {
    sink.setFaults({ rules: [{ address: SUBSCRIBER.email, action: { kind: 'reply', code: 550, message: '5.1.1 mailbox disabled' } }] })
    const { message } = await newsletterFor(SUBSCRIBER)
    await expect(transport().sendMail(message)).rejects.toMatchObject({
      responseCode: 550,
      response: expect.stringContaining('5.1.1 mailbox disabled'),
    })
    expect(sink.messages).toHaveLength(0)
  })

  it('a 4xx is reported as a temporary failure, and a retry after it clears succeeds', async () => {
    sink.setFaults({
      rules: [{ address: SUBSCRIBER.email, times: 1, action: { kind: 'reply', code: 451, message: '4.7.1 greylisted, come back later' } }],
    })
    const { message } = await newsletterFor(SUBSCRIBER)
    const t = transport()
    await expect(t.sendMail(message)).rejects.toMatchObject({
      responseCode: 451,
      response: expect.stringContaining('4.7.1 greylisted, come back later'),
    })
    await expect(t.sendMail(message)).resolves.toMatchObject({ accepted: [SUBSCRIBER.email] })
    expect(sink.messages).toHaveLength(1)
    expect(sink.faults).toMatchObject([{ stage: 'rcpt', address: SUBSCRIBER.email, code: 451 }])
  })
})
