/**
 * The test SMTP sink itself: later delivery tests lean on its fault injection, so each
 * kind of fault is checked against a real nodemailer client here.
 */
import net from 'node:net'
import nodemailer from 'nodemailer'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startSmtpSink, type FaultPlan, type RandomFaults, type SmtpSink } from '../../support/smtpSink'

const sinks: Array<Pick<SmtpSink, 'close'>> = []
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.close()))
})

async function sink(faults?: FaultPlan): Promise<SmtpSink> {
  const s = await startSmtpSink({ faults })
  sinks.push(s)
  return s
}

function mail(to: string | string[], n = 0) {
  return { from: 'bulletin@example.org', to, subject: `Test ${n}`, text: `Hello ${n}` }
}

describe('smtp sink', () => {
  it('listens on an ephemeral loopback port and records raw, parsed and envelope', async () => {
    const s = await sink()
    expect(s.url).toBe(`smtp://127.0.0.1:${s.port}`)
    expect(s.port).toBeGreaterThan(0)
    await nodemailer.createTransport(s.url).sendMail({ ...mail(['a@example.net', 'b@example.net']), html: '<p>Hi</p>' })
    expect(s.messages).toHaveLength(1)
    const [m] = s.messages
    expect(m.envelope).toEqual({ mailFrom: 'bulletin@example.org', rcptTo: ['a@example.net', 'b@example.net'] })
    expect(m.raw.toString()).toContain('Subject: Test 0')
    expect(m.parsed.html).toContain('<p>Hi</p>')
    expect(s.messagesTo('B@example.net')).toHaveLength(1)
    expect(s.stats.connections).toBe(1)
  })

  it('two sinks run side by side on different ports', async () => {
    const [a, b] = await Promise.all([sink(), sink()])
    expect(a.port).not.toBe(b.port)
  })

  it('drops the connection when told to, without recording the message', async () => {
    const s = await sink({ rules: [{ address: 'drop@example.net', action: { kind: 'drop' } }] })
    const t = nodemailer.createTransport(s.url)
    await expect(t.sendMail(mail('drop@example.net'))).rejects.toThrow()
    expect(s.messages).toHaveLength(0)
    expect(s.faults).toMatchObject([{ stage: 'rcpt', outcome: 'drop', address: 'drop@example.net' }])
    // The sink keeps serving other clients.
    await t.sendMail(mail('ok@example.net'))
    expect(s.messages).toHaveLength(1)
  })

  it('drops after the data when the fault is at the data stage', async () => {
    const s = await sink({ rules: [{ stage: 'data', address: /@drop\.example$/, action: { kind: 'drop' } }] })
    const t = nodemailer.createTransport(s.url)
    await expect(t.sendMail(mail(['x@ok.example', 'y@drop.example']))).rejects.toThrow()
    expect(s.messages).toHaveLength(0)
    expect(s.faults[0]).toMatchObject({ stage: 'data', outcome: 'drop' })
  })

  it('answers slowly when told to, then accepts', async () => {
    const s = await sink({ rules: [{ address: 'slow@example.net', action: { kind: 'delay', ms: 300 } }] })
    const t = nodemailer.createTransport(s.url)
    const started = Date.now()
    await t.sendMail(mail('slow@example.net'))
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(s.messages).toHaveLength(1)
  })

  it('a slow reply can end in a fault, and trips a client timeout', async () => {
    const s = await sink({
      rules: [{ stage: 'data', action: { kind: 'delay', ms: 2_000, then: { kind: 'reply', code: 451, message: '4.3.0 too slow' } } }],
    })
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: s.port, socketTimeout: 300 })
    await expect(t.sendMail(mail('a@example.net'))).rejects.toMatchObject({ code: 'ETIMEDOUT' })
  })

  it('refuses at connect time with the given code', async () => {
    const s = await sink({ rules: [{ stage: 'connect', action: { kind: 'reply', code: 421, message: '4.3.2 too many connections' } }] })
    await expect(nodemailer.createTransport(s.url).sendMail(mail('a@example.net'))).rejects.toMatchObject({
      response: expect.stringContaining('421 4.3.2 too many connections'),
    })
  })

  it('`times` makes a fault transient', async () => {
    const s = await sink({ rules: [{ address: 'a@example.net', times: 2, action: { kind: 'reply', code: 450 } }] })
    const t = nodemailer.createTransport(s.url)
    await expect(t.sendMail(mail('a@example.net'))).rejects.toMatchObject({ responseCode: 450 })
    await expect(t.sendMail(mail('a@example.net'))).rejects.toMatchObject({ responseCode: 450 })
    await expect(t.sendMail(mail('a@example.net'))).resolves.toMatchObject({ accepted: ['a@example.net'] })
  })

  it('random faults follow the seed, not the order of arrival', async () => {
    const plan: FaultPlan = { random: { seed: 7, rate: 0.3, actions: [{ kind: 'reply', code: 450 }, { kind: 'reply', code: 550 }] } }
    const addresses = Array.from({ length: 30 }, (_, i) => `user${i}@example.net`)
    const outcome = async (order: string[], faults = plan) => {
      const s = await sink(faults)
      // One pooled connection, so the order of arrival is exactly `order`.
      const t = nodemailer.createTransport(s.transportOptions({ maxConnections: 1 }))
      const result = new Map<string, number>()
      for (const a of order) {
        const code = await t.sendMail(mail(a)).then(
          () => 250,
          (err: { responseCode?: number }) => err.responseCode ?? 0,
        )
        result.set(a, code)
      }
      t.close()
      return result
    }
    const otherPlan: FaultPlan = { random: { ...(plan.random as RandomFaults), seed: 8 } }
    // Each fault costs a reconnect (nodemailer's pool drops a connection after an error), so
    // the three runs go in parallel, each on its own sink.
    const [forward, backward, otherSeed] = await Promise.all([
      outcome(addresses),
      outcome([...addresses].reverse()),
      outcome(addresses, otherPlan),
    ])
    expect(backward).toEqual(forward)
    expect(otherSeed).not.toEqual(forward)
    const codes = [...forward.values()]
    // 30 % of 30: some faults of both kinds, most delivered.
    expect(codes.filter((c) => c === 250).length).toBeGreaterThan(15)
    expect(codes).toContain(450)
    expect(codes).toContain(550)
  })

  it('setFaults swaps the plan and reset forgets what was recorded', async () => {
    const s = await sink({ rules: [{ action: { kind: 'reply', code: 550 } }] })
    const t = nodemailer.createTransport(s.url)
    await expect(t.sendMail(mail('a@example.net'))).rejects.toMatchObject({ responseCode: 550 })
    s.setFaults(undefined)
    await t.sendMail(mail('a@example.net'))
    expect(s.messages).toHaveLength(1)
    expect(s.faults).toHaveLength(1)
    s.reset()
    expect(s.messages).toHaveLength(0)
    expect(s.faults).toHaveLength(0)
    expect(() => s.setFaults({ rules: [{ action: { kind: 'reply', code: 250 } }] })).toThrow(/4xx or 5xx/)
  })

  it('waitForMessages waits for concurrent senders and times out with a count', async () => {
    const s = await sink()
    const t = nodemailer.createTransport(s.transportOptions({ maxConnections: 5 }))
    const sends = Array.from({ length: 200 }, (_, i) => t.sendMail(mail(`u${i}@example.net`, i)))
    const got = await s.waitForMessages(200, 20_000)
    await Promise.all(sends)
    t.close()
    expect(new Set(got.map((m) => m.parsed.subject)).size).toBe(200)
    expect(got.map((m) => m.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
    await expect(s.waitForMessages(201, 100)).rejects.toThrow(/200 of 201 messages/)
  })

  it('can skip parsing for volume, parsing on demand', async () => {
    const s = await startSmtpSink({ parse: false })
    sinks.push(s)
    const t = nodemailer.createTransport(s.transportOptions())
    const info = await t.sendMail(mail('a@example.net', 1))
    t.close()
    const [m] = s.messages
    expect('parsed' in m).toBe(false)
    expect(m.messageId).toBe(info.messageId)
    const parsed = await m.parse()
    expect(parsed.subject).toBe('Test 1')
    expect(await m.parse()).toBe(parsed)
  })

  it('closes promptly with a client still connected', async () => {
    const s = await sink()
    const client = net.connect(s.port, '127.0.0.1')
    await new Promise((resolve) => client.once('data', resolve))
    // Promptly: without waiting out smtp-server's grace period for open sessions. With timers
    // stopped that grace period never ends, so close() resolves only if the sink hangs up on
    // the client itself; the test then never waits on a clock.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const hungUp = new Promise((resolve) => client.once('close', resolve))
      await s.close()
      await hungUp
      expect(client.destroyed).toBe(true)
    } finally {
      vi.useRealTimers()
      client.destroy()
    }
  }, 20_000)
})
