/**
 * The double opt-in flow on a real Payload, with mail over real SMTP to the loopback sink:
 * subscribe -> confirmation email -> confirm -> unsubscribe, and the links' tokens
 * checked the way an attacker would try them (forged, expired, tampered, replayed).
 */
import type { ParsedMail } from 'mailparser'
import type { Payload } from 'payload'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createSubscribeLimiter } from '@/subscribers/rateLimit'
import {
  confirmSubscription,
  findSubscriberByEmail,
  readUnsubscribeLink,
  subscribe,
  unsubscribe,
  unsubscribeUrlFor,
} from '@/subscribers'
import { CONFIRM_TOKEN_TTL_MS, signToken, verifyToken } from '@/subscribers/tokens'
import type { User } from '@/payload-types'
import { demoSettings } from '@/seed/demoContent'
import { useMailedPayload } from '../support/payload'
import type { SmtpSink } from '../support/smtpSink'

const SECRET = 'test-secret-not-for-production-0123456789'
let sink: SmtpSink
let payload: Payload
/** A fresh limiter per test: the limits themselves have their own test. */
let limiter = createSubscribeLimiter()

useMailedPayload((started) => {
  payload = started.payload
  sink = started.sink
})

beforeEach(() => {
  sink.reset()
  limiter = createSubscribeLimiter()
})

const form = (email: string, name?: string, extra: { ip?: string; honeypot?: string } = {}) =>
  subscribe(payload, { email, name, sourcePath: '/subscribe', ip: extra.ip ?? '192.0.2.1', honeypot: extra.honeypot }, { limiter })

function confirmLinkIn(mail: ParsedMail): string {
  const link = /https?:\/\/[^\s"<>]+\/confirm\?token=[A-Za-z0-9._%-]+/.exec(mail.text ?? '')?.[0]
  if (!link) throw new Error(`no confirm link in:\n${mail.text}`)
  return link
}

const tokenOf = (url: string) => new URL(url.replace(/&amp;/g, '&')).searchParams.get('token') ?? ''

async function lastMailTo(address: string): Promise<ParsedMail> {
  const messages = sink.messagesTo(address)
  expect(messages.length).toBeGreaterThan(0)
  return messages[messages.length - 1].parse()
}

describe('subscribe -> confirm -> unsubscribe', () => {
  it('a new reader gets a confirmation email and is confirmed by its link, with consent and history recorded', async () => {
    expect(await form('  Kim.Minji@Example.NET ', 'Kim Minji')).toEqual({ ok: true })

    const pending = await findSubscriberByEmail(payload, 'kim.minji@example.net')
    expect(pending).toMatchObject({ email: 'kim.minji@example.net', name: 'Kim Minji', status: 'pending' })
    expect(pending?.consent).toMatchObject({ method: 'form', source: 'http://localhost:3000/subscribe' })
    expect(pending?.history).toEqual([expect.objectContaining({ from: null, to: 'pending', reason: 'Asked to subscribe on the web form' })])

    expect(sink.messages).toHaveLength(1)
    const mail = await lastMailTo('kim.minji@example.net')
    expect(sink.messages[0].envelope).toEqual({ mailFrom: demoSettings.email.fromAddress, rcptTo: ['kim.minji@example.net'] })
    expect(mail.from?.value).toEqual([{ name: 'Korea Bulletin', address: demoSettings.email.fromAddress }])
    expect(mail.replyTo?.value[0].address).toBe(demoSettings.email.replyTo)
    expect(mail.subject).toBe('Please confirm your subscription to the Korea Bulletin')
    // The confirmation repeats nothing but the address (the name is kept for the editors).
    expect(mail.text).toContain('Hello,')
    expect(mail.html).toContain('Hello,')
    expect(`${mail.text}${mail.html}${mail.to && 'text' in mail.to ? mail.to.text : ''}`).not.toContain('Kim Minji')
    const link = confirmLinkIn(mail)
    expect(link.startsWith('http://localhost:3000/confirm?token=')).toBe(true)
    expect(mail.html).toContain(`href="${link}"`)
    const verified = verifyToken(SECRET, tokenOf(link), 'confirm')
    expect(verified).toMatchObject({ ok: true, claims: { subscriberId: String(pending?.id), email: 'kim.minji@example.net' } })
    // Confirm links expire: seven days after the request.
    expect(verified.ok && verified.claims.expiresAt).toBe(Date.parse(pending?.consent?.at ?? '') + CONFIRM_TOKEN_TTL_MS)

    expect(await confirmSubscription(payload, tokenOf(link))).toEqual({ ok: true, email: 'kim.minji@example.net', alreadyConfirmed: false })
    const confirmed = await findSubscriberByEmail(payload, 'kim.minji@example.net')
    expect(confirmed?.status).toBe('confirmed')
    expect(confirmed?.history?.map((h) => [h.from, h.to])).toEqual([
      [null, 'pending'],
      ['pending', 'confirmed'],
    ])
    // Opening the link again changes nothing.
    expect(await confirmSubscription(payload, tokenOf(link))).toMatchObject({ ok: true, alreadyConfirmed: true })
    expect((await findSubscriberByEmail(payload, 'kim.minji@example.net'))?.history).toHaveLength(2)
  })

  it('gives the same answer whether or not the address is on the list, and mails only who needs it', async () => {
    await form('lee.jiwoo@example.net')
    const link = confirmLinkIn(await lastMailTo('lee.jiwoo@example.net'))
    await confirmSubscription(payload, tokenOf(link))
    sink.reset()

    const answers = [
      await form('lee.jiwoo@example.net'), // already confirmed
      await form('new.reader@example.net'), // not on the list
      await form('bot@example.net', 'Bot', { honeypot: 'http://spam.example' }), // trap filled
    ]
    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }])
    expect(sink.messages.map((m) => m.envelope.rcptTo[0])).toEqual(['new.reader@example.net'])
    expect(await findSubscriberByEmail(payload, 'bot@example.net')).toBeUndefined()
    expect((await findSubscriberByEmail(payload, 'lee.jiwoo@example.net'))?.status).toBe('confirmed')
  })

  it('refuses what is not an address, without saving anything', async () => {
    expect(await form('not-an-address')).toMatchObject({ ok: false, reason: 'invalid', field: 'email' })
    expect(await form('')).toMatchObject({ ok: false, reason: 'invalid', field: 'email' })
    expect(await form('a@example.net', 'x'.repeat(201))).toMatchObject({ ok: false, reason: 'invalid', field: 'name' })
    expect(sink.messages).toHaveLength(0)
  })

  it('unsubscribes by the signed link, idempotently; re-subscribing needs a new confirmation', async () => {
    await form('tran.van@example.net', 'Tran Van')
    const firstLink = confirmLinkIn(await lastMailTo('tran.van@example.net'))
    await confirmSubscription(payload, tokenOf(firstLink))
    const subscriber = await findSubscriberByEmail(payload, 'tran.van@example.net')
    const unsubscribeToken = tokenOf(unsubscribeUrlFor({ id: String(subscriber?.id), email: 'tran.van@example.net' }))

    expect(await readUnsubscribeLink(payload, unsubscribeToken)).toEqual({ ok: true, email: 'tran.van@example.net', status: 'confirmed' })
    expect(await unsubscribe(payload, unsubscribeToken, 'one-click')).toEqual({ ok: true, email: 'tran.van@example.net', alreadyUnsubscribed: false })
    expect(await unsubscribe(payload, unsubscribeToken, 'page')).toMatchObject({ ok: true, alreadyUnsubscribed: true })
    const after = await findSubscriberByEmail(payload, 'tran.van@example.net')
    expect(after?.status).toBe('unsubscribed')
    expect(after?.history?.at(-1)).toMatchObject({ from: 'confirmed', to: 'unsubscribed', reason: expect.stringContaining('one click') })
    expect(after?.history).toHaveLength(3)

    // The old confirm link does not bring the reader back.
    expect(await confirmSubscription(payload, tokenOf(firstLink))).toEqual({ ok: false, reason: 'closed' })
    expect((await findSubscriberByEmail(payload, 'tran.van@example.net'))?.status).toBe('unsubscribed')

    // Asking again starts a new double opt-in: pending, a new email, and only its link works.
    sink.reset()
    expect(await form('tran.van@example.net')).toEqual({ ok: true })
    expect((await findSubscriberByEmail(payload, 'tran.van@example.net'))?.status).toBe('pending')
    const secondLink = confirmLinkIn(await lastMailTo('tran.van@example.net'))
    expect(secondLink).not.toBe(firstLink)
    expect(await confirmSubscription(payload, tokenOf(firstLink))).toEqual({ ok: false, reason: 'superseded' })
    expect(await confirmSubscription(payload, tokenOf(secondLink))).toMatchObject({ ok: true, alreadyConfirmed: false })
    expect((await findSubscriberByEmail(payload, 'tran.van@example.net'))?.history?.map((h) => h.to)).toEqual([
      'pending',
      'confirmed',
      'unsubscribed',
      'pending',
      'confirmed',
    ])
  })

  it('a second request while pending sends a new link and retires the first', async () => {
    await form('park.seo@example.net')
    const first = confirmLinkIn(await lastMailTo('park.seo@example.net'))
    await new Promise((resolve) => setTimeout(resolve, 5))
    await form('park.seo@example.net', 'Park Seo')
    const second = confirmLinkIn(await lastMailTo('park.seo@example.net'))
    expect(sink.messagesTo('park.seo@example.net')).toHaveLength(2)
    expect(await confirmSubscription(payload, tokenOf(first))).toEqual({ ok: false, reason: 'superseded' })
    expect(await confirmSubscription(payload, tokenOf(second))).toMatchObject({ ok: true })
    expect((await findSubscriberByEmail(payload, 'park.seo@example.net'))?.name).toBe('Park Seo')
  })
})

describe('tokens that must not work', () => {
  let subscriberId = ''
  let confirmToken = ''

  beforeAll(async () => {
    await form('victim@example.net')
    const mail = await lastMailTo('victim@example.net')
    confirmToken = tokenOf(confirmLinkIn(mail))
    subscriberId = String((await findSubscriberByEmail(payload, 'victim@example.net'))?.id)
  })

  it('rejects a confirm link after it expires', async () => {
    const later = Date.now() + CONFIRM_TOKEN_TTL_MS + 1000
    expect(await confirmSubscription(payload, confirmToken, { now: () => later })).toEqual({ ok: false, reason: 'expired' })
    expect((await findSubscriberByEmail(payload, 'victim@example.net'))?.status).toBe('pending')
  })

  it('rejects forged, tampered and misused tokens and changes nothing', async () => {
    const [body, signature] = confirmToken.split('.')
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>
    const reSigned = (changes: Record<string, unknown>) =>
      `${Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url')}.${signature}`
    const flipped = `${body.slice(0, -2)}${body.at(-2) === 'A' ? 'B' : 'A'}${body.at(-1)}.${signature}`
    const forged = signToken('another-secret-of-sufficient-length', { purpose: 'confirm', subscriberId, email: 'victim@example.net' })
    const unsubscribeToken = tokenOf(unsubscribeUrlFor({ id: subscriberId, email: 'victim@example.net' }))

    for (const bad of [
      forged, // signed with another key
      flipped, // one character of the payload changed
      reSigned({ exp: Date.now() + 365 * 86_400_000 }), // expiry pushed out, old signature
      reSigned({ em: 'attacker@example.net' }), // address swapped, old signature
      `${body}.${signature.slice(0, -1)}`, // signature cut short
      unsubscribeToken, // right key, wrong purpose
      'not-a-token',
      '',
    ]) {
      expect(await confirmSubscription(payload, bad)).toEqual({ ok: false, reason: 'invalid' })
    }
    // Unsubscribe links are checked the same way.
    const unsubscribeForged = signToken('another-secret-of-sufficient-length', { purpose: 'unsubscribe', subscriberId, email: 'victim@example.net' })
    for (const bad of [unsubscribeForged, confirmToken, `${unsubscribeToken}x`]) {
      expect(await unsubscribe(payload, bad, 'one-click')).toEqual({ ok: false, reason: 'invalid' })
    }
    // A genuine token for an address that is not this subscriber's any more.
    const stale = signToken(SECRET, { purpose: 'unsubscribe', subscriberId, email: 'old.address@example.net' })
    expect(await unsubscribe(payload, stale, 'one-click')).toEqual({ ok: false, reason: 'unknown' })
    expect((await findSubscriberByEmail(payload, 'victim@example.net'))?.status).toBe('pending')
  })
})

describe('rate limiting', () => {
  it('limits requests per address and per client, in memory', async () => {
    let now = Date.UTC(2026, 0, 1)
    const limited = createSubscribeLimiter(() => now)
    const ask = (email: string, ip: string) => subscribe(payload, { email, ip }, { limiter: limited })
    // Per address: three in a burst, then wait.
    for (let i = 0; i < 3; i += 1) expect(await ask('flood@example.net', `198.51.100.${i}`)).toEqual({ ok: true })
    expect(await ask('flood@example.net', '198.51.100.9')).toMatchObject({ ok: false, reason: 'rate-limited' })
    now += 20 * 60 * 1000
    expect(await ask('flood@example.net', '198.51.100.9')).toEqual({ ok: true })
    // Per client: ten different addresses in a burst, then wait.
    for (let i = 0; i < 10; i += 1) expect(await ask(`reader${i}@example.net`, '203.0.113.7')).toEqual({ ok: true })
    const refused = await ask('reader10@example.net', '203.0.113.7')
    expect(refused).toMatchObject({ ok: false, reason: 'rate-limited' })
    expect(refused.ok === false && refused.reason === 'rate-limited' && refused.retryAfterSeconds).toBeGreaterThan(0)
    expect(await findSubscriberByEmail(payload, 'reader10@example.net')).toBeUndefined()
  })
})

describe('the history of status changes', () => {
  it('records an editor’s change in the admin and cannot be written through the API', async () => {
    const editor = (await payload.create({
      collection: 'users',
      data: { email: 'editor@example.org', password: 'editor-password-1', name: 'Ed Itor', role: 'editor' },
      overrideAccess: true,
    })) as User
    const created = await payload.create({
      collection: 'subscribers',
      data: {
        email: 'Manual@Example.net',
        status: 'confirmed',
        consent: { at: new Date().toISOString(), method: 'manual', source: 'Signed up at the book launch' },
        history: [{ at: '2020-01-01T00:00:00.000Z', to: 'confirmed', reason: 'invented' }],
      },
      user: editor,
      overrideAccess: false,
    })
    expect(created.email).toBe('manual@example.net')
    expect(created.history).toEqual([expect.objectContaining({ to: 'confirmed', reason: 'Added by editor@example.org in the admin' })])

    const updated = await payload.update({
      collection: 'subscribers',
      id: created.id,
      data: { status: 'bounced', history: [] },
      user: editor,
      overrideAccess: false,
    })
    expect(updated.history?.map((h) => [h.from, h.to, h.reason])).toEqual([
      [null, 'confirmed', 'Added by editor@example.org in the admin'],
      ['confirmed', 'bounced', 'Changed by editor@example.org in the admin'],
    ])
    // A change that is not a status change adds nothing.
    const renamed = await payload.update({ collection: 'subscribers', id: created.id, data: { name: 'Manu Al' }, user: editor, overrideAccess: false })
    expect(renamed.history).toHaveLength(2)
    // One address, whatever its case.
    await expect(
      payload.create({ collection: 'subscribers', data: { email: 'MANUAL@example.NET', status: 'pending' }, user: editor, overrideAccess: false }),
    ).rejects.toThrow()
  })
})
