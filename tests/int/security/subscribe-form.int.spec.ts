import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createSubscribeLimiter } from '@/delivery/rateLimit'
import { findSubscriberByEmail, subscribe } from '@/delivery/subscribers'
import { demoSettings } from '@/seed/demoContent'
import { startTestPayload, type TestPayload } from '../../support/payload'
import { startSmtpSink, type SmtpSink } from '../../support/smtpSink'

/**
 * The subscribe form as a stranger uses it: whatever they type as the name, the
 * confirmation email sent from the bulletin's address to anyone repeats none of it.
 */

const EVIL = 'Your account is locked: visit https://evil.example/login'

let sink: SmtpSink
let t: TestPayload
let payload: Payload

beforeAll(async () => {
  sink = await startSmtpSink()
  t = await startTestPayload({ env: { SMTP_URL: sink.url } })
  payload = t.payload
  await payload.updateGlobal({ slug: 'publication-settings', data: demoSettings })
})

afterAll(async () => {
  await t?.close()
  await sink?.close()
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
