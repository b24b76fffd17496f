/**
 * Who the bulletin's mail comes from: the publication settings' "Newsletter sender" group,
 * falling back to MAIL_FROM_NAME / MAIL_FROM_ADDRESS, read once per send.
 */
import type { Payload } from 'payload'

import { env } from '../env'
import type { PublicationSetting } from '../payload-types'
import type { NewsletterSender } from './newsletterMessage'

export interface SenderSettings extends NewsletterSender {
  bulletinName: string
  centre: string
  institute: string
  postalAddress: string
  /** Where RFC 2369 mailto unsubscribes go: the reply-to address, else the sender. */
  unsubscribeMailbox: string
  /** Right-hand side of Message-IDs: the sender's domain. */
  messageIdDomain: string
}

export async function senderSettings(payload: Payload): Promise<SenderSettings> {
  const settings = (await payload.findGlobal({
    slug: 'publication-settings',
    depth: 0,
    overrideAccess: true,
  })) as PublicationSetting
  const config = env()
  const fromAddress = settings.email?.fromAddress || config.MAIL_FROM_ADDRESS
  const replyTo = settings.email?.replyTo || undefined
  const bulletinName = settings.bulletinName || config.MAIL_FROM_NAME
  return {
    fromName: settings.email?.fromName || bulletinName,
    fromAddress,
    replyTo,
    bulletinName,
    centre: settings.centre ?? '',
    institute: settings.institute ?? '',
    postalAddress: settings.postalAddress ?? '',
    unsubscribeMailbox: replyTo ?? fromAddress,
    messageIdDomain: domainOf(fromAddress),
  }
}

function domainOf(address: string): string {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase()
  return /^[a-z0-9.-]+$/.test(domain) && !domain.startsWith('.') && !domain.endsWith('.') ? domain : 'localhost.localdomain'
}

/** `"Korea Bulletin" <bulletin@example.org>`: quoted, so commas in a name stay in the name. */
export function formatAddress(name: string, address: string): string {
  const clean = name.replace(/[\r\n]+/g, ' ').trim()
  if (!clean) return address
  return `"${clean.replace(/(["\\])/g, '\\$1')}" <${address}>`
}
