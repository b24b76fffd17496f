import type { PayloadRequest } from 'payload'

import { hasRole } from './roles'

/**
 * Payload's job endpoints (run, queue, cancel): admins only. Editors act on campaigns
 * through the campaign service; the workers run jobs through the Local API.
 */
export const canRunJobs = ({ req }: { req: PayloadRequest }): boolean => hasRole(req.user, 'admin')
