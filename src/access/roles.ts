import type { User } from '../payload-types'

/** The committee's roles, in the editors' words. */
export const ROLES = ['admin', 'editor', 'productionEditor', 'editorialAssistant'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  editor: 'Editor',
  productionEditor: 'Production editor',
  editorialAssistant: 'Editorial assistant',
}

type MaybeUser = Pick<User, 'role'> | null | undefined

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  return Boolean(user?.role && roles.includes(user.role))
}
