import type { CollectionConfig } from 'payload'

import { canEditContent } from '../src/access/canEditContent'
import { canEditContentOrLayout } from '../src/access/canEditContentOrLayout'
import { isEditorOrAdmin } from '../src/access/isEditorOrAdmin'
import { publishedOrStaff } from '../src/access/publishedOrStaff'
import { lockedForProduction } from '../src/fields/layout'
import { reviewFields } from '../src/fields/reviewFields'
import { contentsTitleField } from '../src/fields/contentsTitle'
import { dayDateField } from '../src/fields/dayDate'
import { publishChronologyEntries } from './hooks/publishChronologyEntries'
import { draftsWithAutosave, reviewedContentHooks } from './shared'

/** The "Primary Documents and Resources" section of an issue; its entries live apart. */
export const Chronologies: CollectionConfig = {
  slug: 'chronologies',
  labels: { singular: 'Chronology', plural: 'Chronologies' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'issue', 'periodStart', 'reviewStatus', 'assignee', '_status'], group: 'Content' },
  access: {
    read: publishedOrStaff,
    create: canEditContent,
    update: canEditContentOrLayout,
    delete: isEditorOrAdmin,
  },
  versions: draftsWithAutosave,
  hooks: {
    ...reviewedContentHooks,
    afterChange: [...reviewedContentHooks.afterChange, publishChronologyEntries],
  },
  fields: [
    ...lockedForProduction([
      { name: 'title', type: 'text', required: true, defaultValue: 'ASEAN - Korea Relations: A Chronology of Key Events' },
      contentsTitleField(),
      {
        name: 'periodInContents',
        type: 'checkbox',
        defaultValue: false,
        label: 'Add the period to the line in "In this issue"',
        admin: { description: 'e.g. "…, April 2024 to June 2024"' },
      },
      { name: 'issue', type: 'relationship', relationTo: 'issues' },
      {
        type: 'row',
        fields: [dayDateField('periodStart', 'Period from', true), dayDateField('periodEnd', 'Period to', true)],
      },
      {
        type: 'row',
        fields: [
          { name: 'compiler', type: 'text', required: true, admin: { width: '40%' } },
          { name: 'compilerAffiliation', type: 'text', label: 'Compiler\'s affiliation', admin: { width: '60%' } },
        ],
      },
      { name: 'intro', type: 'textarea', admin: { description: 'Paragraphs separated by a blank line.' } },
      {
        name: 'sourcesNote',
        type: 'textarea',
        label: 'Sources',
        admin: { description: '"This chronology of events is cross-referenced from the following …"' },
      },
    ]),
    ...reviewFields(),
  ],
}
