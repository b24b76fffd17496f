import type { Field } from 'payload'

/**
 * Forthcoming or recent: what a publication is, and which of them an issue's publications
 * section lists. One field for both, so the two lists of kinds cannot drift apart.
 */
export function publicationKindField(): Field {
  return {
    name: 'kind',
    type: 'select',
    required: true,
    defaultValue: 'recent',
    options: [
      { value: 'forthcoming', label: 'Forthcoming' },
      { value: 'recent', label: 'Recent' },
    ],
  }
}
