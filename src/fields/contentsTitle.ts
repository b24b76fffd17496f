import type { TextField } from 'payload'

/**
 * The title an item has in "In this issue" when it differs from its heading (a shorter or
 * earlier wording the committee prefers in the contents). Empty: the heading is used.
 */
export function contentsTitleField(): TextField {
  return {
    name: 'contentsTitle',
    type: 'text',
    label: 'Title in "In this issue"',
    admin: { description: 'Leave empty to list the item under its heading.' },
  }
}
