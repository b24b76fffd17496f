import { APIError } from 'payload'

/**
 * A request a service cannot carry out, said so the editor can act on it: `message` says what
 * and where, `code` is a short stable string for programs ("not-found", "too-large"),
 * `status` the HTTP status the API answers with. Services throw it; the command line prints
 * the message, and every endpoint answers it through `errorResponse` as `{ error, code }`
 * (plus `details`, e.g. a preflight report). It is an APIError, public below 500, so one
 * thrown inside a Payload operation (a hook, GraphQL) is answered and logged as the refusal
 * it is (src/logging/refusals.ts), not as a fault.
 */
export class ServiceError extends APIError<Record<string, unknown> | null> {
  /** More of the answer's body, beside `error` and `code`. */
  readonly details?: Record<string, unknown>

  constructor(
    readonly code: string,
    status: number,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, status, options.details ?? null, status < 500)
    this.name = 'ServiceError'
    this.details = options.details
    // The fault behind a 5xx, for the log; APIError keeps `data` there otherwise.
    if (options.cause !== undefined) this.cause = options.cause
  }
}

/** The code a status stands for, where a service names none of its own. */
export function codeOfStatus(status: number): string {
  const codes: Record<number, string> = {
    400: 'bad-request',
    401: 'not-signed-in',
    403: 'not-allowed',
    404: 'not-found',
    409: 'conflict',
    413: 'too-large',
    422: 'unprocessable',
    428: 'confirm',
  }
  return codes[status] ?? (status >= 500 ? 'failed' : 'refused')
}
