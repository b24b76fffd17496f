import type { Access } from 'payload'

import { hasRole } from './roles'

/**
 * Editors and admins change or delete a campaign only before it starts. Once started it is
 * the record of who got the issue: starting, scheduling, pausing, resuming and cancelling
 * go through the campaign service (src/delivery/campaign.ts), never a plain update.
 */
export const canEditDraftCampaign: Access = ({ req: { user } }) =>
  hasRole(user, 'admin', 'editor') ? { status: { equals: 'draft' } } : false
