import type { FieldAccess } from 'payload'

import { hasRole } from './roles'

/** "Layout ready": the production editor's mark (and the editors'); assistants cannot set it. */
export const canSetLayoutReady: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'productionEditor')
