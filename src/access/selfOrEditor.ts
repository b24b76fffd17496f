import type { Access } from 'payload'

import { hasRole } from './roles'

/** Users: editors and admins manage everyone; each member edits themself (reading: staffOrSelf). */
export const selfOrEditor: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin', 'editor')) return true
  return { id: { equals: user.id } }
}
