import type { FieldAccess } from 'payload'

/**
 * Fields only the system writes (a subscriber's status history): nobody sets them through
 * the admin or the API; hooks and services write them with overrideAccess.
 */
export const systemOnly: FieldAccess = () => false
