import type { CollectionConfig } from 'payload'

import { canEditContent } from '../src/access/canEditContent'
import { entriesOfPublishedChronology } from '../src/access/entriesOfPublishedChronology'
import { systemOnly } from '../src/access/systemOnly'
import { COUNTRY_OPTIONS } from '../src/chronology/countryOptions'
import { dayDateField } from '../src/fields/dayDate'
import { reopenChronologyReview } from './hooks/reopenChronologyReview'
import { signalContentChange, signalContentDelete } from './hooks/signalContentChange'
import { withholdChangedEntry } from './hooks/withholdChangedEntry'

/** One line of the chronology table: the day cell is printed from the dates. */
export const ChronologyEntries: CollectionConfig = {
  slug: 'chronology-entries',
  labels: { singular: 'Chronology entry', plural: 'Chronology entries' },
  admin: { defaultColumns: ['startDate', 'endDate', 'chronology', 'countries'], group: 'Content' },
  access: {
    read: entriesOfPublishedChronology,
    create: canEditContent,
    update: canEditContent,
    delete: canEditContent,
  },
  defaultSort: 'startDate',
  fields: [
    { name: 'chronology', type: 'relationship', relationTo: 'chronologies', required: true, index: true },
    {
      type: 'row',
      fields: [dayDateField('startDate', 'Start date', true), dayDateField('endDate', 'End date', true)],
    },
    {
      name: 'paragraphs',
      type: 'array',
      minRows: 1,
      labels: { singular: 'Paragraph', plural: 'Paragraphs' },
      fields: [{ name: 'text', type: 'textarea', required: true }],
    },
    {
      name: 'countries',
      type: 'select',
      hasMany: true,
      options: COUNTRY_OPTIONS,
      admin: { description: 'Countries involved; suggested on import, confirmed by the editor.' },
    },
    {
      name: 'orderInDay',
      type: 'number',
      defaultValue: 0,
      admin: { description: 'Order among entries that start on the same day.' },
    },
    {
      name: 'publishedWithChronology',
      type: 'checkbox',
      label: 'Published with the chronology',
      defaultValue: false,
      index: true,
      // Set when the chronology is published (publishChronologyEntries), cleared when the entry changes.
      access: { create: systemOnly, update: systemOnly },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Readers see an entry once its chronology is published with it. A new or changed entry waits for the next publication.',
      },
    },
  ],
  hooks: {
    beforeValidate: [
      ({ data }) => {
        // An entry without an end date is a one-day entry.
        if (data && data.startDate && !data.endDate) data.endDate = data.startDate
        return data
      },
    ],
    beforeChange: [withholdChangedEntry],
    afterChange: [reopenChronologyReview, signalContentChange],
    afterDelete: [signalContentDelete],
  },
}
