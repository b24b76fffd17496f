import { APIError, type PayloadHandler, type PayloadRequest } from 'payload'

import { codeOfStatus, ServiceError } from '../errors'

export { codeOfStatus, ServiceError }

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
