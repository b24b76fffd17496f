import type { CollectionConfig } from 'payload'

import { isEditorOrAdmin, isEditorOrAdminField } from '../src/access/isEditorOrAdmin'
import { ROLES, ROLE_LABELS } from '../src/access/roles'
import { selfOrEditor } from '../src/access/selfOrEditor'
import { staffOrSelf } from '../src/access/staffOrSelf'
import { answerLockedAsRefused, refuseLoginAlike } from './hooks/refuseLoginAlike'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Committee member', plural: 'Committee members' },
  admin: {
    // Relationship labels (assignee, note author, audit entry) show the member's name.
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role'],
    group: 'Settings',
  },
  auth: {
    // Lock an account for ten minutes after five failed logins.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  hooks: {
    // Known, unknown and locked addresses get the same refusal in about the same time.
    beforeOperation: [refuseLoginAlike],
    afterError: [answerLockedAsRefused],
  },
  access: {
    admin: ({ req: { user } }) => Boolean(user?.role),
    create: isEditorOrAdmin,
    read: staffOrSelf,
    update: selfOrEditor,
    delete: isEditorOrAdmin,
    // Unlocking undoes the lock on guessing: only editors and admins (Payload's default is
    // any logged-in member, so an assistant could keep guessing five at a time).
    unlock: isEditorOrAdmin,
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'editorialAssistant',
      saveToJWT: true,
      options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      access: {
        // Members cannot promote themselves.
        create: isEditorOrAdminField,
        update: isEditorOrAdminField,
      },
    },
  ],
}
