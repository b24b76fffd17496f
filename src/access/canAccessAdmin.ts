import type { PayloadRequest } from 'payload'

import { hasRole } from './roles'

/** Only members of the committee with a role may open the admin. */
export const canAccessAdmin = ({ req: { user } }: { req: PayloadRequest }): boolean =>
  hasRole(user, 'admin', 'editor', 'productionEditor', 'editorialAssistant')
