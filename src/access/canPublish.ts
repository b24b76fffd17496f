import type { User } from '../payload-types'
import { hasRole } from './roles'

/**
 * Who changes what the public sees: publishing, unpublishing, saving over the live version,
 * restoring a version live, scheduling either. Everyone else saves drafts.
 */
export const canPublish = (user: Pick<User, 'role'> | null | undefined): boolean => hasRole(user, 'admin', 'editor')
