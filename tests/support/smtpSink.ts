/**
 * A test SMTP server that accepts everything on 127.0.0.1 (ephemeral port, no TLS, any or
 * no AUTH), records each message (raw, parsed, envelope) and injects faults on demand:
 * 4xx/5xx replies, dropped connections and slow replies, per address or at random.
 *
 * Random faults are decided by hashing (seed, stage, address, attempt number), not by one
 * shared RNG stream, so a run is reproducible however the sender's connections interleave:
 * the same seed faults the same address on the same attempt every time.
 *
 * Speed: smtp-server holds every new connection for a fixed 100 ms (early-talker check),
 * and nodemailer writes a message's final "." separately, which Nagle's algorithm holds
 * for the server's delayed ACK (~40 ms a message on loopback). `sink.transportOptions()`
 * gives a pooled nodemailer config with TCP_NODELAY sockets: ~5 ms a message instead of ~50.
 * nodemailer's pool also drops a connection after any failed send, so each fault costs
 * a reconnect.
 */
import net, { type AddressInfo, type Socket } from 'node:net'
import type SMTPPool from 'nodemailer/lib/smtp-pool'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server'

export type FaultStage = 'connect' | 'mail' | 'rcpt' | 'data'

export type FaultAction =
  /** Answer with this code (4xx transient, 5xx permanent) and message. */
  | { kind: 'reply'; code: number; message?: string }
  /** Destroy the socket without answering. */
  | { kind: 'drop' }
  /** Answer late: wait, then accept (or do `then`). */
  | { kind: 'delay'; ms: number; then?: FaultAction }

export type AddressMatcher = string | RegExp | ((address: string) => boolean)

export interface FaultRule {
  /** Default 'rcpt'. */
  stage?: FaultStage
  /**
   * mail: the sender; rcpt: the recipient; data: any recipient of the message.
   * Omitted (and always at 'connect'): everything matches.
   */
  address?: AddressMatcher
  action: FaultAction
  /** Fire only this many times, then let it through: a transient fault that a retry clears. */
  times?: number
}

export interface RandomFaults {
  seed: number
  /** Probability (0-1) that one recipient attempt is faulted. */
  rate: number
  actions: FaultAction[]
  /** Default 'rcpt'; 'data' faults the whole message, judged by its first recipient. */
  stage?: 'rcpt' | 'data'
}

export interface FaultPlan {
  /** Checked in order; the first rule that matches (and has times left) applies. */
  rules?: FaultRule[]
  random?: RandomFaults
}

export interface SinkMessage {
  /** 1, 2, 3… in order of acceptance. */
  seq: number
  sessionId: string
  envelope: { mailFrom: string; rcptTo: string[] }
  raw: Buffer
  /** From the raw header, without a full parse: enough to count duplicates cheaply. */
  messageId?: string
  receivedAt: number
  /** Parses the raw message with mailparser (once; later calls reuse the result). */
  parse(): Promise<ParsedMail>
}

export interface ParsedSinkMessage extends SinkMessage {
  parsed: ParsedMail
}

export interface SinkEvent {
  stage: FaultStage
  address?: string
  outcome: 'reply' | 'drop'
  code?: number
  message?: string
  at: number
}

export interface SmtpSinkOptions {
  faults?: FaultPlan
  /** Advertised SIZE; larger messages get 552. Default 25 MB. */
  maxMessageBytes?: number
  /**
   * Parse each message with mailparser before answering 250 (default true), so `parsed` is
   * there when sendMail resolves. Volume tests can pass false: parsing a newsletter costs
   * about as much CPU as composing it; call `message.parse()` for the few you inspect.
   */
  parse?: boolean
}

export interface SmtpSink<M extends SinkMessage = ParsedSinkMessage> {
  port: number
  url: string
  /** Accepted messages, in order. A message to n recipients is one entry. */
  readonly messages: M[]
  /** Every fault the sink injected. */
  readonly faults: SinkEvent[]
  readonly stats: { connections: number; errors: Error[] }
  setFaults(plan: FaultPlan | undefined): void
  /** Forget messages, faults, attempt counters and `times` usage; keep the fault plan. */
  reset(): void
  /**
   * nodemailer pool options for this sink with TCP_NODELAY sockets (see the note above);
   * `createTransport(sink.transportOptions())`.
   */
  transportOptions(extra?: Partial<SMTPPool.Options>): SMTPPool.Options
  messagesTo(address: string): M[]
  /** Resolves once at least `count` messages were accepted. */
  waitForMessages(count: number, timeoutMs?: number): Promise<M[]>
  close(): Promise<void>
}

const DEFAULT_WORDS: Record<'4' | '5', string> = {
  '4': '4.2.1 Mailbox temporarily unavailable, try again later',
  '5': '5.1.1 Mailbox unavailable: no such user here',
}

type Callback = (err?: Error | null) => void

export function startSmtpSink(options?: SmtpSinkOptions & { parse?: true }): Promise<SmtpSink<ParsedSinkMessage>>
export function startSmtpSink(options: SmtpSinkOptions & { parse: false }): Promise<SmtpSink<SinkMessage>>
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink<SinkMessage>> {
  let plan: FaultPlan = options.faults ?? {}
  validatePlan(plan)
  const eager = options.parse ?? true
  const messages: SinkMessage[] = []
  const faults: SinkEvent[] = []
  const stats = { connections: 0, errors: [] as Error[] }
  const ruleUses = new Map<FaultRule, number>()
  const attempts = new Map<string, number>()
  const sockets = new Map<number, Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const waiters = new Set<() => void>()
  let closed = false

  /**
   * The fault for this step, if any: the first rule matching any of the addresses (at
   * 'data', all recipients of the message), else the random plan for the first address.
   */
  const decide = (stage: FaultStage, addresses: string[]): FaultAction | undefined => {
    for (const rule of plan.rules ?? []) {
      if ((rule.stage ?? 'rcpt') !== stage) continue
      const matcher = rule.address
      const hit = stage === 'connect' || matcher === undefined || addresses.some((a) => matches(matcher, a))
      if (!hit) continue
      const used = ruleUses.get(rule) ?? 0
      if (rule.times !== undefined && used >= rule.times) continue
      ruleUses.set(rule, used + 1)
      return rule.action
    }
    const random = plan.random
    const address = addresses[0]
    if (random && address !== undefined && (random.stage ?? 'rcpt') === stage && random.actions.length > 0) {
      const key = `${stage}|${address.toLowerCase()}`
      const attempt = (attempts.get(key) ?? 0) + 1
      attempts.set(key, attempt)
      const rng = mulberry32(hashString(`${random.seed}|${key}|${attempt}`))
      if (rng() < random.rate) return random.actions[Math.floor(rng() * random.actions.length)]
    }
    return undefined
  }

  /** Carry out an action; `accept` runs when the step should succeed. */
  const act = (
    action: FaultAction | undefined,
    stage: FaultStage,
    address: string | undefined,
    session: SMTPServerSession,
    callback: Callback,
    accept: () => void,
  ): void => {
    if (!action) return accept()
    switch (action.kind) {
      case 'reply': {
        const words = action.message ?? DEFAULT_WORDS[action.code >= 500 ? '5' : '4']
        faults.push({ stage, address, outcome: 'reply', code: action.code, message: words, at: Date.now() })
        callback(Object.assign(new Error(words), { responseCode: action.code }))
        return
      }
      case 'drop': {
        faults.push({ stage, address, outcome: 'drop', at: Date.now() })
        const socket = sockets.get(session.remotePort)
        if (socket) socket.destroy()
        // Never leave a step unanswered: without its socket, close the session the SMTP way.
        else callback(Object.assign(new Error('Connection dropped by the sink'), { responseCode: 421 }))
        return
      }
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer)
          if (!closed) act(action.then, stage, address, session, callback, accept)
        }, action.ms)
        timers.add(timer)
        return
      }
    }
  }

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    // Fault replies carry their own enhanced codes ("5.1.1 …"), as real servers' do.
    hideENHANCEDSTATUSCODES: true,
    logger: false,
    banner: 'Bulletin Press test sink',
    size: options.maxMessageBytes ?? 25 * 1024 * 1024,
    // Fail fast instead of holding a test open when a client vanishes.
    socketTimeout: 30_000,
    closeTimeout: 1_000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' })
    },
    onConnect(session, callback) {
      stats.connections += 1
      act(decide('connect', []), 'connect', undefined, session, callback, () => callback())
    },
    onMailFrom(address: SMTPServerAddress, session, callback) {
      act(decide('mail', [address.address]), 'mail', address.address, session, callback, () => callback())
    },
    onRcptTo(address: SMTPServerAddress, session, callback) {
      act(decide('rcpt', [address.address]), 'rcpt', address.address, session, callback, () => callback())
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('5.3.4 Message too big for this sink'), { responseCode: 552 }))
          return
        }
        const raw = Buffer.concat(chunks)
        const rcptTo = session.envelope.rcptTo.map((a) => a.address)
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
        act(decide('data', rcptTo), 'data', rcptTo.join(','), session, callback, () => {
          let parsing: Promise<ParsedMail> | undefined
          const message: SinkMessage = {
            seq: 0,
            sessionId: session.id,
            envelope: { mailFrom, rcptTo },
            raw,
            messageId: headerValue(raw, 'message-id'),
            receivedAt: Date.now(),
            parse: () => (parsing ??= simpleParser(raw)),
          }
          const record = () => {
            message.seq = messages.length + 1
            messages.push(message)
            callback()
            for (const wake of waiters) wake()
          }
          if (!eager) return record()
          // Parse before answering 250, so `parsed` is there once sendMail resolves.
          message
            .parse()
            .then((parsed) => {
              Object.assign(message, { parsed })
              record()
            })
            .catch((err: Error) => {
              stats.errors.push(err)
              callback(Object.assign(new Error(`4.6.0 Sink could not parse the message: ${err.message}`), { responseCode: 451 }))
            })
        })
      })
    },
  })

  // Clients that vanish mid-session (dropped sockets, a SIGKILLed sender) surface here.
  server.on('error', (err) => stats.errors.push(err))
  server.server.on('connection', (socket: Socket) => {
    // Replies are small writes; without this, Nagle plus delayed ACKs stall each one ~40 ms.
    socket.setNoDelay(true)
    const port = socket.remotePort
    if (port === undefined) return
    sockets.set(port, socket)
    socket.once('close', () => {
      if (sockets.get(port) === socket) sockets.delete(port)
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject)
      resolve()
    })
  })
  const port = (server.server.address() as AddressInfo).port

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    faults,
    stats,
    setFaults(next) {
      const p = next ?? {}
      validatePlan(p)
      plan = p
      ruleUses.clear()
    },
    reset() {
      messages.length = 0
      faults.length = 0
      stats.errors.length = 0
      ruleUses.clear()
      attempts.clear()
    },
    transportOptions(extra = {}) {
      return {
        pool: true,
        host: '127.0.0.1',
        port,
        secure: false,
        ignoreTLS: true,
        maxConnections: 5,
        maxMessages: Infinity,
        ...extra,
        getSocket(_options, callback) {
          const socket = net.connect(port, '127.0.0.1')
          const failed = (err: Error) => callback(err, undefined)
          socket.once('error', failed)
          socket.once('connect', () => {
            // From here on nodemailer owns the socket and its errors.
            socket.off('error', failed)
            socket.setNoDelay(true)
            callback(null, { connection: socket })
          })
        },
      }
    },
    messagesTo(address) {
      const a = address.toLowerCase()
      return messages.filter((m) => m.envelope.rcptTo.some((r) => r.toLowerCase() === a))
    },
    waitForMessages(count, timeoutMs = 10_000) {
      if (messages.length >= count) return Promise.resolve(messages.slice())
      return new Promise((resolve, reject) => {
        const wake = () => {
          if (messages.length < count) return
          cleanup()
          resolve(messages.slice())
        }
        const timer = setTimeout(() => {
          cleanup()
          reject(new Error(`smtp sink: ${messages.length} of ${count} messages after ${timeoutMs} ms`))
        }, timeoutMs)
        const cleanup = () => {
          clearTimeout(timer)
          waiters.delete(wake)
        }
        waiters.add(wake)
      })
    },
    close() {
      if (closed) return Promise.resolve()
      closed = true
      for (const t of timers) clearTimeout(t)
      timers.clear()
      return new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Tear down open sessions now rather than waiting for clients to QUIT.
        for (const socket of sockets.values()) socket.destroy()
      })
    },
  }
}

/** One header's unfolded value from a raw message, without parsing the rest. */
function headerValue(raw: Buffer, name: string): string | undefined {
  const end = raw.indexOf('\r\n\r\n')
  const head = raw.subarray(0, end < 0 ? raw.length : end).toString('latin1')
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r\\n[ \\t].*)*)`, 'im').exec(head)
  return match?.[1].replace(/\r\n[ \t]+/g, ' ').trim()
}

function validatePlan(plan: FaultPlan): void {
  const check = (action: FaultAction): void => {
    if (action.kind === 'reply' && !(action.code >= 400 && action.code <= 599)) {
      throw new RangeError(`smtp sink: fault reply code must be 4xx or 5xx, got ${action.code}`)
    }
    if (action.kind === 'delay') {
      if (!(action.ms >= 0)) throw new RangeError('smtp sink: delay must be >= 0 ms')
      if (action.then) check(action.then)
    }
  }
  for (const rule of plan.rules ?? []) check(rule.action)
  if (plan.random) {
    if (!(plan.random.rate >= 0 && plan.random.rate <= 1)) throw new RangeError('smtp sink: random.rate must be 0-1')
    plan.random.actions.forEach(check)
  }
}

function matches(matcher: AddressMatcher, address: string): boolean {
  if (typeof matcher === 'string') return matcher.toLowerCase() === address.toLowerCase()
  if (matcher instanceof RegExp) {
    matcher.lastIndex = 0
    return matcher.test(address)
  }
  return matcher(address)
}

/** xmur3-style string hash to a 32-bit seed. */
function hashString(s: string): number {
  let h = 1779033703 ^ s.length
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 3432918353)
    h = (h << 13) | (h >>> 19)
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507)
  h = Math.imul(h ^ (h >>> 13), 3266489909)
  return (h ^= h >>> 16) >>> 0
}

/** Small seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
