import fs from 'node:fs'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import type SMTPTransport from 'nodemailer/lib/smtp-transport'

import type { Env } from '../env'

/**
 * The mail transport: SMTP from SMTP_URL, or in development a local outbox folder that
 * receives one .eml file per message. Never Payload's default, which would try to create
 * an Ethereal test account over the internet.
 */
export function createMailTransport(env: Pick<Env, 'SMTP_URL' | 'OUTBOX_DIR'>): Transporter {
  if (env.SMTP_URL) return nodemailer.createTransport(env.SMTP_URL)
  return nodemailer.createTransport(outboxTransport(path.resolve(env.OUTBOX_DIR)))
}

let sequence = 0

/** A nodemailer transport that writes each message as an .eml file. */
export function outboxTransport(dir: string): nodemailer.Transport<SMTPTransport.SentMessageInfo> {
  return {
    name: 'bulletin-outbox',
    version: '1',
    send(mail, callback) {
      const chunks: Buffer[] = []
      const stream = mail.message.createReadStream()
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', (error: Error) => callback(error, undefined as never))
      stream.on('end', () => {
        try {
          fs.mkdirSync(dir, { recursive: true })
          const stamp = new Date().toISOString().replace(/[:.]/g, '-')
          sequence += 1
          const file = path.join(dir, `${stamp}-${process.pid}-${sequence}.eml`)
          fs.writeFileSync(file, Buffer.concat(chunks))
          const envelope = mail.message.getEnvelope()
          callback(null, {
            envelope,
            messageId: mail.message.messageId(),
            accepted: envelope.to,
            rejected: [],
            pending: [],
            response: `250 written to ${file}`,
          })
        } catch (error) {
          callback(error as Error, undefined as never)
        }
      })
    },
  }
}
