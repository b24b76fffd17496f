import type { CollectionConfig } from 'payload'

import { isEditorOrAdmin } from '../src/access/isEditorOrAdmin'
import { nobody } from '../src/access/nobody'
import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS } from '../src/audit/actions'
import { auditChange } from '../src/audit/labels'

const readOnly = { readOnly: true } as const

/**
 * Who did what and when: review status changes, publishing, PDF exports, campaign starts,
 * subscriber imports, notes and assignments. Written only by src/audit/record.ts
 * (recordAudit, with overrideAccess); nobody creates, edits or deletes an entry through
 * the admin or the API.
 *
 * The item is copied as text (collection, id, title) and the member as email beside the
 * relationship, so an entry still reads the same after the item or the member is deleted.
 *
 * Editors and admins read it; production editors and assistants do not (it names every
 * member's actions and the subscriber imports: oversight is the editors' job).
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: 'Audit entry', plural: 'Audit log' },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['at', 'action', 'collectionSlug', 'documentTitle', 'change', 'userEmail'],
    listSearchableFields: ['documentTitle', 'userEmail', 'documentId', 'summary'],
    group: 'Settings',
    description: 'Read-only record of the committee\'s actions. Kept when the item is deleted.',
  },
  access: {
    read: isEditorOrAdmin,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  defaultSort: '-at',
  timestamps: true,
  fields: [
    { name: 'at', type: 'date', required: true, index: true, admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: AUDIT_ACTIONS.map((value) => ({ value, label: AUDIT_ACTION_LABELS[value] })),
      admin: readOnly,
    },
    { name: 'summary', type: 'text', admin: readOnly },
    {
      // Not stored: from/to as a person reads them ("Draft → In review"), for the list and the entry.
      name: 'change',
      type: 'text',
      virtual: true,
      admin: readOnly,
      hooks: {
        // A dash where nothing changed state: an empty cell would read "<No Change>" in the list.
        afterRead: [({ siblingData }) => auditChange(siblingData?.action, siblingData?.from, siblingData?.to) ?? '—'],
      },
    },
    {
      type: 'row',
      fields: [
        { name: 'collectionSlug', type: 'text', label: 'Collection', index: true, admin: { ...readOnly, width: '30%' } },
        { name: 'documentId', type: 'text', label: 'Document ID', index: true, admin: { ...readOnly, width: '20%' } },
        { name: 'documentTitle', type: 'text', label: 'Title', admin: { ...readOnly, width: '50%' } },
      ],
    },
    {
      type: 'row',
      fields: [
        // Machine values ("inReview"), which code filters by; "Change" shows them with labels.
        { name: 'from', type: 'text', label: 'From (value)', admin: { ...readOnly, width: '50%' } },
        { name: 'to', type: 'text', label: 'To (value)', admin: { ...readOnly, width: '50%' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'user', type: 'relationship', relationTo: 'users', index: true, admin: { ...readOnly, width: '50%' } },
        {
          name: 'userEmail',
          type: 'text',
          label: 'By',
          admin: { ...readOnly, width: '50%', description: 'The member\'s email at the time, or "the command line", "a job".' },
        },
      ],
    },
    { name: 'details', type: 'json', admin: readOnly },
  ],
}
