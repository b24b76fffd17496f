/**
 * The campaign's fast path (the frozen newsletter with the recipient's words filled into its
 * slots, the MIME template with theirs) must give exactly the message the full path gives:
 * renderNewsletter per recipient, buildNewsletterMessage, nodemailer composing it.
 */
import fc from 'fast-check'
import { simpleParser, type ParsedMail } from 'mailparser'
import nodemailer from 'nodemailer'
import { beforeAll, describe, expect, it } from 'vitest'

import {
  AWKWARD_SAMPLES,
  CampaignMessageFactory,
  contentHashOf,
  nodemailerToHeader,
  toHeader,
  type CampaignRecipient,
  type FrozenCampaignMessage,
} from '@/delivery/campaignMessage'
import { renderNewsletter } from '@/render/email'
import { LINKS, makeTestModel } from '../email/model'

process.env.PAYLOAD_SECRET ??= 'unit-test-secret-0123456789abcdef'

let snapshot: FrozenCampaignMessage
let fast: CampaignMessageFactory
let full: CampaignMessageFactory
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' })

beforeAll(async () => {
  const model = makeTestModel()
  const links = { publicUrl: LINKS.publicUrl, issueUrl: LINKS.issueUrl, pdfUrl: LINKS.pdfUrl, chronologyUrl: LINKS.chronologyUrl }
  // As freezeCampaignMessage renders it: with the slot tokens for the recipient.
  const rendered = await renderNewsletter(model, { email: 'bpslotemailqz7@slot.invalid', name: 'BpSlotNameQz7' }, { ...links, unsubscribeUrl: 'https://slot.invalid/bpslot-unsubscribe-qz7' })
  snapshot = {
    version: 1,
    slug: model.slug,
    model,
    sender: { fromName: 'Korea Bulletin, Riverton', fromAddress: 'bulletin@example.org', replyTo: 'editor@example.org', unsubscribeMailbox: 'editor@example.org', messageIdDomain: 'example.org' },
    links,
    date: '2024-07-01T09:00:00.000Z',
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    mode: 'template',
  }
  fast = new CampaignMessageFactory(snapshot)
  await fast.prepare()
  full = new CampaignMessageFactory({ ...snapshot, mode: 'render' })
})

async function parsed(factory: CampaignMessageFactory, recipient: CampaignRecipient): Promise<{ mail: ParsedMail; envelope: unknown; raw: string }> {
  const message = await factory.build(recipient)
  const raw = (await composer.sendMail(message.mail)).message as Buffer
  return { mail: await simpleParser(raw), envelope: message.envelope, raw: raw.toString('latin1') }
}

const HEADERS = ['from', 'reply-to', 'to', 'subject', 'date', 'message-id', 'mime-version', 'list-id', 'list-unsubscribe', 'list-unsubscribe-post', 'list-archive']

async function expectSame(recipient: CampaignRecipient): Promise<void> {
  const a = await parsed(fast, recipient)
  const b = await parsed(full, recipient)
  expect(a.mail.html).toBe(b.mail.html)
  expect(a.mail.text).toBe(b.mail.text)
  for (const header of HEADERS) expect(JSON.stringify(a.mail.headers.get(header)), header).toBe(JSON.stringify(b.mail.headers.get(header)))
  expect(a.envelope).toEqual(b.envelope)
  expect(a.mail.headerLines.map((h) => h.key).sort()).toEqual(b.mail.headerLines.map((h) => h.key).sort())
}

describe('the frozen message, per recipient', () => {
  it('uses the fast path, and its content hash is stable', () => {
    expect(fast.usesTemplate).toBe(true)
    expect(contentHashOf(snapshot)).toBe(contentHashOf({ ...snapshot }))
    expect(contentHashOf({ ...snapshot, subject: `${snapshot.subject}!` })).not.toBe(contentHashOf(snapshot))
  })

  it('is the full render for awkward names: quotes, angle brackets, accents, blanks, none', async () => {
    for (const sample of AWKWARD_SAMPLES) await expectSame(sample)
  })

  it('is the full render for any name and plain address', async () => {
    const name = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 30 }))
    const local = fc.stringMatching(/^[a-z0-9][a-z0-9.+_-]{0,20}$/)
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), local, name, async (id, user, n) => {
        await expectSame({ id: String(id), email: `${user}@Example.ORG`.replace(/\.\./g, '.').toLowerCase(), name: n })
      }),
      { numRuns: 40 },
    )
  }, 60_000)

  it('writes the To header exactly as nodemailer would', () => {
    // Found by fast-check: a 76-character line is one nodemailer already folds.
    const long = { id: '1', email: 'a-+@A.AaAa', name: 'aaaaaaaaaaa a a aaaaaaaaaaa aaaaaaaaa aaaaaaaaa aaaaaaaaaaa' }
    expect(toHeader(long)).toBe(nodemailerToHeader(long))
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9._+-]{1,20}@[A-Za-z0-9-]{1,15}\.[A-Za-z]{2,6}$/), fc.oneof(fc.constant(undefined), fc.string({ maxLength: 60 }), fc.stringMatching(/^\w+( \w+){0,6}$/)), (email, name) => {
        const recipient = { id: '1', email, name }
        return toHeader(recipient) === nodemailerToHeader(recipient)
      }),
      { numRuns: 2000 },
    )
  })

  it('gives every recipient the same Message-ID on every attempt', async () => {
    const one = await fast.build({ id: '42', email: 'a@example.org' })
    const again = await fast.build({ id: '42', email: 'a@example.org', name: 'Changed Name' })
    expect(one.messageId).toBe(again.messageId)
    expect(one.messageId).toMatch(/^<issue-2024-q2\.[0-9a-f]{24}@example\.org>$/)
    expect((await fast.build({ id: '43', email: 'a@example.org' })).messageId).not.toBe(one.messageId)
  })
})
