import type { CollectionConfig } from 'payload'

import { isEditorOrAdmin } from '../src/access/isEditorOrAdmin'
import { nobody } from '../src/access/nobody'
import { DELIVERY_STATUSES } from '../src/delivery/states'

/**
 * The delivery ledger: one record per (campaign, subscriber), unique, written only by the
 * delivery engine (src/delivery/ledger.ts). It is how the bulletin can say, after any crash,
 * exactly who got the issue: queued -> sending -> accepted (with the server's reply and
 * queue id) | deferred (next try at) | bounced (5xx) | failed (retries exhausted), plus
 * unknown (at-most-once, in flight at a crash) and skipped (left the list before sending).
 * "Accepted" means the receiving server took the message; it is not "delivered to an inbox".
 */
export const Deliveries: CollectionConfig = {
  slug: 'deliveries',
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'status', 'attempts', 'response', 'campaign', 'updatedAt'],
    group: 'Newsletter',
    description: 'One line per subscriber and campaign. "Accepted": the mail server took the message; not proof it reached the inbox.',
  },
  access: {
    read: isEditorOrAdmin,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  // Unique per campaign and subscriber: the ledger can never hold one reader twice.
  // The second index serves the engine's "next queued deliveries of this campaign" query.
  indexes: [
    { fields: ['campaign', 'subscriber'], unique: true },
    { fields: ['campaign', 'status'] },
  ],
  fields: [
    { name: 'campaign', type: 'relationship', relationTo: 'campaigns', required: true, index: true },
    { name: 'subscriber', type: 'relationship', relationTo: 'subscribers', required: true, index: true },
    { name: 'email', type: 'text', required: true, admin: { description: 'The address the message went (or goes) to.' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      index: true,
      options: DELIVERY_STATUSES.map((value) => ({ value, label: value[0].toUpperCase() + value.slice(1) })),
    },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'nextAttemptAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'messageId', type: 'text', admin: { description: 'The same on every attempt, so a resent copy can be recognised.' } },
    { name: 'response', type: 'text', admin: { description: "The mail server's last reply, in its own words." } },
    { name: 'responseCode', type: 'number' },
    { name: 'queueId', type: 'text', admin: { description: 'The id the server gave the accepted message ("queued as …").' } },
    { name: 'acceptedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'lastAttemptAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    // The engine's reservation: which worker holds this delivery, until when.
    { name: 'leaseOwner', type: 'text', admin: { hidden: true } },
    { name: 'leaseUntil', type: 'date', admin: { hidden: true } },
  ],
}
