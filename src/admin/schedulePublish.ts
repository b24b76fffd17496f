import { schedulePublishHandler, type SchedulePublishHandlerArgs } from '@payloadcms/ui/utilities/schedulePublishHandler'
import type { ServerFunction } from 'payload'

import { canPublish } from '../access/canPublish'

/**
 * The admin's "Schedule publish" (a server function, not a REST route): Payload queues the
 * job for anyone who can open the admin, and deletes a scheduled one on request. Only
 * editors and admins may schedule, or cancel, a publish or an unpublish; the job then
 * publishes with the rights of the member who scheduled it (keepLiveVersion refuses the
 * others). Answers in the handler's own shape, which the drawer shows as a toast.
 */
export const schedulePublishByEditors: ServerFunction<SchedulePublishHandlerArgs> = async (args) => {
  if (!canPublish(args.req.user)) {
    return { error: 'Only editors can schedule publishing. Save your changes as a draft and ask an editor to publish them.' }
  }
  return schedulePublishHandler(args)
}
