import { describe, expect, it } from 'vitest'
import { CONFIRM_TOKEN_TTL_MS, signToken, verifyToken, type SignTokenInput } from '@/subscribers/tokens'

const SECRET = 'test-secret-0123456789-abcdefghij'
const NOW = Date.UTC(2024, 6, 15, 9, 0, 0)
const SUB = { subscriberId: 'sub_42', email: 'nguyen.ha@example.net' }

/** Replace one base64url character with a different one. */
function flip(s: string, index: number): string {
  const c = s[index]
  return s.slice(0, index) + (c === 'A' ? 'B' : 'A') + s.slice(index + 1)
}

describe('signed tokens', () => {
  it('round-trips an unsubscribe token, which never expires', () => {
    const token = signToken(SECRET, { purpose: 'unsubscribe', ...SUB }, NOW)
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    const tenYears = NOW + 10 * 365 * 24 * 3600 * 1000
    expect(verifyToken(SECRET, token, 'unsubscribe', tenYears)).toEqual({
      ok: true,
      claims: { purpose: 'unsubscribe', ...SUB, expiresAt: undefined },
    })
  })

  it('round-trips a confirm token and expires it after seven days by default', () => {
    const token = signToken(SECRET, { purpose: 'confirm', ...SUB }, NOW)
    const ok = verifyToken(SECRET, token, 'confirm', NOW + CONFIRM_TOKEN_TTL_MS - 1)
    expect(ok).toEqual({ ok: true, claims: { purpose: 'confirm', ...SUB, expiresAt: NOW + CONFIRM_TOKEN_TTL_MS } })
    expect(CONFIRM_TOKEN_TTL_MS).toBe(7 * 24 * 3600 * 1000)
    const late = verifyToken(SECRET, token, 'confirm', NOW + CONFIRM_TOKEN_TTL_MS)
    expect(late).toMatchObject({ ok: false, reason: 'expired' })
  })

  it('honours an explicit expiry on a confirm token', () => {
    const token = signToken(SECRET, { purpose: 'confirm', ...SUB, expiresAt: NOW + 60_000 }, NOW)
    expect(verifyToken(SECRET, token, 'confirm', NOW + 59_999).ok).toBe(true)
    expect(verifyToken(SECRET, token, 'confirm', NOW + 60_000)).toMatchObject({ ok: false, reason: 'expired' })
  })

  it('rejects a token signed with another secret', () => {
    const forged = signToken('another-secret-0123456789-abcdefg', { purpose: 'unsubscribe', ...SUB }, NOW)
    expect(verifyToken(SECRET, forged, 'unsubscribe', NOW)).toMatchObject({ ok: false, reason: 'bad-signature' })
  })

  it('rejects an altered signature, including one of the wrong length', () => {
    const token = signToken(SECRET, { purpose: 'unsubscribe', ...SUB }, NOW)
    const dot = token.indexOf('.')
    for (const i of [dot + 1, dot + 20, token.length - 1]) {
      expect(verifyToken(SECRET, flip(token, i), 'unsubscribe', NOW)).toMatchObject({ reason: 'bad-signature' })
    }
    expect(verifyToken(SECRET, token.slice(0, -2), 'unsubscribe', NOW)).toMatchObject({ reason: 'bad-signature' })
  })

  it('rejects a payload changed to another subscriber or to a later expiry', () => {
    const token = signToken(SECRET, { purpose: 'confirm', ...SUB }, NOW)
    const [body, signature] = token.split('.')
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>
    for (const change of [{ em: 'attacker@example.net' }, { sid: 'sub_1' }, { exp: NOW + 365 * 86400_000 }]) {
      const tampered = Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url')
      expect(verifyToken(SECRET, `${tampered}.${signature}`, 'confirm', NOW)).toMatchObject({
        ok: false,
        reason: 'bad-signature',
      })
    }
  })

  it('rejects a token used for the other purpose', () => {
    const confirm = signToken(SECRET, { purpose: 'confirm', ...SUB }, NOW)
    const unsubscribe = signToken(SECRET, { purpose: 'unsubscribe', ...SUB }, NOW)
    expect(verifyToken(SECRET, confirm, 'unsubscribe', NOW)).toMatchObject({ ok: false, reason: 'wrong-purpose' })
    expect(verifyToken(SECRET, unsubscribe, 'confirm', NOW)).toMatchObject({ ok: false, reason: 'wrong-purpose' })
  })

  it('calls structurally broken tokens malformed', () => {
    const token = signToken(SECRET, { purpose: 'unsubscribe', ...SUB }, NOW)
    for (const bad of ['', 'abc', `${token}.x`, token.replace('.', '.+'), `a b.${token.split('.')[1]}`, 'x'.repeat(5000)]) {
      expect(verifyToken(SECRET, bad, 'unsubscribe', NOW), JSON.stringify(bad.slice(0, 20))).toMatchObject({
        ok: false,
        reason: 'malformed',
      })
    }
  })

  it('refuses short secrets and expiring unsubscribe tokens', () => {
    expect(() => signToken('short', { purpose: 'unsubscribe', ...SUB })).toThrow(/at least 16 bytes/)
    expect(() => verifyToken('short', 'a.b', 'unsubscribe')).toThrow(/at least 16 bytes/)
    const sneaky = { purpose: 'unsubscribe', ...SUB, expiresAt: NOW } as unknown as SignTokenInput
    expect(() => signToken(SECRET, sneaky, NOW)).toThrow(/do not expire/)
  })
})
