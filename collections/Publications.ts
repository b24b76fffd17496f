import { lexicalEditor } from '@payloadcms/richtext-lexical'
import type { CollectionConfig } from 'payload'

import { canEditContent } from '../src/access/canEditContent'
import { canEditContentOrLayout } from '../src/access/canEditContentOrLayout'
import { isEditorOrAdmin } from '../src/access/isEditorOrAdmin'
import { publishedOrStaff } from '../src/access/publishedOrStaff'
import { lockedForProduction } from '../src/fields/layout'
import { contentsTitleField } from '../src/fields/contentsTitle'
import { publicationKindField } from '../src/fields/publicationKind'
import { reviewFields } from '../src/fields/reviewFields'
import { draftsWithAutosave, reviewedContentHooks } from './shared'

const names = (name: string, label: string) => ({
  name,
  type: 'array' as const,
  labels: { singular: label, plural: `${label}s` },
  fields: [{ name: 'name', type: 'text' as const, required: true, admin: { description: 'Family names in capitals where printed so, e.g. "KIM Minji".' } }],
})

export const Publications: CollectionConfig = {
  slug: 'publications',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'kind', 'year', 'reviewStatus', 'assignee', '_status'], group: 'Content' },
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
      publicationKindField(),
      { name: 'title', type: 'text', required: true },
      { name: 'subtitle', type: 'text' },
      contentsTitleField(),
      names('editors', 'Editor'),
      {
        type: 'row',
        fields: [
          { name: 'publisher', type: 'text', required: true, admin: { width: '40%' } },
          { name: 'place', type: 'text', admin: { width: '30%', description: 'London and New York' } },
          { name: 'year', type: 'number', required: true, min: 1900, max: 2200, admin: { width: '15%' } },
          { name: 'isbn', type: 'text', label: 'ISBN', admin: { width: '15%' } },
        ],
      },
      { name: 'cover', type: 'upload', relationTo: 'media' },
      { name: 'description', type: 'richText', editor: lexicalEditor({}) },
      { name: 'url', type: 'text', label: 'Publisher\'s page', admin: { description: 'Printed as "For more details, visit …".' } },
      {
        name: 'contents',
        type: 'array',
        label: 'Table of contents',
        labels: { singular: 'Part', plural: 'Parts' },
        admin: { description: 'Parts with their chapters. Leave the part title empty when chapters are not grouped; leave a chapter\'s number empty for front and back matter ("List of Figures and Tables", "Contributors").' },
        fields: [
          { name: 'title', type: 'text', label: 'Part title' },
          {
            name: 'chapters',
            type: 'array',
            labels: { singular: 'Chapter', plural: 'Chapters' },
            fields: [
              {
                type: 'row',
                fields: [
                  { name: 'number', type: 'number', min: 1, admin: { width: '15%', description: 'Empty: unnumbered' } },
                  { name: 'title', type: 'text', required: true, admin: { width: '85%' } },
                ],
              },
              names('authors', 'Author'),
            ],
          },
        ],
      },
    ]),
    ...reviewFields(),
  ],
}
