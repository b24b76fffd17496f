import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { statusAt } from '@/delivery/audience'
import { acceptedOutcome, backoffDelayMs, classifySmtpError, queueIdFrom } from '@/delivery/smtpOutcome'

describe('what an SMTP attempt came to', () => {
  it('bounces on a 5xx to the recipient or the message, never on our own sender or login', () => {
    expect(classifySmtpError({ responseCode: 550, response: '550 5.1.1 User unknown', command: 'RCPT TO' }, false)).toMatchObject({ kind: 'permanent', code: 550 })
    expect(classifySmtpError({ responseCode: 554, response: '554 5.7.1 Message rejected as spam', command: 'DATA' }, true)).toMatchObject({ kind: 'permanent', code: 554 })
    expect(classifySmtpError({ responseCode: 553, response: '553 sender not allowed', command: 'MAIL FROM' }, false)).toMatchObject({ kind: 'transient', maybeAccepted: false })
    expect(classifySmtpError({ responseCode: 535, response: '535 Authentication failed', command: 'AUTH PLAIN' }, false)).toMatchObject({ kind: 'transient' })
  })

  it('retries 4xx, drops and timeouts; silence after the whole message may mean it was taken', () => {
    expect(classifySmtpError({ responseCode: 451, response: '451 4.7.1 Greylisted', command: 'RCPT TO' }, false)).toEqual({ kind: 'transient', response: '451 4.7.1 Greylisted', code: 451, maybeAccepted: false })
    expect(classifySmtpError({ responseCode: 452, response: '452 Too many', command: 'DATA' }, true)).toMatchObject({ kind: 'transient', maybeAccepted: false })
    expect(classifySmtpError({ code: 'ECONNECTION', message: 'Connection closed unexpectedly', command: 'CONN' }, false)).toMatchObject({ kind: 'transient', maybeAccepted: false, response: 'ECONNECTION: Connection closed unexpectedly' })
    expect(classifySmtpError({ code: 'ECONNECTION', message: 'Connection closed unexpectedly', command: 'CONN' }, true)).toMatchObject({ kind: 'transient', maybeAccepted: true })
    expect(classifySmtpError({ code: 'ETIMEDOUT', message: 'Timeout' }, true)).toMatchObject({ kind: 'transient', maybeAccepted: true })
    expect(classifySmtpError('weird', false)).toMatchObject({ kind: 'transient', response: 'weird' })
  })

  it('keeps the server reply and its queue id', () => {
    expect(acceptedOutcome('250 2.0.0 Ok: queued as 4VbR2c1xyzZ')).toEqual({ kind: 'accepted', response: '250 2.0.0 Ok: queued as 4VbR2c1xyzZ', code: 250, queueId: '4VbR2c1xyzZ' })
    expect(queueIdFrom('250 OK id=1rAbcD-000Xyz-4Q')).toBe('1rAbcD-000Xyz-4Q')
    expect(queueIdFrom('250 2.6.0 <a@b> [InternalId=123456, Hostname=X] Queued mail for delivery')).toBe('123456')
    expect(queueIdFrom('250 2.0.0 44F8Bd1x9 Message accepted for delivery')).toBe('44F8Bd1x9')
    expect(queueIdFrom('250 2.0.0 OK  1717171717 a1-20020a05600c000000b0042c000000000si1234567wmb.12 - gsmtp')).toBe('a1-20020a05600c000000b0042c000000000si1234567wmb.12')
    expect(queueIdFrom('250 OK: message queued')).toBeUndefined()
  })
})

describe('backoff', () => {
  it('doubles per attempt from the base, is capped, and jitters between half and all of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, base, extra, r) => {
        const max = base + extra
        const full = Math.min(max, base * 2 ** Math.min(attempt - 1, 40))
        const delay = backoffDelayMs(attempt, { baseMs: base, maxMs: max, random: () => r })
        return delay >= Math.floor(full / 2) && delay <= Math.ceil(full)
      }),
    )
    expect(backoffDelayMs(1, { baseMs: 1000, maxMs: 60_000, random: () => 0 })).toBe(500)
    expect(backoffDelayMs(3, { baseMs: 1000, maxMs: 60_000, random: () => 1 })).toBe(4000)
    expect(backoffDelayMs(30, { baseMs: 1000, maxMs: 60_000, random: () => 1 })).toBe(60_000)
  })
})

describe('a subscriber\'s status at the moment a campaign started', () => {
  const history = [
    { at: '2024-01-01T10:00:00.000Z', from: null, to: 'pending' },
    { at: '2024-01-02T10:00:00.000Z', from: 'pending', to: 'confirmed' },
    { at: '2024-03-01T10:00:00.000Z', from: 'confirmed', to: 'unsubscribed' },
  ]
  it('reads the history, and falls back to what it knows', () => {
    expect(statusAt({ status: 'unsubscribed', history }, '2024-02-01T00:00:00.000Z')).toBe('confirmed')
    expect(statusAt({ status: 'unsubscribed', history }, '2024-03-02T00:00:00.000Z')).toBe('unsubscribed')
    expect(statusAt({ status: 'confirmed', history: [{ at: '2024-05-01T00:00:00.000Z', from: 'pending', to: 'confirmed' }] }, '2024-04-01T00:00:00.000Z')).toBe('pending')
    expect(statusAt({ status: 'confirmed', history: [] }, '2024-04-01T00:00:00.000Z')).toBe('confirmed')
  })
})
