/**
 * Hands one message to the configured transport: Payload's email adapter, created in
 * payload.config.ts from SMTP_URL (or the development outbox under data/). Every mail the
 * bulletin sends goes through here, so tests point SMTP_URL at a sink and see all of it.
 */
import nodemailer from 'nodemailer'
import type Mail from 'nodemailer/lib/mailer'
import type { Payload } from 'payload'

import { formatAddress } from './sender'

/** What the SMTP server (or the outbox) said: "accepted" is not "delivered to an inbox". */
export interface SendReceipt {
  messageId: string
  accepted: string[]
  rejected: string[]
  response: string
}

interface TransportInfo {
  messageId?: string
  accepted?: Array<string | Mail.Address>
  rejected?: Array<string | Mail.Address>
  response?: string
}

export async function sendMessage(payload: Payload, message: Mail.Options): Promise<SendReceipt> {
  // The adapter would join an object sender as `name <address>` unquoted, which breaks on
  // a comma in the name; a quoted string goes through as written.
  const from =
    message.from && typeof message.from === 'object' && !Array.isArray(message.from)
      ? formatAddress(message.from.name ?? '', message.from.address)
      : message.from
  const info = ((await payload.sendEmail({ ...message, from } as Parameters<Payload['sendEmail']>[0])) ?? {}) as TransportInfo
  const address = (a: string | Mail.Address) => (typeof a === 'string' ? a : a.address)
  return {
    messageId: info.messageId ?? (typeof message.messageId === 'string' ? message.messageId : ''),
    accepted: (info.accepted ?? []).map(address),
    rejected: (info.rejected ?? []).map(address),
    response: info.response ?? '',
  }
}

/**
 * The complete MIME message as a receiving server would get it (DKIM-signed when the
 * options carry DKIM settings), without sending it: for `render-email`'s newsletter.eml.
 */
export async function messageToEml(message: Mail.Options): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
  const info = await transport.sendMail(message)
  return info.message as Buffer
}
