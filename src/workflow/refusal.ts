import { APIError } from 'payload'

/**
 * A member's save that the workflow refuses (a review move, a publish), with a message
 * written for them. Thrown by the review and publishing hooks; showRefusalMessage
 * (collections/hooks) hands the message to the admin whole.
 */
export class WorkflowRefusal extends APIError {
  constructor(message: string, data: Record<string, unknown> | null = null) {
    super(message, 403, data, true)
    this.name = 'WorkflowRefusal'
  }
}
