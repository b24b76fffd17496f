import sharp from 'sharp'
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { toStoredDate } from '@/fields/dayDate'
import { paragraph, richText } from '@/seed/lexical'
import { startTestPayload, type TestPayload } from '../support/payload'

/**
 * The committee's access matrix, cell by cell, through the Local API with real users and
 * overrideAccess: false. A cell is "allowed" when the operation takes effect, "denied" when
 * it is refused or leaves the stored data unchanged.
 */

type Actor = 'public' | 'editorialAssistant' | 'productionEditor' | 'editor' | 'admin'
type Op = 'create' | 'readPublished' | 'readDraft' | 'update' | 'updateLayout' | 'publish' | 'delete'
type Id = number | string

const ACTORS: Actor[] = ['public', 'editorialAssistant', 'productionEditor', 'editor', 'admin']
const ALL: Actor[] = ACTORS
const STAFF: Actor[] = ['editorialAssistant', 'productionEditor', 'editor', 'admin']
const WRITERS: Actor[] = ['editorialAssistant', 'editor', 'admin']
const EDITORS: Actor[] = ['editor', 'admin']
/** Layout changes on a published issue or essay: assistants only ever save drafts. */
const LAYOUT: Actor[] = ['productionEditor', 'editor', 'admin']

/** Who may do what: the brief's role list, written out. Missing ops do not apply. */
const MATRIX: Partial<Record<CollectionSlug, Partial<Record<Op, Actor[]>>>> = {
  issues: {
    create: EDITORS,
    readPublished: ALL,
    readDraft: STAFF,
    update: WRITERS,
    updateLayout: LAYOUT,
    publish: EDITORS,
    delete: EDITORS,
  },
  essays: {
    create: WRITERS,
    readPublished: ALL,
    readDraft: STAFF,
    update: WRITERS,
    updateLayout: LAYOUT,
    publish: EDITORS,
    delete: EDITORS,
  },
  publications: { create: WRITERS, readPublished: ALL, readDraft: STAFF, update: WRITERS, publish: EDITORS, delete: EDITORS },
  highlights: { create: WRITERS, readPublished: ALL, readDraft: STAFF, update: WRITERS, publish: EDITORS, delete: EDITORS },
  chronologies: { create: WRITERS, readPublished: ALL, readDraft: STAFF, update: WRITERS, publish: EDITORS, delete: EDITORS },
  // Entries have no drafts: "draft" here means an entry of an unpublished chronology.
  'chronology-entries': { create: WRITERS, readPublished: ALL, readDraft: STAFF, update: WRITERS, delete: WRITERS },
  authors: { create: WRITERS, readPublished: ALL, update: WRITERS, delete: EDITORS },
  media: { create: WRITERS, readPublished: ALL, update: WRITERS, delete: EDITORS },
  subscribers: { create: EDITORS, readPublished: EDITORS, update: EDITORS, delete: EDITORS },
  // For users, "readPublished" is reading another member and "update" changing their name.
  users: { create: EDITORS, readPublished: STAFF, update: EDITORS, delete: EDITORS },
  // Written by server code only (recordAudit); editors and admins read it.
  'audit-log': { create: [], readPublished: EDITORS, update: [], delete: [] },
}

const VERSIONED = new Set<CollectionSlug>(['issues', 'essays', 'publications', 'highlights', 'chronologies'])
/** Content with a review status: only approved items can be published. */
const REVIEWED = new Set<CollectionSlug>(['essays', 'publications', 'highlights', 'chronologies'])

let t: TestPayload
let payload: Payload
const users: Partial<Record<Actor, User>> = {}
let imagePng: Buffer
let publishedChronology: Id
let draftChronology: Id
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
    default:
      throw new Error(`no sample for ${collection}`)
  }
}

/** The field each collection's "update" changes, to see whether the change took effect. */
const LABEL_FIELD: Partial<Record<CollectionSlug, string>> = {
  issues: 'title', essays: 'title', publications: 'title', highlights: 'title', chronologies: 'title',
  authors: 'name', media: 'alt', subscribers: 'name', users: 'name', 'audit-log': 'documentTitle',
}

function fileFor(collection: CollectionSlug) {
  if (collection !== 'media') return undefined
  serial += 1
  return { data: imagePng, mimetype: 'image/png', name: `sample-${serial}.png`, size: imagePng.byteLength }
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
  const doc = (await payload.create({ collection, data: data as never, file: fileFor(collection), overrideAccess: true })) as { id: Id }
  return doc.id
}

async function attempt(run: () => Promise<unknown>): Promise<{ ok: boolean; result?: unknown }> {
  try {
    return { ok: true, result: await run() }
  } catch (error) {
    const status = (error as { status?: number }).status
    // Refusals only: anything else is a broken test, not a denied cell.
    if (status === 401 || status === 403 || status === 404) return { ok: false }
    throw error
  }
}

async function stored(collection: CollectionSlug, id: Id, draft = false): Promise<Record<string, unknown> | undefined> {
  const found = await payload.find({ collection, where: { id: { equals: id } }, draft, overrideAccess: true, depth: 0 })
  return found.docs[0] as unknown as Record<string, unknown> | undefined
}

async function perform(collection: CollectionSlug, actor: Actor, op: Op): Promise<boolean> {
  const user = actor === 'public' ? undefined : users[actor]
  const as = { user, overrideAccess: false as const, depth: 0 }
  const versioned = VERSIONED.has(collection)
  switch (op) {
    case 'create': {
      const data = sample(collection, `by ${actor}`)
      const { ok } = await attempt(() =>
        payload.create({ collection, data: data as never, file: fileFor(collection), draft: versioned, ...as }),
      )
      return ok
    }
    case 'readPublished': {
      const id = collection === 'users' ? users.editorialAssistant!.id : await seedDoc(collection, 'published')
      const target = collection === 'users' && actor === 'editorialAssistant' ? users.editor!.id : id
      const { ok, result } = await attempt(() => payload.findByID({ collection, id: target, ...as }))
      return ok && Boolean(result)
    }
    case 'readDraft': {
      const id = await seedDoc(collection, 'draft')
      const { ok, result } = await attempt(() => payload.findByID({ collection, id, draft: versioned, ...as }))
      return ok && Boolean(result)
    }
    case 'update': {
      const field = LABEL_FIELD[collection] ?? 'paragraphs'
      const id = collection === 'users' ? (await seedDoc('users')) : await seedDoc(collection, 'draft')
      const value = field === 'paragraphs' ? [{ text: `changed by ${actor}` }] : `changed by ${actor}`
      const { ok } = await attempt(() =>
        payload.update({ collection, id, data: { [field]: value } as never, draft: versioned, ...as }),
      )
      const after = await stored(collection, id, versioned)
      const now = field === 'paragraphs' ? (after?.paragraphs as Array<{ text: string }>)?.[0]?.text : after?.[field]
      return ok && now === `changed by ${actor}`
    }
    case 'updateLayout': {
      const id = await seedDoc(collection, 'published')
      const layout = collection === 'issues' ? { chronologyOnNewPage: false } : { startOnNewPage: true }
      const { ok } = await attempt(() => payload.update({ collection, id, data: { layout } as never, ...as }))
      const after = await stored(collection, id)
      return ok && JSON.stringify(after?.layout).includes(JSON.stringify(layout).slice(1, -1))
    }
    case 'publish': {
      const id = await seedDoc(collection, 'draft')
      const { ok } = await attempt(() => payload.update({ collection, id, data: { _status: 'published' } as never, ...as }))
      return ok && (await stored(collection, id))?._status === 'published'
    }
    case 'delete': {
      const id = await seedDoc(collection, 'published')
      const { ok } = await attempt(() => payload.delete({ collection, id, ...as }))
      return ok && !(await stored(collection, id))
    }
  }
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  imagePng = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a6' } }).png().toBuffer()
  for (const role of STAFF) {
    users[role] = (await payload.create({
      collection: 'users',
      data: { email: `${role}@example.org`, password: 'a-long-test-password', name: role, role: role as User['role'] },
      overrideAccess: true,
    })) as User
  }
  publishedChronology = await seedDoc('chronologies', 'published')
  draftChronology = await seedDoc('chronologies', 'draft')
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
    expect(await perform(collection, actor, op)).toBe(allowed)
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

  it('keeps a production editor\'s content change out while saving the layout change', async () => {
    const id = await seedDoc('essays', 'published')
    await payload.update({
      collection: 'essays',
      id,
      data: { title: 'Retitled by production', layout: { startOnNewPage: true } },
      user: users.productionEditor,
      overrideAccess: false,
    })
    const after = await stored('essays', id)
    expect(after?.title).toBe('Essay seeded')
    expect((after?.layout as { startOnNewPage?: boolean }).startOnNewPage).toBe(true)
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
      const { ok } = await attempt(() =>
        payload.updateGlobal({ slug: 'publication-settings', data: { centre: `Centre by ${actor}` }, user: users[actor], overrideAccess: false }),
      )
      expect(ok).toBe(allowed)
    }
  })
})
