import { hasRole } from '../access/roles'
import { ServiceError } from '../errors'
import type { User } from '../payload-types'

/** A member (absent for the command line) may import or export the list: editors and admins. */
export function assertMayManage(user: Pick<User, 'role'> | null | undefined): void {
  if (user !== undefined && !hasRole(user, 'admin', 'editor')) throw new ServiceError('not-allowed', 403, 'Only editors and admins manage subscribers.')
}
