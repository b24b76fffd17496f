/**
 * "Send test" of the demo issue end to end: publication settings, assembled issue,
 * rendered newsletter, list headers, DKIM from the environment, nodemailer over SMTP to
 * the loopback sink, parsed with mailparser; then the one-click unsubscribe it carries.
 */
import { generateKeyPairSync } from 'node:crypto'
import type { ParsedMail } from 'mailparser'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { InvalidAddressError, NotAllowedError, previewIssueEmail, renderIssueEmail, SAMPLE_RECIPIENT, sendTestEmail, SUBSCRIBER_PREVIEW_REFUSED } from '@/delivery/testSend'
import { findSubscriberByEmail, readUnsubscribeLink, unsubscribe } from '@/subscribers'
import { verifyToken } from '@/subscribers/tokens'
import { seedDemo } from '@/seed/demo'
import { demoSettings } from '@/seed/demoContent'
import { startTestPayload, type TestPayload } from '../support/payload'
import { startSmtpSink, type SmtpSink } from '../support/smtpSink'
import { verifyDkim } from './smtp/dkim'

const SECRET = 'test-secret-not-for-production-0123456789'
const PUBLIC_URL = 'https://bulletin.example.org'
const READER = { email: 'nguyen.ha@example.net', name: 'Nguyễn Thị Thu Hà' }
const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
})

let sink: SmtpSink
let t: TestPayload
let payload: Payload
const editor = { email: 'editor@example.org', role: 'editor' as const }

beforeAll(async () => {
  sink = await startSmtpSink()
  t = await startTestPayload({
    env: {
      SMTP_URL: sink.url,
      PUBLIC_URL,
      DKIM_DOMAIN: 'example.org',
      DKIM_SELECTOR: 'bulletin2024',
      // As an env file holds it: one line, "\n" escapes.
      DKIM_PRIVATE_KEY: privateKey.replace(/\n/g, '\\n'),
    },
  })
  payload = t.payload
  await seedDemo(payload)
  await payload.create({
    collection: 'subscribers',
    data: { ...READER, status: 'confirmed', consent: { at: new Date().toISOString(), method: 'form', source: `${PUBLIC_URL}/subscribe` } },
    overrideAccess: true,
  })
}, 180_000)

afterAll(async () => {
  await t?.close()
  await sink?.close()
  for (const key of ['DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY']) delete process.env[key]
})

/** A header as sent, unfolded: mailparser structures List-* headers, we want the text. */
function headerLine(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line
  return line?.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()
}

const tokenOf = (url: string) => new URL(url.replace(/&amp;/g, '&')).searchParams.get('token') ?? ''

describe('a test send of the demo issue', () => {
  let mail: ParsedMail
  let raw: Buffer

  beforeAll(async () => {
    const result = await sendTestEmail(payload, 'demo', 'Nguyen.Ha@Example.net', { user: editor })
    expect(result).toMatchObject({ to: READER.email, subscriber: true, accepted: [READER.email] })
    const [received] = await sink.waitForMessages(1)
    mail = await received.parse()
    raw = received.raw
    expect(received.envelope).toEqual({ mailFrom: demoSettings.email.fromAddress, rcptTo: [READER.email] })
  })

  it('comes from the publication settings, to the subscriber by name, marked as a test', () => {
    expect(mail.from?.value).toEqual([{ name: 'Korea Bulletin', address: 'korea-bulletin@example.org' }])
    expect(mail.replyTo?.value).toEqual([{ name: '', address: 'korea-bulletin@example.org' }])
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : undefined).toEqual([{ name: READER.name, address: READER.email }])
    // The title already names the bulletin and the period: the subject says them once.
    expect(mail.subject).toBe('[Test] Korea Bulletin, April–June 2024 (demo)')
    expect(mail.messageId).toMatch(/^<issue-demo\.[0-9a-f]{24}@example\.org>$/)
  })

  it('carries the list headers: https and mailto unsubscribe, one-click, List-Id', () => {
    const listUnsubscribe = headerLine(mail, 'List-Unsubscribe') ?? ''
    expect(listUnsubscribe).toMatch(/^<https:\/\/bulletin\.example\.org\/unsubscribe\?token=[^>]+>, <mailto:korea-bulletin@example\.org\?subject=unsubscribe>$/)
    expect(headerLine(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    expect(headerLine(mail, 'List-Id')).toBe('"Korea Bulletin" <korea-bulletin.bulletin.example.org>')
  })

  it('is DKIM-signed over both List-Unsubscribe headers', () => {
    const check = verifyDkim(raw, publicKey)
    expect(check.tags).toMatchObject({ d: 'example.org', s: 'bulletin2024' })
    expect(check.signedHeaders).toEqual(expect.arrayContaining(['from', 'subject', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post']))
    expect(check.bodyHashOk && check.signatureOk).toBe(true)
  })

  it('has both parts, greeting the reader and linking to the web edition and the PDF', () => {
    for (const part of [mail.html || '', mail.text ?? '']) {
      expect(part).toContain(`Dear ${READER.name},`)
      expect(part).toContain(`${PUBLIC_URL}/issues/demo#essay-festivals-of-the-mekong`)
      expect(part).toContain(`${PUBLIC_URL}/issues/demo#essay-fisheries-treaties-and-the-sea-between`)
      expect(part).toContain(`${PUBLIC_URL}/issues/demo/pdf`)
      expect(part).toContain(`${PUBLIC_URL}/issues/demo#chronology`)
    }
    expect(mail.html).toContain('lang="en"')
    expect(mail.html).toMatch(/<img[^>]+alt="[^"]+"/)
    expect(mail.text).toContain('Festivals of the Mekong')
    expect(mail.text).not.toMatch(/<[a-z]+[^>]*>/i)
  })

  it('carries the subscriber’s own unsubscribe token in the header and both parts; one click unsubscribes', async () => {
    const headerUrl = /^<([^>]+)>/.exec(headerLine(mail, 'List-Unsubscribe') ?? '')?.[1] ?? ''
    const htmlUrl = /href="([^"]*\/unsubscribe\?token=[^"]*)"/.exec(mail.html || '')?.[1] ?? ''
    const textUrl = /Unsubscribe with one click: (\S+)/.exec(mail.text ?? '')?.[1] ?? ''
    const subscriber = await findSubscriberByEmail(payload, READER.email)
    for (const url of [headerUrl, htmlUrl, textUrl]) {
      expect(verifyToken(SECRET, tokenOf(url), 'unsubscribe')).toMatchObject({
        ok: true,
        claims: { subscriberId: String(subscriber?.id), email: READER.email },
      })
    }
    expect(await readUnsubscribeLink(payload, tokenOf(headerUrl))).toMatchObject({ ok: true, status: 'confirmed' })
    expect(await unsubscribe(payload, tokenOf(headerUrl), 'one-click')).toMatchObject({ ok: true, alreadyUnsubscribed: false })
    expect((await findSubscriberByEmail(payload, READER.email))?.status).toBe('unsubscribed')
  })
})

describe('who may send a test, and the Message-ID', () => {
  it('is for editors and admins only, to a real address', async () => {
    await expect(sendTestEmail(payload, 'demo', 'x@example.net', { user: { email: 'a@example.org', role: 'editorialAssistant' } })).rejects.toBeInstanceOf(NotAllowedError)
    await expect(sendTestEmail(payload, 'demo', 'x@example.net', { user: null })).rejects.toBeInstanceOf(NotAllowedError)
    await expect(sendTestEmail(payload, 'demo', 'not an address', { user: editor })).rejects.toBeInstanceOf(InvalidAddressError)
  })

  it('keeps one Message-ID per (issue, subscriber) for the real send; each test gets its own', async () => {
    const a = { id: '41', email: 'a@example.net' }
    const first = await renderIssueEmail(payload, 'demo', a)
    const again = await renderIssueEmail(payload, 'demo', a)
    const other = await renderIssueEmail(payload, 'demo', { id: '42', email: 'b@example.net' })
    expect(first.message.messageId).toBe(again.message.messageId)
    expect(other.message.messageId).not.toBe(first.message.messageId)

    sink.reset()
    await sendTestEmail(payload, 'demo', 'someone@example.net', { user: editor })
    await sendTestEmail(payload, 'demo', 'someone@example.net', { user: editor })
    const [one, two] = await sink.waitForMessages(2)
    expect(one.messageId).not.toBe(two.messageId)
    // An address not on the list gets a greeting without a name and a link that unsubscribes nobody.
    const parsed = await one.parse()
    expect(parsed.text).toContain('Dear reader,')
    const url = /Unsubscribe with one click: (\S+)/.exec(parsed.text ?? '')?.[1] ?? ''
    expect(await unsubscribe(payload, tokenOf(url), 'one-click')).toEqual({ ok: false, reason: 'unknown' })
  })
})

describe("the admin's preview of a subscriber's own newsletter", () => {
  const productionEditor = { email: 'production@example.org', role: 'productionEditor' as const }

  it('is refused by the service to a production editor, whether or not the address is on the list', async () => {
    for (const to of [READER.email, 'nobody@example.net']) {
      await expect(previewIssueEmail(payload, 'demo', { to, actor: { user: productionEditor } })).rejects.toMatchObject({
        status: 403,
        message: SUBSCRIBER_PREVIEW_REFUSED,
      })
    }
    // Without `to`: the sample reader, as for any member of the committee.
    const sample = await previewIssueEmail(payload, 'demo', { actor: { user: productionEditor } })
    expect(sample.rendered.text).toContain(`Dear ${SAMPLE_RECIPIENT.name},`)
  })

  it("shows an editor the subscriber's own message, and the sample reader for an address not on the list", async () => {
    const own = await previewIssueEmail(payload, 'demo', { to: READER.email, actor: { user: editor } })
    expect(own.message.to).toMatchObject({ address: READER.email })
    expect(own.rendered.text).toContain(READER.name)
    const other = await previewIssueEmail(payload, 'demo', { to: 'nobody@example.net', actor: { user: editor } })
    expect(other.rendered.text).toContain(`Dear ${SAMPLE_RECIPIENT.name},`)
  })
})
