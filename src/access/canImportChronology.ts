import type { User } from '../payload-types'
import { hasRole } from './roles'

/**
 * Who sees "Import chronology" on an issue: the roles that may create and edit chronology
 * entries (canEditContent). The import itself writes with the user's own rights.
 */
export const canImportChronology = (user: Pick<User, 'role'> | null | undefined): boolean =>
  hasRole(user, 'admin', 'editor', 'editorialAssistant')
