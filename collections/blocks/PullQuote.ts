import type { Block } from 'payload'

/** A sentence lifted from the essay and repeated in larger type. */
export const PullQuote: Block = {
  slug: 'pullQuote',
  labels: { singular: 'Pull quote', plural: 'Pull quotes' },
  interfaceName: 'PullQuoteBlock',
  fields: [
    {
      name: 'text',
      type: 'textarea',
      required: true,
      admin: { description: 'Keep it short: over 200 characters is flagged in preflight.' },
    },
    { name: 'attribution', type: 'text' },
  ],
}
