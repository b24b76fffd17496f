import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Editors and admins: publishing, deleting, users, subscribers, settings. */
export const isEditorOrAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

export const isEditorOrAdminField: FieldAccess = ({ req: { user } }) =>
  hasRole(user, 'admin', 'editor')
