import type { Block } from 'payload'

/** A photo placed beside the text, with its caption and credit. */
export const Figure: Block = {
  slug: 'figure',
  labels: { singular: 'Figure', plural: 'Figures' },
  interfaceName: 'FigureBlock',
  fields: [
    { name: 'image', type: 'upload', relationTo: 'media', required: true },
    { name: 'caption', type: 'textarea', required: true },
    { name: 'credit', type: 'text', admin: { description: 'Overrides the image\'s own credit.' } },
    {
      name: 'placement',
      type: 'select',
      required: true,
      defaultValue: 'column',
      options: [
        { value: 'column', label: 'In the column' },
        { value: 'wide', label: 'Across both columns' },
        { value: 'left', label: 'Beside the text, left' },
        { value: 'right', label: 'Beside the text, right' },
      ],
    },
  ],
}
