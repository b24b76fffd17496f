import type { CollectionConfig } from 'payload'

import { isEditorOrAdmin } from '../src/access/isEditorOrAdmin'
import { systemOnly } from '../src/access/systemOnly'
import { SUBSCRIBER_STATUSES } from '../src/subscribers/statuses'
import { exportSubscribersEndpoint, importSubscribersEndpoint } from '../src/api/subscriberList'
import { recordStatusChange } from './hooks/recordStatusChange'

export { SUBSCRIBER_STATUSES }

/**
 * The newsletter's readers. Only editors and admins see them. Readers join through the
 * double opt-in form or an imported list (src/subscribers/); every change of
 * status is written to the history by recordStatusChange.
 */
export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'status', 'updatedAt'],
    group: 'Newsletter',
    components: { beforeListTable: ['/admin/SubscriberListTools#SubscriberListTools'] },
  },
  access: {
    read: isEditorOrAdmin,
    create: isEditorOrAdmin,
    update: isEditorOrAdmin,
    delete: isEditorOrAdmin,
  },
  hooks: { beforeChange: [recordStatusChange] },
  endpoints: [importSubscribersEndpoint, exportSubscribersEndpoint],
  fields: [
    {
      name: 'email',
      type: 'email',
      required: true,
      unique: true,
      index: true,
      hooks: {
        // Unique regardless of case: one reader, one address.
        beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)],
      },
    },
    { name: 'name', type: 'text' },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: SUBSCRIBER_STATUSES.map((value) => ({ value, label: value[0].toUpperCase() + value.slice(1) })),
    },
    {
      name: 'consent',
      type: 'group',
      admin: { description: 'How and when this reader agreed to receive the bulletin.' },
      fields: [
        { name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'method',
          type: 'select',
          options: [
            { value: 'form', label: 'Subscribe form (double opt-in)' },
            { value: 'import', label: 'Imported list' },
            { value: 'manual', label: 'Added by an editor' },
          ],
        },
        { name: 'source', type: 'text', admin: { description: 'Page or file it came from.' } },
      ],
    },
    {
      name: 'history',
      type: 'array',
      admin: { readOnly: true, description: 'Every change of status, written by the system.' },
      access: { create: systemOnly, update: systemOnly },
      fields: [
        { name: 'at', type: 'date', required: true },
        { name: 'from', type: 'text' },
        { name: 'to', type: 'text', required: true },
        { name: 'reason', type: 'text' },
      ],
    },
  ],
}
