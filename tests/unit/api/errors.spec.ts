import { NotFound, type PayloadRequest } from 'payload'
import { describe, expect, it, vi } from 'vitest'

import { answering, errorResponse, INTERNAL_ERROR, ServiceError } from '@/api/errors'

/** A request as the responder sees it, with a logger that records what it is given. */
function request() {
  const error = vi.fn()
  const req = { payload: { logger: { error } }, method: 'POST', url: 'http://localhost:3000/api/issues/7/send-test' }
  return { req: req as unknown as PayloadRequest, error }
}

describe('errorResponse: one answer for a failed request', () => {
  it('answers a ServiceError with its status and { error, code }, and does not log a refusal', async () => {
    const { req, error } = request()
    const response = errorResponse(new ServiceError('invalid-address', 400, '"x" is not an email address.'), req)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: '"x" is not an email address.', code: 'invalid-address' })
    expect(error).not.toHaveBeenCalled()
  })

  it("adds a ServiceError's details beside error and code, and starts the sentence with a capital", async () => {
    const { req } = request()
    const report = { ok: false, errors: [{ where: 'Essay 2', message: 'No author.' }] }
    const response = errorResponse(new ServiceError('preflight', 422, 'preflight found errors: not exported.', { details: { report } }), req)
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({ report, error: 'Preflight found errors: not exported.', code: 'preflight' })
  })

  it('answers anything else as a 500 that does not show its message, and logs it with the request', async () => {
    const { req, error } = request()
    const fault = new Error('SQLITE_CORRUPT: /var/data/bulletin.db is malformed')
    const response = errorResponse(fault, req)
    expect(response.status).toBe(500)
    const body = (await response.json()) as { error: string; code: string }
    expect(body).toEqual({ error: INTERNAL_ERROR, code: 'internal' })
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|bulletin\.db/)
    expect(error).toHaveBeenCalledWith({ err: fault, msg: 'POST /api/issues/7/send-test failed' })
  })

  it('logs a 5xx ServiceError (a fault, not a refusal)', async () => {
    const { req, error } = request()
    const failure = new ServiceError('mail-refused', 502, 'The mail server did not take the message: 554 rejected')
    const response = errorResponse(failure, req)
    expect(response.status).toBe(502)
    expect(await response.json()).toEqual({ error: 'The mail server did not take the message: 554 rejected', code: 'mail-refused' })
    expect(error).toHaveBeenCalledTimes(1)
  })

  it("answers Payload's own refusal from a Local API call with its status, not a 500", async () => {
    const { req, error } = request()
    const response = errorResponse(new NotFound(), req)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: 'Not Found', code: 'not-found' })
    expect(error).not.toHaveBeenCalled()
  })
})

describe('answering: a handler whose failures the responder answers', () => {
  it('turns a thrown ServiceError into its answer and passes a response through', async () => {
    const { req } = request()
    const refused = answering(() => Promise.reject(new ServiceError('not-allowed', 403, 'Only editors and admins manage subscribers.')))
    const response = await refused(req)
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({ error: 'Only editors and admins manage subscribers.', code: 'not-allowed' })
    const fine = answering(() => Promise.resolve(Response.json({ ok: true })))
    expect(await (await fine(req)).json()).toEqual({ ok: true })
  })
})
