import type { FieldAccess } from 'payload'

import { mayReview } from '../workflow/review'

/**
 * Field-level update access for "Review status" and "Assignee": what the admin renders
 * read-only. Payload asks it twice, with different arguments:
 * - for the admin's permissions, with the stored document only (no siblingData): members who
 *   take no part in review (production editors) get the fields read-only;
 * - in a save, with the request's data as siblingData: the value is let through, so that the
 *   enforceReviewTransition hook, the API's real check, refuses a change it does not allow
 *   with its 403 naming the item, instead of the change being dropped without a word.
 */
export const canChangeReview: FieldAccess = ({ req: { user }, siblingData }) => siblingData !== undefined || mayReview(user?.role)
