import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { toStoredDate } from '@/fields/dayDate'
import type { User } from '@/payload-types'
import { startTestPayload, type TestPayload } from '../../support/payload'

/**
 * Every endpoint handler in src/api, over HTTP through Payload's REST handler (the one Next's
 * /api route calls): a bad request answers `{ error, code }` and nothing else, and each role
 * refused today is still refused, once, by the rule of the service it calls.
 */

type Who = 'anonymous' | User['role']

let t: TestPayload
let payload: Payload
let issueId: number | string
const tokens: Partial<Record<NonNullable<Who>, string>> = {}
const PASSWORD = 'a-long-test-password'

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  for (const role of ['editor', 'productionEditor', 'editorialAssistant'] as const) {
    await payload.create({ collection: 'users', data: { email: `${role}@example.org`, password: PASSWORD, name: role, role }, overrideAccess: true })
    tokens[role] = (await payload.login({ collection: 'users', data: { email: `${role}@example.org`, password: PASSWORD } })).token
  }
  const issue = await payload.create({
    collection: 'issues',
    data: { title: 'Endpoint issue', slug: 'endpoints', volume: 1, number: 2, quarter: '2', year: 2024, publicationDate: toStoredDate('2024-06-30') },
    draft: true,
    depth: 0,
  })
  issueId = issue.id
}, 300_000)

afterAll(async () => t?.close())

async function call(who: Who, method: string, path: string, body?: BodyInit, type = 'application/json'): Promise<{ status: number; body: Record<string, unknown> }> {
  const token = who && who !== 'anonymous' ? tokens[who] : undefined
  const response = await handleEndpoints({
    config: payload.config,
    payloadInstanceCacheKey: t.dir,
    request: new Request(`http://localhost:3000/api${path}`, {
      method,
      headers: { 'Content-Type': type, ...(token ? { Authorization: `JWT ${token}` } : {}) },
      body,
    }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const json = (value: unknown) => JSON.stringify(value)

describe('a bad request to each endpoint answers { error, code }', () => {
  const cases = [
    { name: 'campaign status of no campaign', who: 'editor', method: 'GET', path: () => '/campaigns/999999/status', status: 404, code: 'not-found' },
    { name: 'campaign schedule without a time', who: 'editor', method: 'POST', path: () => '/campaigns/999999/schedule', body: () => json({ confirm: true }), status: 409, code: 'state' },
    { name: 'chronology import with nothing to import', who: 'editorialAssistant', method: 'POST', path: () => `/issues/${issueId}/import-chronology`, body: () => json({}), status: 400, code: 'bad-request' },
    { name: 'preflight of an unknown kind', who: 'productionEditor', method: 'POST', path: () => '/issue-exports/preflight', body: () => json({ issue: issueId, kind: 'poster' }), status: 400, code: 'bad-request' },
    { name: 'export of no issue', who: 'productionEditor', method: 'POST', path: () => '/issue-exports/export', body: () => json({ issue: 999999 }), status: 404, code: 'not-found' },
    { name: 'newsletter preview of no issue', who: 'editor', method: 'GET', path: () => '/issues/999999/newsletter', status: 404, code: 'not-found' },
    { name: 'test send to no address', who: 'editor', method: 'POST', path: () => `/issues/${issueId}/send-test`, body: () => json({ to: 'not an address' }), status: 400, code: 'invalid-address' },
    { name: 'subscriber import with an unknown status', who: 'editor', method: 'POST', path: () => '/subscribers/import?status=vip', body: () => 'email\n', type: 'text/csv', status: 400, code: 'bad-request' },
    { name: 'subscriber export signed out', who: 'anonymous', method: 'GET', path: () => '/subscribers/export', status: 401, code: 'not-signed-in' },
  ] as const

  it.each(cases)('$name: $status $code', async (c) => {
    const answer = await call(c.who, c.method, c.path(), 'body' in c ? c.body() : undefined, 'type' in c ? c.type : undefined)
    expect(answer.status).toBe(c.status)
    expect(Object.keys(answer.body).sort()).toEqual(['code', 'error'])
    expect(answer.body.code).toBe(c.code)
    expect(answer.body.error).toMatch(/^[A-Z"]/)
  })
})

describe('the refusals of today, each decided once', () => {
  const refusals = [
    { name: 'an assistant starts a campaign', who: 'editorialAssistant', method: 'POST', path: () => '/campaigns/999999/start', body: () => json({ confirm: true }), status: 403, error: 'Only editors and admins can send the newsletter.' },
    { name: 'a production editor reads a campaign', who: 'productionEditor', method: 'GET', path: () => '/campaigns/999999/status', status: 403, error: 'Only editors and admins can send the newsletter.' },
    { name: 'a production editor reads a frozen message', who: 'productionEditor', method: 'GET', path: () => '/campaigns/999999/message', status: 403, error: 'Only editors and admins can send the newsletter.' },
    { name: 'a signed-out caller starts a campaign', who: 'anonymous', method: 'POST', path: () => '/campaigns/999999/start', body: () => json({ confirm: true }), status: 401, error: 'Sign in first.' },
    { name: 'a production editor imports a chronology', who: 'productionEditor', method: 'POST', path: () => `/issues/${issueId}/import-chronology`, body: () => json({ text: 'April 2024\n1\tAn event.' }), status: 403, error: 'Only editorial assistants, editors and admins can import a chronology.' },
    { name: 'a signed-out caller imports a chronology', who: 'anonymous', method: 'POST', path: () => `/issues/${issueId}/import-chronology`, body: () => json({ text: 'April 2024\n1\tAn event.' }), status: 401, error: 'Log in as a member of the editorial committee to import a chronology.' },
    { name: 'an assistant runs preflight', who: 'editorialAssistant', method: 'POST', path: () => '/issue-exports/preflight', body: () => json({ issue: issueId }), status: 403, error: 'Only production editors, editors and admins run preflight.' },
    { name: 'an assistant exports the PDF', who: 'editorialAssistant', method: 'POST', path: () => '/issue-exports/export', body: () => json({ issue: issueId }), status: 403, error: 'Only production editors, editors and admins can export the PDF.' },
    { name: 'a signed-out caller previews the newsletter', who: 'anonymous', method: 'GET', path: () => `/issues/${issueId}/newsletter`, status: 403, error: 'Sign in as a member of the committee.' },
    { name: "a production editor previews a subscriber's newsletter", who: 'productionEditor', method: 'GET', path: () => `/issues/${issueId}/newsletter?format=text&to=reader%40example.net`, status: 403, error: "Only editors and admins can preview a subscriber's own newsletter." },
    { name: 'a production editor sends a test', who: 'productionEditor', method: 'POST', path: () => `/issues/${issueId}/send-test`, body: () => json({ to: 'reader@example.net' }), status: 403, error: 'Only editors and admins can send a test of the newsletter.' },
    { name: 'an assistant imports subscribers', who: 'editorialAssistant', method: 'POST', path: () => '/subscribers/import', body: () => 'email\nreader@example.net\n', type: 'text/csv', status: 403, error: 'Only editors and admins manage subscribers.' },
    { name: 'a production editor exports subscribers', who: 'productionEditor', method: 'GET', path: () => '/subscribers/export', status: 403, error: 'Only editors and admins manage subscribers.' },
  ] as const

  it.each(refusals)('$name: $status', async (r) => {
    const answer = await call(r.who, r.method, r.path(), 'body' in r ? r.body() : undefined, 'type' in r ? r.type : undefined)
    expect(answer).toEqual({ status: r.status, body: { error: r.error, code: r.status === 401 ? 'not-signed-in' : 'not-allowed' } })
  })

  it('an import refused to an assistant leaves the list as it was', async () => {
    expect((await payload.count({ collection: 'subscribers' })).totalDocs).toBe(0)
  })
})
