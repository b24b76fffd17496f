/**
 * The benchmark's SMTP sink, in its own process (its own core): smtp-server on 127.0.0.1
 * with the test sink's settings (tests/support/smtpSink.ts) but keeping nothing of a
 * message except that it came, to whom, and its Message-ID's hash: memory stays flat at
 * 100,000 messages. It answers like Postfix, "250 2.0.0 Ok: queued as <id>", so the engine
 * records queue ids as it would in production.
 *
 * IPC: sends {port} when listening; answers "stats" with {messages, recipients, duplicates}.
 */
import { randomBytes } from 'node:crypto'
import type { AddressInfo, Socket } from 'node:net'
import { SMTPServer } from 'smtp-server'

let messages = 0
let duplicates = 0
const recipients = new Set<string>()
let sequence = 0
const prefix = randomBytes(3).toString('hex').toUpperCase()

const server = new SMTPServer({
  secure: false,
  authOptional: true,
  allowInsecureAuth: true,
  disabledCommands: ['STARTTLS'],
  disableReverseLookup: true,
  hideENHANCEDSTATUSCODES: true,
  logger: false,
  banner: 'Bulletin Press benchmark sink',
  size: 25 * 1024 * 1024,
  socketTimeout: 30_000,
  closeTimeout: 1_000,
  onAuth(auth, _session, callback) {
    callback(null, { user: auth.username ?? 'anonymous' })
  },
  onData(stream, session, callback) {
    stream.on('data', () => undefined)
    stream.on('end', () => {
      messages += 1
      for (const address of session.envelope.rcptTo) {
        if (recipients.has(address.address)) duplicates += 1
        else recipients.add(address.address)
      }
      sequence += 1
      callback(null, `2.0.0 Ok: queued as ${prefix}${sequence.toString(16).toUpperCase().padStart(8, '0')}`)
    })
  },
})
server.on('error', () => undefined)
server.server.on('connection', (socket: Socket) => socket.setNoDelay(true))
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.server.address() as AddressInfo).port })
})
process.on('message', (message: unknown) => {
  if (message === 'stats') {
    const cpu = process.cpuUsage()
    process.send?.({ messages, recipients: recipients.size, duplicates, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: process.memoryUsage().rss / 1048576 })
  }
  if (message === 'reset') {
    messages = 0
    duplicates = 0
    recipients.clear()
  }
})
process.on('disconnect', () => process.exit(0))
