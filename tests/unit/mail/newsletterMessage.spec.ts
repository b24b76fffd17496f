import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { dkimFromEnv } from '@/mail/dkim'
import {
  buildNewsletterMessage,
  newsletterMessageId,
  type BuildNewsletterMessageInput,
} from '@/mail/newsletterMessage'
import { makeTestModel, PUBLIC_URL } from '../email/model'

/** Header values as nodemailer will write them (prepared values are sent verbatim). */
function headersOf(msg: ReturnType<typeof buildNewsletterMessage>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(msg.headers ?? {})) {
    out[key] = typeof value === 'object' && value !== null && 'value' in value ? value.value : String(value)
  }
  return out
}

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 1024,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
})

function input(overrides: Partial<BuildNewsletterMessageInput> = {}): BuildNewsletterMessageInput {
  return {
    model: makeTestModel(),
    recipient: { id: 'sub_42', email: 'kim.minji@example.net', name: 'Kim Minji' },
    rendered: { subject: 'Korea Bulletin — April–June 2024: Test', html: '<p>html</p>', text: 'text' },
    settings: { fromName: 'Korea Bulletin', fromAddress: 'bulletin@example.org', replyTo: 'editor@example.org' },
    publicUrl: PUBLIC_URL,
    unsubscribeUrl: `${PUBLIC_URL}/api/unsubscribe?token=abc.def`,
    unsubscribeMailto: 'mailto:unsubscribe@example.org?subject=unsubscribe%20abc.def',
    messageIdDomain: 'mail.example.org',
    ...overrides,
  }
}

describe('buildNewsletterMessage', () => {
  it('sets sender, recipient, subject and both parts', () => {
    const msg = buildNewsletterMessage(input())
    expect(msg.from).toEqual({ name: 'Korea Bulletin', address: 'bulletin@example.org' })
    expect(msg.replyTo).toBe('editor@example.org')
    expect(msg.to).toEqual({ name: 'Kim Minji', address: 'kim.minji@example.net' })
    expect(msg.subject).toBe('Korea Bulletin — April–June 2024: Test')
    expect(msg.html).toBe('<p>html</p>')
    expect(msg.text).toBe('text')
  })

  it('adds the RFC 2369 / 8058 unsubscribe headers and a List-Id', () => {
    const headers = headersOf(buildNewsletterMessage(input()))
    expect(headers['List-Unsubscribe']).toBe(
      `<${PUBLIC_URL}/api/unsubscribe?token=abc.def>, <mailto:unsubscribe@example.org?subject=unsubscribe%20abc.def>`,
    )
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    expect(headers['List-Id']).toBe('"Korea Bulletin" <korea-bulletin.bulletin.example.org>')
  })

  it('accepts a bare unsubscribe address and refuses a non-https unsubscribe URL', () => {
    const headers = headersOf(buildNewsletterMessage(input({ unsubscribeMailto: 'leave@example.org' })))
    expect(headers['List-Unsubscribe']).toMatch(/, <mailto:leave@example\.org>$/)
    expect(() => buildNewsletterMessage(input({ unsubscribeUrl: 'http://bulletin.example.org/u?t=1' }))).toThrow(/https/)
    // A local dev server may use plain http.
    expect(() => buildNewsletterMessage(input({ unsubscribeUrl: 'http://localhost:3000/u?t=1' }))).not.toThrow()
    expect(() => buildNewsletterMessage(input({ unsubscribeMailto: 'not an address' }))).toThrow(/mailto/)
  })

  it('encodes a non-ASCII bulletin name in List-Id', () => {
    const model = makeTestModel()
    model.publisher.bulletinName = '한국 Bulletin'
    const headers = headersOf(buildNewsletterMessage(input({ model })))
    expect(headers['List-Id']).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <bulletin\.bulletin\.example\.org>$/)
  })

  it('fixes the Message-ID per issue and subscriber', () => {
    const a = buildNewsletterMessage(input()).messageId
    const again = buildNewsletterMessage(input({ rendered: { subject: 'resend', html: 'x', text: 'y' } })).messageId
    const other = buildNewsletterMessage(input({ recipient: { id: 'sub_43', email: 'kim.minji@example.net' } })).messageId
    const nextIssue = buildNewsletterMessage(input({ model: makeTestModel({ slug: '2024-q3' }) })).messageId
    expect(a).toMatch(/^<issue-2024-q2\.[0-9a-f]{24}@mail\.example\.org>$/)
    expect(again).toBe(a)
    expect(other).not.toBe(a)
    expect(nextIssue).toMatch(/^<issue-2024-q3\./)
    expect(a).not.toContain('sub_42')
    expect(() => newsletterMessageId('2024-q2', 'sub_42', 'bad domain')).toThrow(/host name/)
  })

  it('signs with DKIM only when configured, covering the list headers', () => {
    expect(buildNewsletterMessage(input()).dkim).toBeUndefined()
    const dkim = buildNewsletterMessage(
      input({ dkim: { domainName: 'example.org', keySelector: 'bulletin', privateKey } }),
    ).dkim
    expect(dkim).toMatchObject({ domainName: 'example.org', keySelector: 'bulletin', privateKey })
    const fields = ((dkim as { headerFieldNames?: string }).headerFieldNames ?? '').split(':')
    expect(fields).toEqual(expect.arrayContaining(['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post']))
  })
})

describe('dkimFromEnv', () => {
  it('is off when no DKIM variable is set', () => {
    expect(dkimFromEnv({})).toBeUndefined()
    expect(dkimFromEnv({ DKIM_DOMAIN: '', DKIM_SELECTOR: ' ' })).toBeUndefined()
  })

  it('names the missing variables when only some are set', () => {
    expect(() => dkimFromEnv({ DKIM_DOMAIN: 'example.org' })).toThrow(/DKIM_SELECTOR, DKIM_PRIVATE_KEY/)
    expect(() => dkimFromEnv({ DKIM_DOMAIN: 'example.org', DKIM_PRIVATE_KEY: privateKey })).toThrow(/set DKIM_SELECTOR as well/)
  })

  it('reads a one-line PEM with \\n escapes', () => {
    const oneLine = privateKey.trim().replace(/\n/g, '\\n')
    expect(oneLine).not.toContain('\n')
    const dkim = dkimFromEnv({ DKIM_DOMAIN: 'example.org', DKIM_SELECTOR: 'bulletin', DKIM_PRIVATE_KEY: oneLine })
    expect(dkim).toEqual({ domainName: 'example.org', keySelector: 'bulletin', privateKey: privateKey.trim() })
  })

  it('refuses a key that is not a PEM private key', () => {
    const env = { DKIM_DOMAIN: 'example.org', DKIM_SELECTOR: 'bulletin' }
    expect(() => dkimFromEnv({ ...env, DKIM_PRIVATE_KEY: 'ssh-rsa AAAA' })).toThrow(/PEM private key/)
    expect(() =>
      dkimFromEnv({ ...env, DKIM_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nnot-base64\n-----END PRIVATE KEY-----' }),
    ).toThrow(/could not be read/)
  })
})
