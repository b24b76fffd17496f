import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Any logged-in member of the committee. */
export const isStaff: Access = ({ req: { user } }) =>
  hasRole(user, 'admin', 'editor', 'productionEditor', 'editorialAssistant')

export const isStaffField: FieldAccess = ({ req: { user } }) =>
  hasRole(user, 'admin', 'editor', 'productionEditor', 'editorialAssistant')
