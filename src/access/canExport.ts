import type { Access } from 'payload'

import { hasRole } from './roles'

/** Preflight and PDF export: the production editor's job, and the editors'. */
export const canExport: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'productionEditor')
