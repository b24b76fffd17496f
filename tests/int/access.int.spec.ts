import { configToSchema } from '@payloadcms/graphql'
// The CommonJS build, which @payloadcms/graphql's schema is made of (Vite would pick index.mjs).
import { graphql, type GraphQLSchema } from 'graphql/index.js'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { createLocalReq, handleEndpoints, restoreVersionOperation, type CollectionSlug, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { toStoredDate } from '@/fields/dayDate'
import { paragraph, richText } from '@/seed/lexical'
import { startTestPayload, type TestPayload } from '../support/payload'

/**
 * The committee's access matrix, cell by cell, with real users and overrideAccess: false:
 * through the Local API, and for read, update and publish also through the REST handler
 * (in process, logged in with a JWT) and GraphQL (the schema the /api/graphql route serves).
 *
 * A cell is "allowed" when the operation takes effect. A "denied" cell must be refused for
 * the expected reason: the expected status and message (a 403 from access or from the
 * publishing rule, a 404 for what the actor cannot see), or, where the API ignores rather
 * than refuses, the expected no-effect (a field the actor may not change, a save that lands
 * as a draft). Anything else, a 404 from a broken setup included, fails the cell.
 */

type Actor = 'public' | 'editorialAssistant' | 'productionEditor' | 'editor' | 'admin'
type Op =
  | 'create'
  | 'readPublished'
  | 'readDraft'
  | 'update'
  | 'updateLayout'
  | 'updateLive'
  | 'publish'
  | 'unpublish'
  | 'restore'
  | 'delete'
  | 'restRead'
  | 'restUpdate'
  | 'restPublish'
  | 'graphqlRead'
  | 'graphqlUpdate'
  | 'graphqlPublish'
type Id = number | string

const ACTORS: Actor[] = ['public', 'editorialAssistant', 'productionEditor', 'editor', 'admin']
const ALL: Actor[] = ACTORS
const STAFF: Actor[] = ['editorialAssistant', 'productionEditor', 'editor', 'admin']
const WRITERS: Actor[] = ['editorialAssistant', 'editor', 'admin']
const EDITORS: Actor[] = ['editor', 'admin']
/** Layout changes saved as a draft (the admin's "Save draft"): the committee; published by editors. */
const LAYOUT: Actor[] = STAFF

/** Content with drafts: who changes what readers see (README, Roles: the publishing rule). */
const DRAFTED_OPS = { updateLive: EDITORS, publish: EDITORS, unpublish: EDITORS, restore: EDITORS }
/** The same rights through REST and GraphQL. */
const API_OPS = (update: Actor[]) => ({
  restRead: ALL, restUpdate: update, restPublish: EDITORS,
  graphqlRead: ALL, graphqlUpdate: update, graphqlPublish: EDITORS,
})

/** Who may do what: the brief's role list, written out. Missing ops do not apply. */
const MATRIX: Partial<Record<CollectionSlug, Partial<Record<Op, Actor[]>>>> = {
  issues: {
    create: EDITORS,
    readPublished: ALL,
    readDraft: STAFF,
    update: WRITERS,
    updateLayout: LAYOUT,
    ...DRAFTED_OPS,
    delete: EDITORS,
    ...API_OPS(WRITERS),
  },
  essays: {
    create: WRITERS,
    readPublished: ALL,
    readDraft: STAFF,
    update: WRITERS,
    updateLayout: LAYOUT,
    ...DRAFTED_OPS,
    delete: EDITORS,
    ...API_OPS(WRITERS),
  },
  publications: { create: WRITERS, readPublished: ALL, readDraft: STAFF, update: WRITERS, ...DRAFTED_OPS, delete: EDITORS, ...API_OPS(WRITERS) },
  highlights: { create: WRITERS, readPublished: ALL, readDraft: STAFF, update: WRITERS, ...DRAFTED_OPS, delete: EDITORS, ...API_OPS(WRITERS) },
  chronologies: { create: WRITERS, readPublished: ALL, readDraft: STAFF, update: WRITERS, ...DRAFTED_OPS, delete: EDITORS, ...API_OPS(WRITERS) },
  // Entries have no drafts: "draft" here means an entry of an unpublished chronology.
  'chronology-entries': { create: WRITERS, readPublished: ALL, readDraft: STAFF, update: WRITERS, delete: WRITERS },
  authors: { create: WRITERS, readPublished: ALL, update: WRITERS, delete: EDITORS },
  media: { create: WRITERS, readPublished: ALL, update: WRITERS, delete: EDITORS },
  subscribers: { create: EDITORS, readPublished: EDITORS, update: EDITORS, delete: EDITORS },
  // For users, "readPublished" is reading another member and "update" changing their name.
  users: { create: EDITORS, readPublished: STAFF, update: EDITORS, delete: EDITORS },
  // Written by server code only (recordAudit); editors and admins read it.
  'audit-log': { create: [], readPublished: EDITORS, update: [], delete: [] },
  // PDF exports: "published" is an export of a published issue (the public PDF), "draft" of
  // an unpublished one. Exported by production; never changed; deleted by editors.
  // Exports are written by the export service only (src/export/exportPdf.ts), never uploaded.
  'issue-exports': { create: [], readPublished: ALL, readDraft: STAFF, update: [], delete: EDITORS },
  // Campaigns: editors only; "update" is a campaign not yet started.
  campaigns: { create: EDITORS, readPublished: EDITORS, update: EDITORS, delete: EDITORS },
  // The delivery ledger: written by the delivery engine only, read by editors.
  deliveries: { create: [], readPublished: EDITORS, update: [], delete: [] },
}

const VERSIONED = new Set<CollectionSlug>(['issues', 'essays', 'publications', 'highlights', 'chronologies'])
/** Content with a review status: only approved items can be published. */
const REVIEWED = new Set<CollectionSlug>(['essays', 'publications', 'highlights', 'chronologies'])

/** How a denied cell must be denied. */
type Denial =
  | { status: number; message: string | RegExp }
  /** The API answers 200 and leaves the value as it was: field access, or a save that lands as a draft. */
  | { noEffect: string }

const FORBIDDEN: Denial = { status: 403, message: 'You are not allowed to perform this action.' }
const NOT_FOUND: Denial = { status: 404, message: 'Not Found' }

/** The reason each denied cell must give. Written from the rules, not from what the code says. */
function denialFor(collection: CollectionSlug, op: Op, actor: Actor): Denial {
  const publisherOnly = actor === 'editorialAssistant' || actor === 'productionEditor'
  // Production editors may save these items, but every content field is locked for them.
  const fieldLocked = actor === 'productionEditor' && VERSIONED.has(collection)
  switch (op) {
    case 'readPublished':
    case 'readDraft':
    case 'restRead':
    case 'graphqlRead':
      // Reading what one may not see: the item does not exist for them (a query constraint).
      if (['users', 'audit-log', 'subscribers', 'campaigns', 'deliveries'].includes(collection) && actor === 'public') return FORBIDDEN
      if (['audit-log', 'subscribers', 'campaigns', 'deliveries'].includes(collection)) return FORBIDDEN
      return NOT_FOUND
    case 'update':
    case 'restUpdate':
    case 'graphqlUpdate':
      if (fieldLocked) return { noEffect: 'content fields are read-only for production editors' }
      return FORBIDDEN
    case 'updateLayout':
      return FORBIDDEN
    case 'updateLive':
      if (fieldLocked) return { noEffect: 'content fields are read-only for production editors' }
      return actor === 'editorialAssistant' ? { noEffect: 'the save lands as a draft; the live version stays' } : FORBIDDEN
    case 'publish':
    case 'restPublish':
    case 'graphqlPublish':
      return publisherOnly ? { status: 403, message: /^Only editors can publish [a-z ]+ “.+”\. Save your changes as a draft and ask an editor to publish them\.$/ } : FORBIDDEN
    case 'unpublish':
      return publisherOnly ? { status: 403, message: /^Only editors can unpublish [a-z ]+ “.+”: readers would lose it\./ } : FORBIDDEN
    case 'restore':
      return publisherOnly ? { status: 403, message: /^Only editors can restore a version of the published [a-z ]+ “.+”/ } : FORBIDDEN
    case 'create':
    case 'delete':
      return FORBIDDEN
  }
}

let t: TestPayload
let payload: Payload
const users: Partial<Record<Actor, User>> = {}
const tokens: Partial<Record<Actor, string>> = {}
let imagePng: Buffer
let pdf: Buffer
let schema: GraphQLSchema
let publishedChronology: Id
let draftChronology: Id
let publishedIssue: Id
let draftIssue: Id
let serial = 0

function sample(collection: CollectionSlug, marker: string): Record<string, unknown> {
  serial += 1
  switch (collection) {
    case 'issues':
      return { title: `Issue ${marker}`, slug: `issue-${serial}`, volume: 1, number: serial, quarter: '2', year: 2024, publicationDate: toStoredDate('2024-07-01') }
    case 'essays':
      return { title: `Essay ${marker}`, slug: `essay-${serial}`, body: richText(paragraph('Body text.')) }
    case 'publications':
      return { title: `Book ${marker}`, kind: 'recent', publisher: 'Demo Press', year: 2024 }
    case 'highlights':
      return { title: `Event ${marker}`, photos: [] }
    case 'chronologies':
      return { title: `Chronology ${marker}`, periodStart: toStoredDate('2024-04-01'), periodEnd: toStoredDate('2024-06-30'), compiler: 'Dr Demo' }
    case 'chronology-entries':
      return { chronology: publishedChronology, startDate: toStoredDate('2024-04-02'), endDate: toStoredDate('2024-04-02'), paragraphs: [{ text: `Entry ${marker}` }] }
    case 'authors':
      return { name: `Author ${marker}`, privateEmail: `author${serial}@example.org` }
    case 'media':
      return { alt: `Image ${marker}` }
    case 'subscribers':
      return { email: `reader${serial}@example.org`, name: `Reader ${marker}` }
    case 'users':
      return { email: `member${serial}@example.org`, password: 'a-long-test-password', name: `Member ${marker}`, role: 'editorialAssistant' }
    case 'audit-log':
      return { at: new Date().toISOString(), action: 'exported', documentTitle: `Entry ${marker}` }
    case 'issue-exports':
      return { issue: publishedIssue, contentHash: `hash-${serial}`, exportedAt: new Date().toISOString(), exportedVia: 'cli', pageCount: 1 }
    case 'campaigns':
      return { name: `Campaign ${marker}`, issue: publishedIssue }
    case 'deliveries':
      return { email: `reader${serial}@example.org`, status: 'queued' }
    default:
      throw new Error(`no sample for ${collection}`)
  }
}

/** The field each collection's "update" changes, to see whether the change took effect. */
const LABEL_FIELD: Partial<Record<CollectionSlug, string>> = {
  issues: 'title', essays: 'title', publications: 'title', highlights: 'title', chronologies: 'title',
  authors: 'name', media: 'alt', subscribers: 'name', users: 'name', 'audit-log': 'documentTitle',
  'issue-exports': 'filename', campaigns: 'name', deliveries: 'email',
}

function fileFor(collection: CollectionSlug) {
  serial += 1
  if (collection === 'media') return { data: imagePng, mimetype: 'image/png', name: `sample-${serial}.png`, size: imagePng.byteLength }
  if (collection === 'issue-exports') return { data: pdf, mimetype: 'application/pdf', name: `export-${serial}.pdf`, size: pdf.byteLength }
  return undefined
}

/** Make a document as an admin would, bypassing access, to act on it. */
async function seedDoc(collection: CollectionSlug, status: 'published' | 'draft' = 'published'): Promise<Id> {
  const data = sample(collection, 'seeded')
  if (VERSIONED.has(collection)) data._status = status
  // Approved, so that the editors' "publish" cells test the right to publish, not the review.
  if (REVIEWED.has(collection)) data.reviewStatus = 'approved'
  if (collection === 'chronology-entries' && status === 'draft') data.chronology = draftChronology
  // An entry the chronology's publication included (set by publishChronologyEntries).
  if (collection === 'chronology-entries' && status === 'published') data.publishedWithChronology = true
  if (collection === 'issue-exports' && status === 'draft') data.issue = draftIssue
  // Readers see editions of published issues only: the "published" export is an edition.
  if (collection === 'issue-exports') data.kind = status === 'published' ? 'edition' : 'proof'
  if (collection === 'deliveries') {
    data.campaign = await seedDoc('campaigns')
    data.subscriber = await seedDoc('subscribers')
  }
  const doc = (await payload.create({ collection, data: data as never, file: fileFor(collection), overrideAccess: true })) as { id: Id }
  return doc.id
}

/** What an attempt came to: done, or refused with a status and a message. */
type Outcome = { done: true; result: unknown } | { done: false; status: number; message: string }

async function attempt(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { done: true, result: await run() }
  } catch (error) {
    const status = (error as { status?: number }).status
    if (typeof status !== 'number') throw error
    return { done: false, status, message: error instanceof Error ? error.message : String(error) }
  }
}

async function stored(collection: CollectionSlug, id: Id, draft = false): Promise<Record<string, unknown> | undefined> {
  const found = await payload.find({ collection, where: { id: { equals: id } }, draft, overrideAccess: true, depth: 0 })
  return found.docs[0] as unknown as Record<string, unknown> | undefined
}

/** A REST call through Payload's own handler, as the actor (JWT) or anonymous. */
async function rest(actor: Actor, method: string, path: string, body?: unknown): Promise<Outcome> {
  const token = tokens[actor]
  const response = await handleEndpoints({
    config: payload.config,
    payloadInstanceCacheKey: t.dir,
    request: new Request(`http://localhost:3000/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  })
  const json = (await response.json()) as { errors?: Array<{ message: string }>; message?: string; doc?: unknown }
  if (response.ok) return { done: true, result: json.doc ?? json }
  return { done: false, status: response.status, message: json.message ?? json.errors?.[0]?.message ?? '' }
}

/** A GraphQL operation as the actor, against the schema the /api/graphql route serves. */
async function gql(actor: Actor, source: string): Promise<Outcome> {
  const user = actor === 'public' ? undefined : { ...users[actor]!, collection: 'users' as const }
  const req = await createLocalReq(user ? { user } : {}, payload)
  const result = await graphql({ schema, source, contextValue: { req, headers: {} } })
  const error = result.errors?.[0]
  if (!error) return { done: true, result: result.data }
  const status = (error.originalError as { status?: number } | undefined)?.status
  if (typeof status !== 'number') throw error
  return { done: false, status, message: error.message }
}

/** The GraphQL names Payload gives a collection: Essay / Essays, updateEssay. */
const GRAPHQL_NAME: Partial<Record<CollectionSlug, string>> = {
  issues: 'Issue', essays: 'Essay', publications: 'Publication', highlights: 'Highlight', chronologies: 'Chronology',
}

async function perform(collection: CollectionSlug, actor: Actor, op: Op): Promise<{ outcome: Outcome; effect: boolean }> {
  const user = actor === 'public' ? undefined : users[actor]
  const as = { user, overrideAccess: false as const, depth: 0 }
  const versioned = VERSIONED.has(collection)
  const field = LABEL_FIELD[collection] ?? 'paragraphs'
  const changedTo = `changed by ${actor} ${++serial}`
  const valueOf = (doc: Record<string, unknown> | undefined) =>
    field === 'paragraphs' ? (doc?.paragraphs as Array<{ text: string }>)?.[0]?.text : doc?.[field]
  const liveOf = async (id: Id) => stored(collection, id)
  switch (op) {
    case 'create': {
      const data = sample(collection, `by ${actor}`)
      if (collection === 'deliveries') Object.assign(data, { campaign: await seedDoc('campaigns'), subscriber: await seedDoc('subscribers') })
      const outcome = await attempt(() =>
        payload.create({ collection, data: data as never, file: fileFor(collection), draft: versioned, ...as }),
      )
      return { outcome, effect: outcome.done }
    }
    case 'readPublished': {
      const id = collection === 'users' ? users.editorialAssistant!.id : await seedDoc(collection, 'published')
      const target = collection === 'users' && actor === 'editorialAssistant' ? users.editor!.id : id
      const outcome = await attempt(() => payload.findByID({ collection, id: target, ...as }))
      return { outcome, effect: outcome.done && Boolean(outcome.result) }
    }
    case 'readDraft': {
      const id = await seedDoc(collection, 'draft')
      const outcome = await attempt(() => payload.findByID({ collection, id, draft: versioned, ...as }))
      return { outcome, effect: outcome.done && Boolean(outcome.result) }
    }
    case 'update': {
      const id = collection === 'users' ? (await seedDoc('users')) : await seedDoc(collection, 'draft')
      const value = field === 'paragraphs' ? [{ text: changedTo }] : changedTo
      const outcome = await attempt(() => payload.update({ collection, id, data: { [field]: value } as never, draft: versioned, ...as }))
      return { outcome, effect: valueOf(await stored(collection, id, versioned)) === changedTo }
    }
    case 'updateLayout': {
      // A production editor's layout-only save of a published item: a draft save, as in the admin.
      const id = await seedDoc(collection, 'published')
      const layout = collection === 'issues' ? { chronologyOnNewPage: false } : { startOnNewPage: true }
      const outcome = await attempt(() => payload.update({ collection, id, data: { layout } as never, draft: true, ...as }))
      const after = await stored(collection, id, true)
      return { outcome, effect: JSON.stringify(after?.layout).includes(JSON.stringify(layout).slice(1, -1)) }
    }
    case 'updateLive': {
      // A save without ?draft=true of a published item: only editors change the live version.
      const id = await seedDoc(collection, 'published')
      const outcome = await attempt(() => payload.update({ collection, id, data: { title: changedTo } as never, ...as }))
      const live = await liveOf(id)
      return { outcome, effect: live?.title === changedTo && live?._status === 'published' }
    }
    case 'publish': {
      const id = await seedDoc(collection, 'draft')
      const outcome = await attempt(() => payload.update({ collection, id, data: { _status: 'published' } as never, ...as }))
      return { outcome, effect: (await liveOf(id))?._status === 'published' }
    }
    case 'unpublish': {
      const id = await seedDoc(collection, 'published')
      const outcome = await attempt(() => payload.update({ collection, id, data: { _status: 'draft' } as never, ...as }))
      return { outcome, effect: (await liveOf(id))?._status === 'draft' }
    }
    case 'restore': {
      // Restore, live, the version published first over a later published edition.
      const id = await seedDoc(collection, 'published')
      const first = (await stored(collection, id))?.title
      await payload.update({ collection, id, data: { title: 'Second edition' } as never, overrideAccess: true })
      const { docs } = await payload.findVersions({ collection, where: { parent: { equals: id } }, sort: 'createdAt', depth: 0, overrideAccess: true })
      const req = await createLocalReq(user ? { user: { ...user, collection: 'users' } } : {}, payload)
      const outcome = await attempt(() => restoreVersionOperation({ collection: payload.collections[collection], id: docs[0].id, depth: 0, req, overrideAccess: false }))
      return { outcome, effect: (await liveOf(id))?.title === first }
    }
    case 'delete': {
      const id = await seedDoc(collection, 'published')
      const outcome = await attempt(() => payload.delete({ collection, id, ...as }))
      return { outcome, effect: outcome.done && !(await stored(collection, id)) }
    }
    case 'restRead': {
      const id = await seedDoc(collection, 'published')
      const outcome = await rest(actor, 'GET', `/${collection}/${id}?depth=0`)
      return { outcome, effect: outcome.done && (outcome.result as { id?: Id }).id === id }
    }
    case 'restUpdate': {
      const id = await seedDoc(collection, 'draft')
      const outcome = await rest(actor, 'PATCH', `/${collection}/${id}?draft=true&depth=0`, { title: changedTo })
      return { outcome, effect: valueOf(await stored(collection, id, true)) === changedTo }
    }
    case 'restPublish': {
      const id = await seedDoc(collection, 'draft')
      const outcome = await rest(actor, 'PATCH', `/${collection}/${id}?depth=0`, { _status: 'published' })
      return { outcome, effect: (await liveOf(id))?._status === 'published' }
    }
    case 'graphqlRead': {
      const id = await seedDoc(collection, 'published')
      const outcome = await gql(actor, `{ ${GRAPHQL_NAME[collection]}(id: ${id}) { id title } }`)
      const found = outcome.done ? (outcome.result as Record<string, { id?: Id } | null>)[GRAPHQL_NAME[collection]!] : null
      return { outcome, effect: found?.id === id }
    }
    case 'graphqlUpdate': {
      const id = await seedDoc(collection, 'draft')
      const outcome = await gql(actor, `mutation { update${GRAPHQL_NAME[collection]}(id: ${id}, draft: true, data: { title: "${changedTo}" }) { id } }`)
      return { outcome, effect: valueOf(await stored(collection, id, true)) === changedTo }
    }
    case 'graphqlPublish': {
      const id = await seedDoc(collection, 'draft')
      const outcome = await gql(actor, `mutation { update${GRAPHQL_NAME[collection]}(id: ${id}, data: { _status: published }) { id } }`)
      return { outcome, effect: (await liveOf(id))?._status === 'published' }
    }
  }
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  imagePng = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a6' } }).png().toBuffer()
  const doc = await PDFDocument.create()
  doc.addPage([200, 200])
  pdf = Buffer.from(await doc.save())
  schema = configToSchema(payload.config).schema
  for (const role of STAFF) {
    users[role] = (await payload.create({
      collection: 'users',
      data: { email: `${role}@example.org`, password: 'a-long-test-password', name: role, role: role as User['role'] },
      overrideAccess: true,
    })) as User
    const { token } = await payload.login({ collection: 'users', data: { email: `${role}@example.org`, password: 'a-long-test-password' } })
    tokens[role] = token
  }
  publishedChronology = await seedDoc('chronologies', 'published')
  draftChronology = await seedDoc('chronologies', 'draft')
  publishedIssue = await seedDoc('issues', 'published')
  draftIssue = await seedDoc('issues', 'draft')
})

afterAll(async () => {
  await t?.close()
})

const cells = Object.entries(MATRIX).flatMap(([collection, ops]) =>
  Object.entries(ops ?? {}).flatMap(([op, allowed]) =>
    ACTORS.map((actor) => ({ collection: collection as CollectionSlug, op: op as Op, actor, allowed: allowed!.includes(actor) })),
  ),
)

describe('access matrix: role × collection × operation', () => {
  it.each(cells)('$collection · $op · $actor → allowed: $allowed', async ({ collection, op, actor, allowed }) => {
    const { outcome, effect } = await perform(collection, actor, op)
    if (allowed) {
      expect(outcome).toMatchObject({ done: true })
      expect(effect, 'the operation took effect').toBe(true)
      return
    }
    expect(effect, 'a denied operation has no effect').toBe(false)
    const denial = denialFor(collection, op, actor)
    if ('noEffect' in denial) {
      expect(outcome, `answered without effect: ${denial.noEffect}`).toMatchObject({ done: true })
    } else {
      expect(outcome).toMatchObject({ done: false, status: denial.status, message: denial.message })
    }
  })
})

describe('access details', () => {
  it('hides an author\'s private email from the public but not from the committee', async () => {
    const id = await seedDoc('authors')
    const asPublic = (await payload.findByID({ collection: 'authors', id, overrideAccess: false })) as unknown as Record<string, unknown>
    const asAssistant = (await payload.findByID({ collection: 'authors', id, overrideAccess: false, user: users.editorialAssistant })) as unknown as Record<string, unknown>
    expect(asPublic.privateEmail).toBeUndefined()
    expect(asAssistant.privateEmail).toMatch(/@example.org$/)
  })

  it('lists only published issues to the public', async () => {
    const draft = await seedDoc('issues', 'draft')
    const published = await seedDoc('issues', 'published')
    const { docs } = await payload.find({ collection: 'issues', overrideAccess: false, limit: 100, depth: 0 })
    const ids = docs.map((doc) => doc.id)
    expect(ids).toContain(published)
    expect(ids).not.toContain(draft)
  })

  it('keeps an entry added to a published chronology from the public until the chronology is published again', async () => {
    const entry = await payload.create({
      collection: 'chronology-entries',
      data: sample('chronology-entries', 'added after publication') as never,
      user: users.editor,
      overrideAccess: false,
    })
    const asPublic = { overrideAccess: false as const, depth: 0 }
    await expect(payload.findByID({ collection: 'chronology-entries', id: entry.id, ...asPublic })).rejects.toMatchObject({ status: 404 })
    expect(await payload.findByID({ collection: 'chronology-entries', id: entry.id, user: users.productionEditor, ...asPublic })).toBeTruthy()
    // The chronology was approved: the new entry sent it back to review.
    expect((await stored('chronologies', publishedChronology, true))?.reviewStatus).toBe('inReview')
    await payload.update({
      collection: 'chronologies',
      id: publishedChronology,
      data: { reviewStatus: 'approved', _status: 'published' },
      user: users.editor,
      overrideAccess: false,
    })
    expect((await payload.findByID({ collection: 'chronology-entries', id: entry.id, ...asPublic })).id).toBe(entry.id)
  })

  it('shows every member the others\' name, email and role, never their password, sessions or tokens', async () => {
    // Relationship labels (assignee, note author) show the name, not "Untitled - ID n".
    expect(payload.collections.users.config.admin.useAsTitle).toBe('name')
    // Logged in, so that they have sessions to keep to themselves.
    for (const member of ['editor', 'admin'] as const) {
      await payload.login({ collection: 'users', data: { email: users[member]!.email, password: 'a-long-test-password' } })
      const self = await payload.findByID({ collection: 'users', id: users[member]!.id, user: users[member], overrideAccess: false })
      expect(self.sessions?.length, member).toBeGreaterThan(0)
    }
    for (const actor of STAFF) {
      const { docs } = await payload.find({ collection: 'users', user: users[actor], overrideAccess: false, pagination: false, depth: 0 })
      expect(docs.length, actor).toBeGreaterThanOrEqual(STAFF.length)
      const other = docs.find((doc) => doc.id === users[actor === 'admin' ? 'editor' : 'admin']!.id) as unknown as Record<string, unknown>
      expect(other, actor).toMatchObject({ name: expect.any(String), email: expect.stringMatching(/@example.org$/), role: expect.any(String) })
      for (const secret of ['password', 'hash', 'salt', 'resetPasswordToken', 'apiKey', 'loginAttempts', 'lockUntil']) {
        expect(other[secret], `${actor} reads ${secret}`).toBeUndefined()
      }
      // Payload's own field access: another member's sessions read as none.
      expect(other.sessions ?? [], `${actor} reads sessions`).toEqual([])
    }
  })

  it('lets each member read themself but not promote themself', async () => {
    const assistant = users.editorialAssistant!
    const self = await payload.findByID({ collection: 'users', id: assistant.id, user: assistant, overrideAccess: false })
    expect(self.email).toBe(assistant.email)
    await payload.update({ collection: 'users', id: assistant.id, data: { role: 'admin' }, user: assistant, overrideAccess: false })
    const after = await payload.findByID({ collection: 'users', id: assistant.id, overrideAccess: true })
    expect(after.role).toBe('editorialAssistant')
  })

  it('refuses an assistant\'s publish with a message that says who can', async () => {
    const id = await seedDoc('essays', 'draft')
    await expect(
      payload.update({ collection: 'essays', id, data: { _status: 'published' }, user: users.editorialAssistant, overrideAccess: false }),
    ).rejects.toThrow(/Only editors can publish/)
  })

  it('keeps a production editor\'s content change out while saving the layout change, as a draft: the live essay stays', async () => {
    const id = await seedDoc('essays', 'published')
    // A live save by a production editor is a draft save (README, Roles: the publishing rule).
    const saved = await payload.update({
      collection: 'essays',
      id,
      data: { title: 'Retitled by production', layout: { startOnNewPage: true } },
      user: users.productionEditor,
      overrideAccess: false,
    })
    expect(saved._status).toBe('draft')
    const draft = await stored('essays', id, true)
    expect(draft?.title).toBe('Essay seeded')
    expect((draft?.layout as { startOnNewPage?: boolean }).startOnNewPage).toBe(true)
    const live = await stored('essays', id)
    expect(live?._status).toBe('published')
    expect((live?.layout as { startOnNewPage?: boolean }).startOnNewPage).toBe(false)
  })

  it('lets the public read the publication settings and only editors change them', async () => {
    await payload.updateGlobal({
      slug: 'publication-settings',
      data: { institute: 'Institute', centre: 'Centre', aboutText: 'About', rightsText: 'Rights', postalAddress: 'Address', correspondence: { name: 'N', email: 'n@example.org' } },
      overrideAccess: true,
    })
    const read = await payload.findGlobal({ slug: 'publication-settings', overrideAccess: false })
    expect(read.institute).toBe('Institute')
    for (const [actor, allowed] of [['editorialAssistant', false], ['productionEditor', false], ['editor', true]] as const) {
      const outcome = await attempt(() =>
        payload.updateGlobal({ slug: 'publication-settings', data: { centre: `Centre by ${actor}` }, user: users[actor], overrideAccess: false }),
      )
      expect(outcome).toMatchObject(allowed ? { done: true } : { done: false, status: 403, message: 'You are not allowed to perform this action.' })
    }
  })
})
