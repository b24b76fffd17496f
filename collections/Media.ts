import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { anyone } from '../src/access/anyone'
import { canEditContent } from '../src/access/canEditContent'
import { isEditorOrAdmin } from '../src/access/isEditorOrAdmin'
import { env } from '../src/env'
import { signalContentChange, signalContentDelete } from './hooks/signalContentChange'
import { validateImageUpload } from './hooks/validateImageUpload'

/**
 * Photos, covers and figures. sharp makes the derivatives each renderer needs: print (JPEG,
 * react-pdf reads no WebP), web (WebP) and email (JPEG, 600 px: what mail clients show).
 */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Image', plural: 'Images' },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'credit'], group: 'Content' },
  access: {
    read: anyone,
    create: canEditContent,
    update: canEditContent,
    delete: isEditorOrAdmin,
  },
  hooks: {
    beforeOperation: [validateImageUpload],
    afterChange: [signalContentChange],
    afterDelete: [signalContentDelete],
  },
  upload: {
    staticDir: path.resolve(env().MEDIA_DIR),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'image/gif'],
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 300, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'email', width: 600, formatOptions: { format: 'jpeg', options: { quality: 80, progressive: true } } },
      { name: 'web', width: 1400, withoutEnlargement: true, formatOptions: { format: 'webp', options: { quality: 82 } } },
      { name: 'print', width: 2480, withoutEnlargement: true, formatOptions: { format: 'jpeg', options: { quality: 92 } } },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      label: 'Alt text',
      admin: { description: 'What the image shows, for readers who cannot see it.' },
    },
    { name: 'credit', type: 'text', admin: { description: 'Photographer or rights holder.' } },
  ],
}
