import { createLocalReq, restoreVersionOperation, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { schedulePublishByEditors } from '@/admin/schedulePublish'
import { toStoredDate } from '@/fields/dayDate'
import type { AuditLog, User } from '@/payload-types'
import { paragraph, richText } from '@/seed/lexical'
import { createMembers, startTestPayload, type TestPayload } from '../../support/payload'

/**
 * Only editors and admins change what the public sees (README, Roles): every collection with
 * drafts, attacked through the Local API by an editorial assistant and a production editor
 * (real users, overrideAccess: false) on each path that can change the live version:
 * unpublish, a live save over a pending draft, bulk update, duplicate, version restore and
 * the scheduled-publish job. The public view (anonymous read) and the audit log are checked
 * after each attack.
 */

type Id = number | string
type Drafted = 'issues' | 'essays' | 'publications' | 'highlights' | 'chronologies'
type Member = 'assistant' | 'production' | 'editor'
type Doc = Record<string, unknown> & { id: Id }

const COLLECTIONS: Drafted[] = ['issues', 'essays', 'publications', 'highlights', 'chronologies']
const NON_PUBLISHERS = ['assistant', 'production'] as const
const LABEL: Record<Drafted, string> = {
  issues: 'issue',
  essays: 'essay',
  publications: 'publication',
  highlights: 'highlight',
  chronologies: 'chronology',
}
const ROLE = { assistant: 'editorialAssistant', production: 'productionEditor', editor: 'editor' } as const

let t: TestPayload
let payload: Payload
const users = {} as Record<Member, User>
let serial = 0

function sample(collection: Drafted): Record<string, unknown> {
  serial += 1
  const title = `Live ${LABEL[collection]} ${serial}`
  switch (collection) {
    case 'issues':
      return { title, slug: `issue-${serial}`, volume: 1, number: serial, quarter: '2', year: 2024, publicationDate: toStoredDate('2024-07-01') }
    case 'essays':
      return { title, slug: `essay-${serial}`, body: richText(paragraph('Body text.')) }
    case 'publications':
      return { title, kind: 'recent', publisher: 'Demo Press', year: 2024 }
    case 'highlights':
      return { title }
    case 'chronologies':
      return { title, periodStart: toStoredDate('2024-04-01'), periodEnd: toStoredDate('2024-06-30'), compiler: 'Dr Demo' }
  }
}

/** A published, approved item, made by server code. */
async function published(collection: Drafted): Promise<Doc> {
  const data = { ...sample(collection), _status: 'published', ...(collection === 'issues' ? {} : { reviewStatus: 'approved' }) }
  return (await payload.create({ collection, data: data as never, depth: 0 })) as unknown as Doc
}

/** What each member may change on a published item: the assistant its title, production its layout. */
function change(collection: Drafted, member: Member): { data: Record<string, unknown>; landed: (doc: Doc) => boolean } {
  if (member !== 'production') return { data: { title: `Changed by ${member}` }, landed: (doc) => doc.title === `Changed by ${member}` }
  if (collection === 'issues') {
    return { data: { layout: { chronologyOnNewPage: false } }, landed: (doc) => (doc.layout as { chronologyOnNewPage?: boolean })?.chronologyOnNewPage === false }
  }
  if (collection === 'essays') {
    return { data: { layout: { startOnNewPage: true } }, landed: (doc) => (doc.layout as { startOnNewPage?: boolean })?.startOnNewPage === true }
  }
  return { data: { layoutReady: true }, landed: (doc) => doc.layoutReady === true }
}

const as = (member: Member) => ({ user: users[member], overrideAccess: false as const, depth: 0 })

/** The live row, as readers get it (anonymous, access applied), or undefined when they cannot. */
async function publicView(collection: Drafted, id: Id): Promise<Doc | undefined> {
  const { docs } = await payload.find({ collection, where: { id: { equals: id } }, overrideAccess: false, depth: 0 })
  return docs[0] as unknown as Doc | undefined
}

async function latest(collection: Drafted, id: Id): Promise<Doc> {
  return (await payload.findByID({ collection, id, draft: true, depth: 0 })) as unknown as Doc
}

async function refusal(run: () => Promise<unknown>): Promise<{ status?: number; message: string } | undefined> {
  try {
    await run()
    return undefined
  } catch (error) {
    return { status: (error as { status?: number }).status, message: error instanceof Error ? error.message : String(error) }
  }
}

async function auditSince(collection: string, id: Id, since: string): Promise<Array<Pick<AuditLog, 'action' | 'userEmail' | 'from' | 'to'>>> {
  const { docs } = await payload.find({
    collection: 'audit-log',
    where: { and: [{ documentId: { equals: String(id) } }, { collectionSlug: { equals: collection } }, { at: { greater_than_equal: since } }] },
    sort: 'createdAt',
    pagination: false,
    depth: 0,
  })
  return docs.map(({ action, userEmail, from, to }) => ({ action, userEmail, from, to }))
}

const PUBLISHING_ACTIONS = new Set(['published', 'unpublished', 'republished'])
const publishingEntries = async (collection: string, id: Id, since: string) =>
  (await auditSince(collection, id, since)).filter((entry) => PUBLISHING_ACTIONS.has(entry.action))

/** The live item is as it was: published, with the title it was published with. */
async function expectUnchangedForReaders(collection: Drafted, doc: Doc): Promise<void> {
  const view = await publicView(collection, doc.id)
  expect(view, `${collection} ${String(doc.id)} still public`).toBeDefined()
  expect(view?._status).toBe('published')
  expect(view?.title).toBe(doc.title)
  expect(view?.updatedAt, 'the live row was not written').toBe(doc.updatedAt)
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  Object.assign(users, await createMembers(payload, ROLE))
})

afterAll(async () => {
  await t?.close()
})

describe.each(COLLECTIONS)('%s: only editors change what readers see', (collection) => {
  describe.each(NON_PUBLISHERS)('as the %s', (member) => {
    it('refuses an unpublish with a 403 that names the item and says to ask an editor', async () => {
      const doc = await published(collection)
      const since = new Date().toISOString()
      const refused = await refusal(() => payload.update({ collection, id: doc.id, data: { _status: 'draft' } as never, ...as(member) }))
      expect(refused?.status).toBe(403)
      expect(refused?.message).toBe(
        `Only editors can unpublish ${LABEL[collection]} “${String(doc.title)}”: readers would lose it. Save your changes as a draft and ask an editor to publish them.`,
      )
      await expectUnchangedForReaders(collection, doc)
      expect(await publishingEntries(collection, doc.id, since)).toEqual([])
    })

    it('refuses an explicit publish over a published item, and a publish as a draft save', async () => {
      const doc = await published(collection)
      for (const draft of [false, true]) {
        const refused = await refusal(() =>
          payload.update({ collection, id: doc.id, data: { _status: 'published', title: 'Hijacked' } as never, draft, ...as(member) }),
        )
        expect(refused?.status, `draft: ${draft}`).toBe(403)
        expect(refused?.message).toMatch(new RegExp(`^Only editors can publish ${LABEL[collection]} “Hijacked”\\. Save your changes as a draft and ask an editor`))
      }
      await expectUnchangedForReaders(collection, doc)
    })

    it('saves a live (non-draft) save over a pending draft as a draft: the live version stays, the change waits for an editor', async () => {
      const doc = await published(collection)
      // The assistant's autosave leaves a pending draft.
      await payload.update({ collection, id: doc.id, data: { title: 'Pending draft' } as never, draft: true, autosave: true, ...as('assistant') })
      const since = new Date().toISOString()
      const { data, landed } = change(collection, member)
      const saved = (await payload.update({ collection, id: doc.id, data: data as never, ...as(member) })) as unknown as Doc
      expect(saved._status).toBe('draft')
      await expectUnchangedForReaders(collection, doc)
      const draft = await latest(collection, doc.id)
      expect(landed(draft), 'the change is in the draft').toBe(true)
      expect(draft.title).toBe(member === 'assistant' ? 'Changed by assistant' : 'Pending draft')
      expect(await publishingEntries(collection, doc.id, since)).toEqual([])
    })

    it('makes a bulk update a draft save and refuses a bulk unpublish or publish', async () => {
      const doc = await published(collection)
      const where = { id: { equals: doc.id } }
      const { data, landed } = change(collection, member)
      const result = await payload.update({ collection, where, data: data as never, ...as(member) })
      expect(result.errors).toEqual([])
      expect(result.docs.map((d) => (d as unknown as Doc)._status)).toEqual(['draft'])
      expect(landed(await latest(collection, doc.id))).toBe(true)
      await expectUnchangedForReaders(collection, doc)

      const unpublish = await refusal(() => payload.update({ collection, where, data: { _status: 'draft' } as never, ...as(member) }))
      expect(unpublish?.status).toBe(403)
      expect(unpublish?.message).toMatch(/^Only editors can unpublish [a-z]+: readers would lose them\. Save your changes as drafts and ask an editor\.$/)
      const publish = await refusal(() => payload.update({ collection, where, data: { _status: 'published' } as never, ...as(member) }))
      expect(publish?.status).toBe(403)
      expect(publish?.message).toMatch(/^Only editors can publish/)
      await expectUnchangedForReaders(collection, doc)
    })

    it('never makes a duplicate of a published item public', async () => {
      const doc = await published(collection)
      const copy = { ...(collection === 'issues' || collection === 'essays' ? { slug: `copy-${++serial}` } : {}) }
      const mayCreate = member === 'assistant' && collection !== 'issues'
      const duplicated = await refusal(async () => {
        const dup = (await payload.duplicate({ collection, id: doc.id, data: copy as never, ...as(member) })) as unknown as Doc
        expect(dup._status).toBe('draft')
        expect(await publicView(collection, dup.id), 'the copy is not public').toBeUndefined()
      })
      if (mayCreate) expect(duplicated).toBeUndefined()
      else expect(duplicated).toMatchObject({ status: 403, message: 'You are not allowed to perform this action.' })
      if (!mayCreate) return
      const asPublished = await refusal(() =>
        payload.duplicate({ collection, id: doc.id, data: { ...copy, slug: `copy-${++serial}`, _status: 'published' } as never, ...as(member) }),
      )
      expect(asPublished?.status).toBe(403)
      expect(asPublished?.message).toMatch(/^Only editors can publish/)
    })

    it('refuses a live restore of a version over the published item, and lets it be restored as a draft', async () => {
      const doc = await published(collection)
      await payload.update({ collection, id: doc.id, data: { title: 'Old draft' } as never, draft: true, ...as('assistant') })
      const { docs: versions } = await payload.findVersions({ collection, where: { parent: { equals: doc.id } }, sort: 'createdAt', depth: 0 })
      const [publishedVersion, draftVersion] = versions
      expect(publishedVersion.version._status).toBe('published')
      expect(draftVersion.version._status).toBe('draft')
      const since = new Date().toISOString()

      const refused = await refusal(() => payload.restoreVersion({ collection, id: draftVersion.id, ...as(member) }))
      expect(refused?.status).toBe(403)
      expect(refused?.message).toBe(
        `Only editors can restore a version of the published ${LABEL[collection]} “${String(doc.title)}”: it would replace what readers see. Restore it as a draft, or ask an editor.`,
      )
      await expectUnchangedForReaders(collection, doc)

      // As a draft, the published version too: a restore, not a publish.
      for (const version of [draftVersion, publishedVersion]) {
        // The Local API's restoreVersion has no `draft`; the operation does (REST: ?draft=true).
        const req = await createLocalReq({ user: { ...users[member], collection: 'users' } }, payload)
        await restoreVersionOperation({ collection: payload.collections[collection], id: version.id, draft: true, depth: 0, req })
        expect((await latest(collection, doc.id))._status).toBe('draft')
        await expectUnchangedForReaders(collection, doc)
      }
      expect(await publishingEntries(collection, doc.id, since)).toEqual([])
    })
  })

  it('records an editor\'s live save over a pending draft, which takes the item offline, as an unpublish', async () => {
    const doc = await published(collection)
    await payload.update({ collection, id: doc.id, data: { title: 'Pending draft' } as never, draft: true, autosave: true, ...as('assistant') })
    const since = new Date().toISOString()
    // A save without `_status` takes the latest version's: the pending draft's.
    await payload.update({ collection, id: doc.id, data: {} as never, ...as('editor') })
    expect(await publicView(collection, doc.id)).toBeUndefined()
    expect(await publishingEntries(collection, doc.id, since)).toEqual([{ action: 'unpublished', userEmail: 'editor@example.org', from: 'published', to: 'draft' }])
  })

  it('records an editor\'s published changes and live restore, compared with what was live', async () => {
    const doc = await published(collection)
    await payload.update({ collection, id: doc.id, data: { title: 'Second edition' } as never, ...as('editor') })
    expect((await publicView(collection, doc.id))?.title).toBe('Second edition')
    const { docs: versions } = await payload.findVersions({ collection, where: { parent: { equals: doc.id } }, sort: 'createdAt', depth: 0 })
    const since = new Date().toISOString()
    await payload.restoreVersion({ collection, id: versions[0].id, ...as('editor') })
    expect((await publicView(collection, doc.id))?.title).toBe(doc.title)
    expect(await publishingEntries(collection, doc.id, since)).toEqual([{ action: 'republished', userEmail: 'editor@example.org', from: null, to: null }])
  })
})

describe('scheduled publication: only editors schedule, and the job has the scheduler\'s rights', () => {
  async function schedule(member: Member, type: 'publish' | 'unpublish', id: Id) {
    const req = await createLocalReq({ user: { ...users[member], collection: 'users' } }, payload)
    return schedulePublishByEditors({
      req,
      type,
      doc: { relationTo: 'issues', value: String(id) },
      date: new Date(Date.now() - 1000),
      importMap: {},
      cookies: new Map(),
      permissions: {} as never,
    })
  }
  const scheduledJobs = async (id: Id) =>
    (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, pagination: false, depth: 0 })).docs.filter(
      (job) => (job.input as { doc?: { value?: unknown } } | null)?.doc?.value === String(id),
    )

  it.each(NON_PUBLISHERS)('refuses the %s\'s schedule, publish or unpublish, and queues nothing', async (member) => {
    const draft = (await payload.create({ collection: 'issues', data: sample('issues') as never, draft: true, depth: 0 })) as unknown as Doc
    const live = await published('issues')
    expect(await schedule(member, 'publish', draft.id)).toEqual({ error: expect.stringMatching(/^Only editors can schedule publishing\./) })
    expect(await schedule(member, 'unpublish', live.id)).toEqual({ error: expect.stringMatching(/^Only editors can schedule publishing\./) })
    expect(await scheduledJobs(draft.id)).toEqual([])
    expect(await scheduledJobs(live.id)).toEqual([])
  })

  it.each(NON_PUBLISHERS)('runs a job queued for the %s with their rights: nothing is published or unpublished', async (member) => {
    const draft = (await payload.create({ collection: 'issues', data: sample('issues') as never, draft: true, depth: 0 })) as unknown as Doc
    const live = await published('issues')
    for (const [type, doc] of [['publish', draft], ['unpublish', live]] as const) {
      await payload.jobs.queue({
        task: 'schedulePublish',
        input: { type, doc: { relationTo: 'issues', value: String(doc.id) as unknown as number }, user: { relationTo: 'users', value: users[member].id } },
      })
    }
    await payload.jobs.run({ queue: 'default' })
    expect(await publicView('issues', draft.id)).toBeUndefined()
    await expectUnchangedForReaders('issues', live)
    for (const doc of [draft, live]) {
      const [job] = await scheduledJobs(doc.id)
      expect(job.hasError, `job for ${String(doc.id)}`).toBe(true)
    }
  })

  it('lets an editor schedule: the job publishes as them', async () => {
    const draft = (await payload.create({ collection: 'issues', data: sample('issues') as never, draft: true, depth: 0 })) as unknown as Doc
    expect(await schedule('editor', 'publish', draft.id)).toEqual({ message: expect.any(String) })
    await payload.jobs.run({ queue: 'default' })
    expect((await publicView('issues', draft.id))?._status).toBe('published')
    expect(await publishingEntries('issues', draft.id, '1970-01-01T00:00:00.000Z')).toEqual([
      { action: 'published', userEmail: 'editor@example.org', from: 'draft', to: 'published' },
    ])
  })
})

describe('chronology entries: the "published with the chronology" mark', () => {
  it('is not copied by a duplicate: the copy waits for the next publication of the chronology', async () => {
    const chronology = await published('chronologies')
    const entry = await payload.create({
      collection: 'chronology-entries',
      data: { chronology: chronology.id as number, startDate: toStoredDate('2024-04-02'), endDate: toStoredDate('2024-04-02'), paragraphs: [{ text: 'Live entry' }], publishedWithChronology: true },
      depth: 0,
    })
    const anonymous = { overrideAccess: false as const, depth: 0 }
    expect((await payload.find({ collection: 'chronology-entries', where: { id: { equals: entry.id } }, ...anonymous })).docs).toHaveLength(1)
    for (const member of ['assistant', 'editor'] as const) {
      const copy = await payload.duplicate({ collection: 'chronology-entries', id: entry.id, ...as(member) })
      expect(copy.publishedWithChronology, member).toBe(false)
      expect((await payload.find({ collection: 'chronology-entries', where: { id: { equals: copy.id } }, ...anonymous })).docs, member).toEqual([])
    }
    const refused = await payload.create({
      collection: 'chronology-entries',
      data: { chronology: chronology.id as number, startDate: toStoredDate('2024-04-03'), endDate: toStoredDate('2024-04-03'), paragraphs: [{ text: 'Marked' }], publishedWithChronology: true },
      ...as('assistant'),
    })
    expect(refused.publishedWithChronology).toBe(false)
  })
})
