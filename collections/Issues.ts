import type { Block, CollectionConfig } from 'payload'

import { canEditContentOrLayout } from '../src/access/canEditContentOrLayout'
import { canImportChronology } from '../src/access/canImportChronology'
import { canProof } from '../src/access/canProof'
import { isEditorOrAdmin } from '../src/access/isEditorOrAdmin'
import { publishedOrStaff } from '../src/access/publishedOrStaff'
import { dayDateField } from '../src/fields/dayDate'
import { withLayoutFields } from '../src/fields/layout'
import { personFields } from '../src/fields/personFields'
import { publicationKindField } from '../src/fields/publicationKind'
import { slugField } from '../src/fields/slug'
import { importChronologyEndpoint } from '../src/api/importChronology'
import { issueNewsletterEndpoints } from '../src/api/issueNewsletter'
import { proofEndpoint, proofPdfEndpoint } from '../src/api/proof'
import { draftsWithScheduledPublish, publishingHooks } from './shared'

const sectionTitle = (defaultValue: string) => ({
  name: 'title',
  type: 'text' as const,
  required: true,
  defaultValue,
  admin: { description: 'As printed in "In this issue".' },
})

/** The ordered sections of an issue, each pointing at its content. */
const sectionBlocks: Block[] = [
  {
    slug: 'essaysSection',
    labels: { singular: 'Essays', plural: 'Essays sections' },
    fields: [
      sectionTitle('Essays'),
      { name: 'essays', type: 'relationship', relationTo: 'essays', hasMany: true, admin: { description: 'In print order.' } },
    ],
  },
  {
    slug: 'highlightsSection',
    labels: { singular: 'Highlights', plural: 'Highlights sections' },
    fields: [
      sectionTitle('Highlights at the Korea Centre'),
      { name: 'highlights', type: 'relationship', relationTo: 'highlights', hasMany: true },
    ],
  },
  {
    slug: 'publicationsSection',
    labels: { singular: 'Publications', plural: 'Publications sections' },
    fields: [
      sectionTitle('Recent Publications'),
      publicationKindField(),
      { name: 'publications', type: 'relationship', relationTo: 'publications', hasMany: true },
    ],
  },
  {
    slug: 'chronologySection',
    labels: { singular: 'Chronology', plural: 'Chronology sections' },
    fields: [
      sectionTitle('Primary Documents and Resources'),
      { name: 'chronology', type: 'relationship', relationTo: 'chronologies', required: true },
    ],
  },
]

export const Issues: CollectionConfig = {
  slug: 'issues',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'volume', 'number', 'publicationDate', '_status'],
    group: 'Content',
    components: {
      views: {
        edit: {
          // What the issue still needs, its sections and items, and the buttons that move it on.
          dashboard: {
            Component: '/admin/IssueDashboardView#IssueDashboardView',
            path: '/dashboard',
            tab: { label: 'Dashboard', href: '/dashboard', order: 110 },
          },
          // The email newsletter of this issue: preview and "Send test".
          newsletter: {
            Component: '/admin/NewsletterView#NewsletterView',
            path: '/newsletter',
            tab: { label: 'Newsletter', href: '/newsletter', order: 150 },
          },
          // Preflight, PDF export and earlier exports, for the production editor.
          print: {
            Component: '/admin/PrintView#PrintView',
            path: '/print',
            tab: { label: 'Print PDF', href: '/print', order: 140 },
          },
          // The pages as they will print, from the latest drafts, set again after each save.
          proof: {
            Component: '/admin/ProofView#ProofView',
            path: '/proof',
            tab: { label: 'Proof', href: '/proof', order: 145, condition: ({ req }) => canProof(req.user) },
          },
          // Paste or upload the compiler's chronology, preview it, import it.
          importChronology: {
            Component: '/admin/ImportChronologyView#ImportChronologyView',
            path: '/import-chronology',
            tab: {
              label: 'Import chronology',
              href: '/import-chronology',
              order: 130,
              condition: ({ req }) => canImportChronology(req.user),
            },
          },
        },
      },
    },
  },
  access: {
    read: publishedOrStaff,
    create: isEditorOrAdmin,
    update: canEditContentOrLayout,
    delete: isEditorOrAdmin,
  },
  versions: draftsWithScheduledPublish,
  hooks: publishingHooks,
  endpoints: [...issueNewsletterEndpoints, importChronologyEndpoint, proofEndpoint, proofPdfEndpoint],
  defaultSort: '-publicationDate',
  fields: withLayoutFields(
    [
      { name: 'title', type: 'text', required: true, admin: { description: 'e.g. "Korea Bulletin, April–June 2024"' } },
      slugField(),
      {
        type: 'row',
        fields: [
          { name: 'volume', type: 'number', min: 1, admin: { width: '25%', description: 'Optional: printed only when given.' } },
          { name: 'number', type: 'number', min: 1, admin: { width: '25%', description: 'Optional: printed only when given.' } },
          {
            name: 'quarter',
            type: 'select',
            required: true,
            admin: { width: '25%' },
            options: [
              { value: '1', label: 'Q1 (January–March)' },
              { value: '2', label: 'Q2 (April–June)' },
              { value: '3', label: 'Q3 (July–September)' },
              { value: '4', label: 'Q4 (October–December)' },
            ],
          },
          { name: 'year', type: 'number', required: true, min: 2000, max: 2200, admin: { width: '25%' } },
        ],
      },
      dayDateField('publicationDate', 'Publication date', true),
      {
        name: 'coverPullQuote',
        type: 'group',
        label: 'Cover pull quote',
        admin: { description: 'Set in capitals between large quotation marks on page 1.' },
        fields: [
          { name: 'text', type: 'textarea' },
          { name: 'attribution', type: 'text' },
        ],
      },
      {
        name: 'editorialCommittee',
        type: 'array',
        labels: { singular: 'Committee member', plural: 'Editorial committee' },
        fields: personFields({ withRole: true }),
      },
      {
        name: 'mastheadOverride',
        type: 'textarea',
        label: 'Masthead text for this issue',
        admin: { description: 'Replaces the "about" paragraph from the publication settings on this issue only.' },
      },
      {
        name: 'editorsIntro',
        type: 'textarea',
        label: 'Editor\'s intro',
        admin: { description: 'A few sentences opening the email newsletter.' },
      },
      { name: 'sections', type: 'blocks', blocks: sectionBlocks, admin: { description: 'In print order.' } },
      {
        name: 'importChronologyLink',
        type: 'ui',
        admin: {
          position: 'sidebar',
          condition: (_data, _siblingData, { user }) => canImportChronology(user),
          components: { Field: '/admin/ImportChronologyLink#ImportChronologyLink' },
        },
      },
    ],
    [
      { name: 'chronologyOnNewPage', type: 'checkbox', defaultValue: true, label: 'Start the chronology on a new page' },
      { name: 'highlightsOnNewPage', type: 'checkbox', defaultValue: true, label: 'Start highlights on a new page' },
      {
        name: 'endMatter',
        type: 'select',
        label: 'Fill the last pages with',
        defaultValue: 'none',
        admin: { description: 'Print is folded in signatures of 4 pages: preflight says how many pages are left to fill.' },
        options: [
          { value: 'none', label: 'Nothing (blank pages)' },
          { value: 'notes', label: 'A notes page' },
          { value: 'backCover', label: 'A back cover: masthead, about and subscribe text' },
          { value: 'houseAd', label: 'A house advertisement (subscribe)' },
        ],
      },
    ],
  ),
}
