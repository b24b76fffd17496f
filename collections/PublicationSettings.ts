import type { GlobalConfig } from 'payload'

import { anyone } from '../src/access/anyone'
import { isEditorOrAdmin } from '../src/access/isEditorOrAdmin'
import { signalSettingsChange } from './hooks/signalContentChange'

/** What stays the same from issue to issue: names, masthead text, contacts. */
export const PublicationSettings: GlobalConfig = {
  slug: 'publication-settings',
  label: 'Publication settings',
  admin: { group: 'Settings' },
  access: { read: anyone, update: isEditorOrAdmin },
  hooks: { afterChange: [signalSettingsChange] },
  fields: [
    { name: 'bulletinName', type: 'text', required: true, defaultValue: 'Korea Bulletin' },
    {
      type: 'row',
      fields: [
        { name: 'institute', type: 'text', required: true, admin: { width: '50%' } },
        { name: 'centre', type: 'text', required: true, admin: { width: '50%' } },
      ],
    },
    { name: 'aboutText', type: 'textarea', required: true, label: 'About the bulletin' },
    { name: 'aboutUrl', type: 'text', label: 'Link in the about text' },
    {
      name: 'aboutLinkText',
      type: 'text',
      label: 'Linked words of the about text',
      admin: { description: 'Words of the about text that carry the link, e.g. "Korea Bulletin". Empty: the link is printed after the text.' },
    },
    { name: 'rightsText', type: 'textarea', required: true, label: 'Rights' },
    {
      name: 'correspondence',
      type: 'group',
      label: 'Please address all correspondence to',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'email', type: 'email', required: true },
      ],
    },
    {
      name: 'postalAddress',
      type: 'textarea',
      admin: { description: 'Optional. Printed in every email footer when given; the law of some countries asks for one in bulk mail (campaign readiness says when it is missing).' },
    },
    {
      name: 'email',
      type: 'group',
      label: 'Newsletter sender',
      fields: [
        { name: 'fromName', type: 'text' },
        { name: 'fromAddress', type: 'email' },
        { name: 'replyTo', type: 'email' },
      ],
    },
  ],
}
