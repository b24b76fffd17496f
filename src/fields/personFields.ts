import type { Field } from 'payload'

/** Name, title (Dr/Ms) and email of a person named in print: committee, contacts. */
export function personFields({ withEmail = true, withRole = false } = {}): Field[] {
  const fields: Field[] = [
    {
      type: 'row',
      fields: [
        { name: 'honorific', type: 'text', label: 'Title', admin: { width: '20%', description: 'Dr, Ms, Prof' } },
        { name: 'name', type: 'text', required: true, admin: { width: '80%' } },
      ],
    },
  ]
  if (withRole) {
    fields.push({
      name: 'role',
      type: 'text',
      required: true,
      label: 'Role line',
      admin: { description: 'As printed, e.g. "Editor" or "Production Editor".' },
    })
  }
  if (withEmail) fields.push({ name: 'email', type: 'email', required: true })
  return fields
}
