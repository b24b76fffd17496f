import type { FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Field-level update access: production editors change layout fields only. */
export const notProductionEditor: FieldAccess = ({ req: { user } }) =>
  !hasRole(user, 'productionEditor')
