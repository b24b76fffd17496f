import type { Access } from 'payload'

import { hasRole } from './roles'

/**
 * Who may create and edit drafts of the content. Publishing is a separate right,
 * checked by the refusePublishWithoutRight hook, because it depends on the data saved.
 */
export const canEditContent: Access = ({ req: { user } }) =>
  hasRole(user, 'admin', 'editor', 'editorialAssistant')
