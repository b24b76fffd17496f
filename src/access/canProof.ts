import type { User } from '../payload-types'
import { hasRole } from './roles'

/**
 * Who sees the live proof (the Proof tab and its API): the staff who may export the
 * PDF (canExport), since a proof prints unpublished drafts.
 */
export const canProof = (user: Pick<User, 'role'> | null | undefined): boolean => hasRole(user, 'admin', 'editor', 'productionEditor')
