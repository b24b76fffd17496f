import type { CollectionConfig } from 'payload'

import { canEditContent } from '../src/access/canEditContent'
import { canEditContentOrLayout } from '../src/access/canEditContentOrLayout'
import { isEditorOrAdmin } from '../src/access/isEditorOrAdmin'
import { publishedOrStaff } from '../src/access/publishedOrStaff'
import { lockedForProduction } from '../src/fields/layout'
import { reviewFields } from '../src/fields/reviewFields'
import { dayDateField } from '../src/fields/dayDate'
import { draftsWithAutosave, reviewedContentHooks } from './shared'

/** An event at the Korea Centre and its photos, for the "Highlights" grid. */
export const Highlights: CollectionConfig = {
  slug: 'highlights',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'eventDate', 'issue', 'reviewStatus', 'assignee', '_status'], group: 'Content' },
  access: {
    read: publishedOrStaff,
    create: canEditContent,
    update: canEditContentOrLayout,
    delete: isEditorOrAdmin,
  },
  versions: draftsWithAutosave,
  hooks: reviewedContentHooks,
  fields: [
    ...lockedForProduction([
      { name: 'title', type: 'text', admin: { description: 'Optional: a captioned photo group needs no title.' } },
      dayDateField('eventDate', 'Event date'),
      {
        name: 'photos',
        type: 'array',
        minRows: 1,
        labels: { singular: 'Photo', plural: 'Photos' },
        fields: [
          { name: 'image', type: 'upload', relationTo: 'media', required: true },
          { name: 'caption', type: 'textarea', admin: { description: 'Name the people in the photo; or leave empty and caption the group below.' } },
          { name: 'positionCue', type: 'text', label: 'Position cue', admin: { description: '"(Top)", "(Below, from left)", "(Right)"' } },
        ],
      },
      {
        name: 'caption',
        type: 'textarea',
        label: 'Caption of the group',
        admin: { description: 'One caption for all the photos, e.g. "(Top) … (Below, from left) … and (right) …".' },
      },
      { name: 'issue', type: 'relationship', relationTo: 'issues' },
    ]),
    ...reviewFields(),
  ],
}
