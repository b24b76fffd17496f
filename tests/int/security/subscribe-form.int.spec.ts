import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { createSubscribeLimiter } from '@/subscribers/rateLimit'
import { findSubscriberByEmail, subscribe } from '@/subscribers'
import { useMailedPayload } from '../../support/payload'
import type { SmtpSink } from '../../support/smtpSink'

/**
 * The subscribe form as a stranger uses it: whatever they type as the name, the
 * confirmation email sent from the bulletin's address to anyone repeats none of it.
 */

const EVIL = 'Your account is locked: visit https://evil.example/login'

let sink: SmtpSink
let payload: Payload

useMailedPayload((started) => {
  payload = started.payload
  sink = started.sink
})

describe('the confirmation email', () => {
  it('repeats nothing a stranger typed as the name: not in the body, the subject or the To: header', async () => {
    const victim = 'victim@example.net'
    expect(await subscribe(payload, { email: victim, name: EVIL, sourcePath: '/subscribe', ip: '192.0.2.1' }, { limiter: createSubscribeLimiter() })).toEqual({ ok: true })
    const [message] = sink.messagesTo(victim)
    const mail = await message.parse()
    const everything = `${message.raw}\n${mail.subject}\n${mail.text}\n${mail.html}`
    for (const fragment of ['evil.example', 'Your account is locked', 'account is locked']) {
      expect(everything).not.toContain(fragment)
    }
    expect(mail.text).toMatch(/^Hello,$/m)
    expect(mail.text).toContain(`asked for ${victim} to receive`)
    expect(mail.to && 'value' in mail.to ? mail.to.value : []).toEqual([{ address: victim, name: '' }])
    // The name stays on the subscriber's record for the editors.
    expect((await findSubscriberByEmail(payload, victim))?.name).toBe(EVIL)
  })
})

describe('the form fields', () => {
  it('refuse a name over 200 and an address over 254 characters, saying the limit, and save nothing', async () => {
    const limiter = createSubscribeLimiter()
    const long = await subscribe(payload, { email: 'long.name@example.net', name: 'x'.repeat(201), ip: '192.0.2.2' }, { limiter })
    expect(long).toEqual({ ok: false, reason: 'invalid', field: 'name', message: 'Please shorten the name to 200 characters.' })
    const address = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.org`
    expect(address.length).toBe(255)
    expect(await subscribe(payload, { email: address, ip: '192.0.2.2' }, { limiter })).toEqual({
      ok: false,
      reason: 'invalid',
      field: 'email',
      message: 'This email address is too long: at most 254 characters.',
    })
    expect(await findSubscriberByEmail(payload, 'long.name@example.net')).toBeUndefined()
    expect(await subscribe(payload, { email: 'long.name@example.net', name: 'x'.repeat(200), ip: '192.0.2.2' }, { limiter })).toEqual({ ok: true })
  })
})
