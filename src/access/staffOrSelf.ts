import type { Access } from 'payload'

import { isStaff } from './isStaff'

/**
 * Reading committee members: every member reads the others' name, email and role (review
 * notes, assignees and the audit log name them); anyone else logged in reads only themself.
 * Password hash, salt, reset tokens and lock state are hidden fields, and Payload lets each
 * user read only their own sessions; no API keys are enabled.
 */
export const staffOrSelf: Access = (args) => {
  if (isStaff(args)) return true
  const { user } = args.req
  return user ? { id: { equals: user.id } } : false
}
