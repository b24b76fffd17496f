import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoUsers } from '@/seed/demoContent'
import { startNextDev, type NextServer } from '../support/nextServer'

/**
 * The API attacked as a hostile member or outsider would, over HTTP against `next dev` with
 * the demo issue and the demo logins: REST, bulk REST, GraphQL and version restore. Each
 * attack must be refused with the exact status and reason, and what readers see (the
 * anonymous API and the web edition) must be as it was. One describe per area; every area
 * logs in through `login()` and calls through `call()` / `graphql()`.
 */

type Role = (typeof demoUsers)[number]['role']
type Id = number | string
interface Answer<T = Record<string, unknown>> {
  status: number
  body: T
}
interface Refusal {
  message?: string
  errors?: Array<{ message: string }>
}
interface PublicDoc {
  id: Id
  title: string
  _status: string
  updatedAt: string
}

let server: NextServer
const tokens = new Map<Role, string>()

/** Logs a demo member in over HTTP (POST /api/users/login) once; their JWT for the calls. */
async function login(role: Role): Promise<string> {
  const known = tokens.get(role)
  if (known) return known
  const user = demoUsers.find((u) => u.role === role)!
  const response = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  })
  expect(response.status, `login as ${role}`).toBe(200)
  const { token } = (await response.json()) as { token: string }
  tokens.set(role, token)
  return token
}

/** One REST call, as a member (JWT) or anonymous (`role` null). */
async function call<T = Record<string, unknown>>(role: Role | null, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (role) headers.Authorization = `JWT ${await login(role)}`
  const response = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T }
}

/** One GraphQL operation at /api/graphql. */
async function graphql(role: Role | null, query: string): Promise<Answer<{ data?: unknown; errors?: Array<{ message: string; extensions?: { statusCode?: number } }> }>> {
  return call(role, 'POST', '/api/graphql', { query })
}

const refusalOf = (answer: Answer<Refusal>) => ({ status: answer.status, message: answer.body.message ?? answer.body.errors?.[0]?.message })

/** The published demo items, as readers get them before any attack. */
const live = new Map<string, PublicDoc>()
let webEdition: string

async function publicDoc(collection: string, id: Id): Promise<Answer<PublicDoc>> {
  return call<PublicDoc>(null, 'GET', `/api/${collection}/${id}?depth=0`)
}

async function firstPublished(collection: string, where = ''): Promise<PublicDoc> {
  const { body } = await call<{ docs: PublicDoc[] }>(null, 'GET', `/api/${collection}?depth=0&limit=1${where}`)
  expect(body.docs[0], `a published ${collection}`).toBeDefined()
  return body.docs[0]
}

/** Readers see exactly what they saw before: every published demo item and the web edition. */
async function expectReadersSeeTheSame(): Promise<void> {
  for (const [key, before] of live) {
    const [collection] = key.split(':')
    const now = await publicDoc(collection, before.id)
    expect(now.status, key).toBe(200)
    expect({ title: now.body.title, _status: now.body._status, updatedAt: now.body.updatedAt }, key).toEqual({
      title: before.title,
      _status: before._status,
      updatedAt: before.updatedAt,
    })
  }
  const page = await fetch(`${server.url}/issues/demo`)
  expect(page.status).toBe(200)
  const html = await page.text()
  expect(html).not.toContain('Hijacked')
  expect(html).toContain(issue().title)
  expect(html.length).toBeGreaterThan(webEdition.length * 0.9)
}

const essay = () => live.get('essays:0')!
const issue = () => live.get('issues:0')!

beforeAll(async () => {
  server = await startNextDev()
  // The first request loads the demo issue and compiles the API; the web edition compiles on its first visit.
  expect((await fetch(`${server.url}/api/issues?depth=0&limit=1`)).status).toBe(200)
  live.set('issues:0', await firstPublished('issues', '&where[slug][equals]=demo'))
  for (const collection of ['essays', 'publications', 'highlights', 'chronologies']) live.set(`${collection}:0`, await firstPublished(collection))
  const page = await fetch(`${server.url}/issues/demo`)
  expect(page.status).toBe(200)
  webEdition = await page.text()
}, 600_000)

afterAll(async () => {
  await server?.stop()
})

const NON_PUBLISHERS = ['editorialAssistant', 'productionEditor'] as const
const LABEL: Record<string, string> = { issues: 'issue', essays: 'essay', publications: 'publication', highlights: 'highlight', chronologies: 'chronology' }
const ASK_AN_EDITOR = 'Save your changes as a draft and ask an editor to publish them.'

describe('REST: PATCH /api/<collection>/<id>', () => {
  it.each(NON_PUBLISHERS.flatMap((role) => ['issues', 'essays', 'publications', 'highlights', 'chronologies'].map((collection) => ({ role, collection }))))(
    '$role cannot unpublish a published $collection: 403 naming it',
    async ({ role, collection }) => {
      const target = live.get(`${collection}:0`)!
      const answer = await call<Refusal>(role, 'PATCH', `/api/${collection}/${target.id}`, { _status: 'draft' })
      expect(refusalOf(answer)).toEqual({
        status: 403,
        // An untitled item (a highlight group with only a caption) is named by its id.
        message: `Only editors can unpublish ${LABEL[collection]} ${target.title ? `“${target.title}”` : `#${target.id}`}: readers would lose it. ${ASK_AN_EDITOR}`,
      })
      await expectReadersSeeTheSame()
    },
    120_000,
  )

  it.each(NON_PUBLISHERS)('%s cannot publish their change over the live essay', async (role) => {
    const answer = await call<Refusal>(role, 'PATCH', `/api/essays/${essay().id}`, { title: 'Hijacked', _status: 'published' })
    expect(refusalOf(answer)).toEqual({ status: 403, message: `Only editors can publish essay “Hijacked”. ${ASK_AN_EDITOR}` })
    await expectReadersSeeTheSame()
  }, 120_000)

  it('a plain save by the assistant lands as a draft: 200, and readers still see the published essay', async () => {
    const answer = await call<{ doc: PublicDoc }>('editorialAssistant', 'PATCH', `/api/essays/${essay().id}?depth=0`, { title: 'Hijacked by a plain save' })
    expect(answer.status).toBe(200)
    expect(answer.body.doc._status).toBe('draft')
    const draft = await call<PublicDoc>('editorialAssistant', 'GET', `/api/essays/${essay().id}?draft=true&depth=0`)
    expect(draft.body.title).toBe('Hijacked by a plain save')
    await expectReadersSeeTheSame()
  }, 120_000)

  it('the production editor\'s layout-only save of the published issue lands as a draft', async () => {
    const answer = await call<{ doc: PublicDoc & { layout: { chronologyOnNewPage: boolean } } }>(
      'productionEditor',
      'PATCH',
      `/api/issues/${issue().id}?depth=0`,
      { layout: { chronologyOnNewPage: false } },
    )
    expect(answer.status).toBe(200)
    expect(answer.body.doc._status).toBe('draft')
    expect(answer.body.doc.layout.chronologyOnNewPage).toBe(false)
    await expectReadersSeeTheSame()
  }, 120_000)

  it('the public cannot change anything: 403', async () => {
    const answer = await call<Refusal>(null, 'PATCH', `/api/essays/${essay().id}`, { title: 'Hijacked' })
    expect(refusalOf(answer)).toEqual({ status: 403, message: 'You are not allowed to perform this action.' })
    await expectReadersSeeTheSame()
  }, 120_000)
})

describe('REST: bulk PATCH /api/<collection>?where=…', () => {
  it.each(NON_PUBLISHERS)('%s cannot unpublish the web edition in bulk', async (role) => {
    const answer = await call<Refusal>(role, 'PATCH', '/api/issues?where[slug][equals]=demo', { _status: 'draft' })
    expect(refusalOf(answer)).toEqual({ status: 403, message: 'Only editors can unpublish issues: readers would lose them. Save your changes as drafts and ask an editor.' })
    const essays = await call<Refusal>(role, 'PATCH', `/api/essays?where[id][equals]=${essay().id}`, { _status: 'draft' })
    expect(refusalOf(essays)).toEqual({ status: 403, message: 'Only editors can unpublish essays: readers would lose them. Save your changes as drafts and ask an editor.' })
    await expectReadersSeeTheSame()
  }, 120_000)

  it('a bulk edit by the assistant is a draft save of every item', async () => {
    const answer = await call<{ docs: PublicDoc[]; errors: unknown[] }>('editorialAssistant', 'PATCH', `/api/essays?where[id][equals]=${essay().id}&depth=0`, {
      title: 'Hijacked in bulk',
    })
    expect(answer.status).toBe(200)
    expect(answer.body.errors).toEqual([])
    expect(answer.body.docs.map((doc) => doc._status)).toEqual(['draft'])
    await expectReadersSeeTheSame()
  }, 120_000)
})

describe('GraphQL: update<Collection> mutations', () => {
  it.each(NON_PUBLISHERS)('%s cannot unpublish or publish through GraphQL', async (role) => {
    const unpublish = await graphql(role, `mutation { updateIssue(id: ${issue().id}, data: { _status: draft }) { id _status } }`)
    expect(unpublish.body.errors?.[0]).toMatchObject({
      message: `Only editors can unpublish issue “${issue().title}”: readers would lose it. ${ASK_AN_EDITOR}`,
      extensions: { statusCode: 403 },
    })
    const publish = await graphql(role, `mutation { updateEssay(id: ${essay().id}, data: { title: "Hijacked", _status: published }) { id _status } }`)
    expect(publish.body.errors?.[0]).toMatchObject({ message: `Only editors can publish essay “Hijacked”. ${ASK_AN_EDITOR}`, extensions: { statusCode: 403 } })
    await expectReadersSeeTheSame()
  }, 120_000)

  it('a plain GraphQL update by the assistant lands as a draft', async () => {
    const answer = await graphql('editorialAssistant', `mutation { updateEssay(id: ${essay().id}, data: { title: "Hijacked through GraphQL" }) { id _status title } }`)
    expect(answer.body.errors).toBeUndefined()
    expect(answer.body.data).toEqual({ updateEssay: { id: essay().id, _status: 'draft', title: 'Hijacked through GraphQL' } })
    await expectReadersSeeTheSame()
  }, 120_000)
})

describe('version restore: POST /api/<collection>/versions/<id>', () => {
  it.each(NON_PUBLISHERS)('%s cannot restore a version live over the published essay; as a draft they may', async (role) => {
    // A draft version to restore: the assistant's pending draft.
    await call('editorialAssistant', 'PATCH', `/api/essays/${essay().id}?draft=true`, { title: 'Hijacked by a restore' })
    const versions = await call<{ docs: Array<{ id: Id; version: { _status: string } }> }>(
      role,
      'GET',
      `/api/essays/versions?where[parent][equals]=${essay().id}&sort=-createdAt&depth=0&limit=1`,
    )
    const [latest] = versions.body.docs
    expect(latest.version._status).toBe('draft')
    const restoredLive = await call<Refusal>(role, 'POST', `/api/essays/versions/${latest.id}`)
    expect(refusalOf(restoredLive)).toEqual({
      status: 403,
      message: `Only editors can restore a version of the published essay “${essay().title}”: it would replace what readers see. Restore it as a draft, or ask an editor.`,
    })
    const asDraft = await call<PublicDoc>(role, 'POST', `/api/essays/versions/${latest.id}?draft=true&depth=0`)
    expect(asDraft.status).toBe(200)
    expect(asDraft.body._status).toBe('draft')
    await expectReadersSeeTheSame()
  }, 120_000)
})
