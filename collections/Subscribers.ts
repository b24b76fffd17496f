import type { CollectionConfig } from 'payload'

import { isEditorOrAdmin } from '../src/access/isEditorOrAdmin'

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed', 'bounced', 'complained'] as const

/** The newsletter's readers. Only editors and admins see them. */
export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'status'], group: 'Newsletter' },
  access: {
    read: isEditorOrAdmin,
    create: isEditorOrAdmin,
    update: isEditorOrAdmin,
    delete: isEditorOrAdmin,
  },
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
      admin: { readOnly: true },
      fields: [
        { name: 'at', type: 'date', required: true },
        { name: 'from', type: 'text' },
        { name: 'to', type: 'text', required: true },
        { name: 'reason', type: 'text' },
      ],
    },
  ],
}
