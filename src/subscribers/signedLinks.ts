/**
 * The signed links a subscriber's mail carries. Kept apart from the services so the
 * campaign message and the test send can build them without loading the subscriber list.
 */
import { env } from '../env'
import { siteLinks } from '../mail/siteLinks'
import { signToken } from './tokens'

/** The signed one-click unsubscribe link for a subscriber (or a sample recipient). */
export function unsubscribeUrlFor(recipient: { id: string; email: string }): string {
  const token = signToken(env().PAYLOAD_SECRET, { purpose: 'unsubscribe', subscriberId: recipient.id, email: recipient.email })
  return siteLinks.unsubscribe(token)
}
