import type { Access } from 'payload'

import { hasRole } from './roles'

/**
 * Collections with layout fields (issues, essays): production editors may save them too,
 * but field access (notProductionEditor) keeps everything outside `layout` read-only for them.
 */
export const canEditContentOrLayout: Access = ({ req: { user } }) =>
  hasRole(user, 'admin', 'editor', 'editorialAssistant', 'productionEditor')
