import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import type { CollectionConfig } from 'payload'

import { canEditContentOrLayout } from '../src/access/canEditContentOrLayout'
import { canEditContent } from '../src/access/canEditContent'
import { isEditorOrAdmin } from '../src/access/isEditorOrAdmin'
import { publishedOrStaff } from '../src/access/publishedOrStaff'
import { contentsTitleField } from '../src/fields/contentsTitle'
import { reviewFields } from '../src/fields/reviewFields'
import { withLayoutFields } from '../src/fields/layout'
import { slugField } from '../src/fields/slug'
import { Figure } from './blocks/Figure'
import { PullQuote } from './blocks/PullQuote'
import { draftsWithAutosave, reviewedContentHooks } from './shared'

export const Essays: CollectionConfig = {
  slug: 'essays',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'authors', 'issue', 'reviewStatus', 'assignee', '_status'], group: 'Content' },
  access: {
    read: publishedOrStaff,
    create: canEditContent,
    update: canEditContentOrLayout,
    delete: isEditorOrAdmin,
  },
  versions: draftsWithAutosave,
  hooks: reviewedContentHooks,
  // The review fields stay outside withLayoutFields: production editors set "layout ready".
  fields: [
    ...withLayoutFields(
      [
        { name: 'title', type: 'text', required: true },
        contentsTitleField(),
        slugField(),
        {
          name: 'authors',
          type: 'relationship',
          relationTo: 'authors',
          hasMany: true,
          admin: { description: 'In the order they are printed.' },
        },
        {
          name: 'standfirst',
          type: 'textarea',
          admin: { description: 'Two or three sentences: the teaser in the email newsletter.' },
        },
        {
          name: 'body',
          type: 'richText',
          required: true,
          editor: lexicalEditor({
            features: ({ defaultFeatures }) => [...defaultFeatures, BlocksFeature({ blocks: [PullQuote, Figure] })],
          }),
        },
        {
          type: 'row',
          fields: [
            { name: 'issue', type: 'relationship', relationTo: 'issues', admin: { width: '70%' } },
            { name: 'order', type: 'number', defaultValue: 1, min: 1, admin: { width: '30%', description: 'Position in the issue.' } },
          ],
        },
      ],
      [
        { name: 'startOnNewPage', type: 'checkbox', defaultValue: false },
        {
          name: 'pullQuoteSize',
          type: 'select',
          defaultValue: 'large',
          options: [
            { value: 'medium', label: 'Medium' },
            { value: 'large', label: 'Large' },
          ],
        },
      ],
    ),
    ...reviewFields(),
  ],
}
