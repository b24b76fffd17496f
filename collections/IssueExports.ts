import path from 'node:path'
import type { CollectionConfig } from 'payload'

import { isEditorOrAdmin } from '../src/access/isEditorOrAdmin'
import { isStaffField } from '../src/access/isStaff'
import { nobody } from '../src/access/nobody'
import { staffOrPublishedIssueExport } from '../src/access/staffOrPublishedIssueExport'
import { env } from '../src/env'
import { exportEndpoint, preflightEndpoint } from '../src/api/issueExports'

/** Every PDF exported from an issue, kept with its hash, time and exporter. */
export const IssueExports: CollectionConfig = {
  slug: 'issue-exports',
  labels: { singular: 'PDF export', plural: 'PDF exports' },
  admin: {
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'kind', 'issue', 'exportedAt', 'exportedBy', 'pageCount', 'forced'],
    group: 'Production',
  },
  access: {
    read: staffOrPublishedIssueExport,
    // Only exportIssuePdf writes exports (it checks the role and renders the file itself): an
    // upload through the API could otherwise pass any PDF off as the edition readers get.
    create: nobody,
    update: nobody,
    delete: isEditorOrAdmin,
  },
  upload: {
    staticDir: path.resolve(env().DATA_DIR, 'exports'),
    mimeTypes: ['application/pdf'],
  },
  defaultSort: '-exportedAt',
  endpoints: [preflightEndpoint, exportEndpoint],
  fields: [
    { name: 'issue', type: 'relationship', relationTo: 'issues', required: true, index: true },
    {
      name: 'kind',
      type: 'select',
      required: true,
      // Exports from before the field were rendered from the latest drafts: proofs.
      defaultValue: 'proof',
      index: true,
      options: [
        { value: 'proof', label: 'Proof (latest drafts, committee only)' },
        { value: 'edition', label: 'Edition (published content, what readers download)' },
      ],
      admin: { readOnly: true },
    },
    { name: 'contentHash', type: 'text', required: true, index: true, admin: { description: 'SHA-256 of the PDF: the same content exports to the same bytes.' } },
    {
      name: 'modelHash',
      type: 'text',
      access: { read: isStaffField },
      admin: { readOnly: true, description: 'SHA-256 of the issue content the PDF was made from: the dashboard compares it with the latest drafts.' },
    },
    { name: 'exportedAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'exportedBy', type: 'relationship', relationTo: 'users', access: { read: isStaffField } },
    {
      name: 'exportedVia',
      type: 'select',
      required: true,
      access: { read: isStaffField },
      options: [
        { value: 'admin', label: 'Admin' },
        { value: 'cli', label: 'Command line' },
        { value: 'job', label: 'Job' },
      ],
    },
    { name: 'pageCount', type: 'number', required: true },
    { name: 'forced', type: 'checkbox', defaultValue: false, access: { read: isStaffField }, admin: { description: 'Exported despite preflight errors.' } },
    { name: 'preflight', type: 'json', access: { read: isStaffField }, admin: { description: 'The preflight findings at export time.' } },
  ],
}
