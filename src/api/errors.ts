import { APIError, type PayloadHandler, type PayloadRequest } from 'payload'

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

/** What a 500 answers: the cause stays in the server's log. */
export const INTERNAL_ERROR = 'Something went wrong on the server; the reason is in its log.'

// Some services phrase a message to run on in the command line's "error: …".
const sentence = (message: string): string => message.charAt(0).toUpperCase() + message.slice(1)

/**
 * The one answer to a failed request: a ServiceError as its status and `{ error, code }`,
 * anything else as a 500 that does not show its message (logged with its stack). A 5xx
 * ServiceError is logged too: it is a fault, not a refusal.
 */
export function errorResponse(error: unknown, req: Pick<PayloadRequest, 'payload' | 'method' | 'url'>): Response {
  const where = `${req.method ?? 'request'} ${req.url ? new URL(req.url, 'http://localhost').pathname : ''}`.trim()
  if (error instanceof ServiceError) {
    if (error.status >= 500) req.payload.logger.error({ err: error, msg: `${where} failed: ${error.message}` })
    return answer(error.status, { ...error.details, error: sentence(error.message), code: error.code })
  }
  // Payload's own refusals from a Local API call (NotFound, Forbidden, ValidationError).
  if (error instanceof APIError && error.isPublic && error.status >= 400 && error.status < 500) {
    return answer(error.status, { error: error.message, code: codeOfStatus(error.status) })
  }
  req.payload.logger.error({ err: error, msg: `${where} failed` })
  return answer(500, { error: INTERNAL_ERROR, code: 'internal' })
}

const answer = (status: number, body: { error: string; code: string }): Response =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/** An endpoint's handler with its failures answered by `errorResponse`. */
export function answering(handler: PayloadHandler): PayloadHandler {
  return async (req) => {
    try {
      return await handler(req)
    } catch (error) {
      return errorResponse(error, req)
    }
  }
}

/** The signed-in member, or a 401 with `message` (the endpoint's one check: authentication). */
export function signedIn(req: PayloadRequest, message = 'Sign in first.'): NonNullable<PayloadRequest['user']> {
  if (!req.user) throw new ServiceError('not-signed-in', 401, message)
  return req.user
}
