/**
 * The campaign's SMTP connection pool: nodemailer's pooled transport on SMTP_URL with the
 * worker's settings (connections, messages per second, timeouts). Without SMTP_URL, in
 * development, messages go to the outbox folder like all other mail (src/mail/transport.ts).
 */
import net from 'node:net'
import nodemailer, { type Transporter } from 'nodemailer'
import { parseConnectionUrl } from 'nodemailer/lib/shared'
import type SMTPPool from 'nodemailer/lib/smtp-pool'

import type { Env } from '../env'
import type { CampaignSettings } from './campaignSettings'
import { outboxTransport } from '../mail/transport'

type SocketCallback = (err: Error | null, socketOptions?: { connection: net.Socket }) => void

export function createCampaignTransport(env: Pick<Env, 'SMTP_URL' | 'OUTBOX_DIR'>, settings: CampaignSettings): Transporter {
  if (!env.SMTP_URL) return nodemailer.createTransport(outboxTransport(env.OUTBOX_DIR))
  // The URL is parsed here, not passed as `url`: given a `url`, nodemailer.createTransport
  // builds from the URL alone and drops every other option (the pool, its size, the
  // timeouts, getSocket), which sent each message on a fresh unpooled connection.
  const fromUrl = parseConnectionUrl(env.SMTP_URL)
  const secure = Boolean(fromUrl.secure)
  const options: SMTPPool.Options = {
    ...fromUrl,
    pool: true,
    maxConnections: settings.connections,
    maxMessages: Infinity,
    connectionTimeout: Math.min(settings.smtpTimeoutMs, 30_000),
    greetingTimeout: Math.min(settings.smtpTimeoutMs, 30_000),
    socketTimeout: settings.smtpTimeoutMs,
    ...(settings.messagesPerSecond > 0 ? { rateDelta: 1000, rateLimit: settings.messagesPerSecond } : {}),
  }
  if (!secure) {
    // nodemailer writes a message's final "." on its own; with Nagle's algorithm that small
    // write waits for the server's delayed ACK (~40 ms a message). TCP_NODELAY avoids it.
    // STARTTLS, when the server offers it, upgrades this same socket.
    const port = fromUrl.port ?? 587
    const host = fromUrl.host ?? 'localhost'
    options.getSocket = (_options: unknown, callback: SocketCallback) => {
      const socket = net.connect(port, host)
      const failed = (err: Error) => callback(err)
      socket.once('error', failed)
      socket.once('connect', () => {
        socket.off('error', failed)
        socket.setNoDelay(true)
        callback(null, { connection: socket })
      })
    }
  }
  return nodemailer.createTransport(options)
}
