import type { CollectionConfig, Field } from 'payload'

import { canEditDraftCampaign } from '../src/access/canEditDraftCampaign'
import { isEditorOrAdmin } from '../src/access/isEditorOrAdmin'
import { systemOnly } from '../src/access/systemOnly'
import { CAMPAIGN_STATUSES, DELIVERY_POLICIES, DELIVERY_STATUSES } from '../src/delivery/states'
import { campaignEndpoints } from '../src/api/campaigns'

const label = (value: string) => value[0].toUpperCase() + value.slice(1).replace(/-/g, ' ')

/** Written by the delivery engine only; shown read-only. */
const system = (field: Field): Field =>
  ({ ...field, access: { create: systemOnly, update: systemOnly }, admin: { ...field.admin, readOnly: true } }) as Field

/**
 * Sending an issue to the list. A campaign belongs to an issue; when it starts, the message
 * (the published issue, the sender, the links) is frozen with a content hash and the
 * audience (the subscribers confirmed at that moment) becomes its ledger: one delivery per
 * subscriber (collections/Deliveries.ts). Status changes only through the campaign service
 * (src/delivery/campaign.ts): the panel above the fields, `bulletin send` and the worker.
 */
export const Campaigns: CollectionConfig = {
  slug: 'campaigns',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'issue', 'status', 'startedAt', 'finishedAt'],
    group: 'Newsletter',
    description: 'Send an issue to the confirmed subscribers. "Accepted" means the mail server took the message, not that it reached an inbox.',
  },
  access: {
    read: isEditorOrAdmin,
    create: isEditorOrAdmin,
    update: canEditDraftCampaign,
    delete: canEditDraftCampaign,
  },
  defaultSort: '-createdAt',
  endpoints: campaignEndpoints,
  hooks: {
    beforeChange: [
      async ({ data, operation, req }) => {
        if (operation !== 'create' || data.name || !data.issue) return data
        const issueId = typeof data.issue === 'object' ? (data.issue as { id: number | string }).id : data.issue
        const issue = await req.payload.findByID({ collection: 'issues', id: issueId, depth: 0, draft: true, overrideAccess: true, req })
        return { ...data, name: `${issue.title} — newsletter` }
      },
    ],
  },
  fields: [
    {
      name: 'panel',
      type: 'ui',
      admin: { components: { Field: '/admin/CampaignPanel#CampaignPanel' } },
    },
    { name: 'name', type: 'text', admin: { description: 'For the committee; left empty, it is named after the issue.' } },
    { name: 'issue', type: 'relationship', relationTo: 'issues', required: true, index: true },
    {
      name: 'policy',
      type: 'select',
      required: true,
      defaultValue: 'at-least-once',
      options: DELIVERY_POLICIES.map((value) => ({ value, label: label(value) })),
      admin: {
        description:
          'After a crash, a message whose sending was under way may have reached the server. At least once: send it again (same Message-ID, so mail clients can drop the copy). At most once: never again; it is marked "unknown" for you to decide.',
      },
    },
    system({
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: CAMPAIGN_STATUSES.map((value) => ({ value, label: label(value) })),
    }),
    system({ name: 'scheduledAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } }),
    system({ name: 'startedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } }),
    system({ name: 'startedBy', type: 'relationship', relationTo: 'users' }),
    system({
      name: 'startedVia',
      type: 'select',
      options: [
        { value: 'admin', label: 'Admin' },
        { value: 'cli', label: 'Command line' },
        { value: 'schedule', label: 'Schedule' },
      ],
    }),
    system({ name: 'finishedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } }),
    system({
      name: 'message',
      type: 'group',
      admin: { description: 'The message as frozen when the campaign started.' },
      fields: [
        { name: 'subject', type: 'text' },
        { name: 'contentHash', type: 'text', admin: { description: 'SHA-256 of the frozen issue, sender, links and rendered templates.' } },
        { name: 'snapshot', type: 'json', admin: { hidden: true } },
      ],
    }),
    system({
      name: 'audience',
      type: 'group',
      fields: [
        { name: 'frozen', type: 'checkbox', defaultValue: false },
        { name: 'size', type: 'number', admin: { description: 'Subscribers confirmed when the campaign started.' } },
        { name: 'alreadySent', type: 'number', admin: { description: 'Left out: an earlier campaign of this issue already reached them.' } },
        { name: 'cursor', type: 'text', admin: { hidden: true } },
        { name: 'frozenAt', type: 'date' },
      ],
    }),
    system({
      name: 'counts',
      type: 'group',
      admin: { description: 'Deliveries per state, as last counted by a worker.' },
      fields: DELIVERY_STATUSES.map((name) => ({ name, type: 'number' as const, defaultValue: 0 })),
    }),
    system({ name: 'lease', type: 'group', admin: { hidden: true }, fields: [
      { name: 'owner', type: 'text' },
      { name: 'until', type: 'date' },
    ] }),
    system({ name: 'workerSeenAt', type: 'date', admin: { hidden: true } }),
    system({ name: 'lastError', type: 'textarea' }),
  ],
}
