import type { CollectionConfig } from 'payload'

import { anyone } from '../src/access/anyone'
import { canEditContent } from '../src/access/canEditContent'
import { isEditorOrAdmin } from '../src/access/isEditorOrAdmin'
import { isStaffField } from '../src/access/isStaff'
import { signalContentChange, signalContentDelete } from './hooks/signalContentChange'

export const Authors: CollectionConfig = {
  slug: 'authors',
  hooks: { afterChange: [signalContentChange], afterDelete: [signalContentDelete] },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'nameInScript', 'privateEmail'], group: 'Content' },
  access: {
    // Authors carry no drafts: a name and affiliation are public once printed.
    read: anyone,
    create: canEditContent,
    update: canEditContent,
    delete: isEditorOrAdmin,
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'honorific', type: 'text', label: 'Title', admin: { width: '15%', description: 'Dr, Ms, Prof' } },
        { name: 'name', type: 'text', required: true, admin: { width: '45%', description: 'As printed, e.g. "KIM Minji" or "Phan Chí Hiếu".' } },
        { name: 'nameInScript', type: 'text', label: 'Name in own script', admin: { width: '40%', description: 'e.g. Hangul: 김민지' } },
      ],
    },
    {
      name: 'affiliations',
      type: 'array',
      label: 'Affiliation lines',
      labels: { singular: 'Affiliation', plural: 'Affiliations' },
      admin: { description: 'One position a line, printed under the name in this order.' },
      fields: [{ name: 'line', type: 'text', required: true }],
    },
    { name: 'photo', type: 'upload', relationTo: 'media' },
    {
      name: 'privateEmail',
      type: 'email',
      admin: { description: 'For the committee only; never printed or published.' },
      access: { read: isStaffField },
    },
  ],
}
