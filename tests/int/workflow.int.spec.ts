import fs from 'node:fs'
import path from 'node:path'
import { simpleParser, type AddressObject } from 'mailparser'
import { createLocalReq, docAccessOperation, handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'
import { createCampaign, startCampaign } from '@/delivery/campaign'
import { importSubscribers } from '@/subscribers'
import { toStoredDate } from '@/fields/dayDate'
import type { AuditLog, Essay, User } from '@/payload-types'
import { paragraph, richText } from '@/seed/lexical'
import { settleNotifications } from '@/mail/notify'
import { REVIEW_STATUSES, type ReviewStatus } from '@/workflow/review'
import { createPublishedIssue } from '../support/campaign'
import { createMembers, startTestPayload, type TestPayload } from '../support/payload'

/**
 * The editorial workflow through the Local API, as each member of the committee, with
 * overrideAccess: false: review transitions by role, publishing only what is approved,
 * review notes stamped by the server, the audit log, notifications to the committee and
 * the scheduled publication of an issue.
 */

type Id = number | string
type Member = 'assistant' | 'production' | 'editor' | 'otherEditor' | 'admin'

const ROLE_OF: Record<Member, Role> = {
  assistant: 'editorialAssistant',
  production: 'productionEditor',
  editor: 'editor',
  otherEditor: 'editor',
  admin: 'admin',
}

let t: TestPayload
let payload: Payload
let outbox: string
const users = {} as Record<Member, User>
let serial = 0

const as = (member: Member) => ({ user: users[member], overrideAccess: false as const, depth: 0 })

/** An essay made by server code (no member), in the given review status. */
async function essay(reviewStatus: ReviewStatus = 'draft', extra: Partial<Essay> = {}): Promise<Essay> {
  serial += 1
  return payload.create({
    collection: 'essays',
    data: { title: `Essay ${serial}`, slug: `essay-${serial}`, body: richText(paragraph('Body text.')) as Essay['body'], reviewStatus, ...extra },
    draft: true,
    depth: 0,
  })
}

async function stored(id: Id): Promise<Essay> {
  return payload.findByID({ collection: 'essays', id, draft: true, depth: 0, overrideAccess: true })
}

async function refusal(run: () => Promise<unknown>): Promise<{ status?: number; message: string } | undefined> {
  try {
    await run()
    return undefined
  } catch (error) {
    return { status: (error as { status?: number }).status, message: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * The audit entries of an item. SQLite hands a deleted item's id to the next new one (the
 * title tells them apart in the log), so entries older than the item are left out here.
 */
async function auditOf(documentId: Id, collection = 'essays', since = '1970-01-01T00:00:00.000Z'): Promise<AuditLog[]> {
  const { docs } = await payload.find({
    collection: 'audit-log',
    where: {
      and: [{ documentId: { equals: String(documentId) } }, { collectionSlug: { equals: collection } }, { at: { greater_than_equal: since } }],
    },
    sort: 'createdAt',
    pagination: false,
    depth: 0,
  })
  return docs
}

interface Mail {
  to: string[]
  subject: string
  text: string
  file: string
}

async function readOutbox(): Promise<Mail[]> {
  if (!fs.existsSync(outbox)) return []
  const mails: Mail[] = []
  for (const file of fs.readdirSync(outbox).filter((name) => name.endsWith('.eml')).sort()) {
    const parsed = await simpleParser(fs.readFileSync(path.join(outbox, file)))
    const to = ([] as AddressObject[]).concat(parsed.to ?? []).flatMap((a) => a.value.map((v) => v.address ?? ''))
    mails.push({ to, subject: parsed.subject ?? '', text: parsed.text ?? '', file })
  }
  return mails
}

function emptyOutbox(): void {
  fs.rmSync(outbox, { recursive: true, force: true })
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  outbox = path.join(t.dir, 'outbox')
  Object.assign(users, await createMembers(payload, ROLE_OF))
})

afterAll(async () => {
  await settleNotifications()
  await t?.close()
})

// --- transitions ---------------------------------------------------------------------

const ALLOWED: Record<'assistant' | 'production' | 'editor' | 'admin', Array<[ReviewStatus, ReviewStatus]>> = {
  assistant: [
    ['draft', 'inReview'],
    ['changesRequested', 'inReview'],
  ],
  production: [],
  editor: REVIEW_STATUSES.flatMap((from) => REVIEW_STATUSES.filter((to) => to !== from).map((to): [ReviewStatus, ReviewStatus] => [from, to])),
  admin: REVIEW_STATUSES.flatMap((from) => REVIEW_STATUSES.filter((to) => to !== from).map((to): [ReviewStatus, ReviewStatus] => [from, to])),
}

const transitions = (['assistant', 'production', 'editor', 'admin'] as const).flatMap((member) =>
  REVIEW_STATUSES.flatMap((from) =>
    REVIEW_STATUSES.filter((to) => to !== from).map((to) => ({
      member,
      from,
      to,
      allowed: ALLOWED[member].some(([a, b]) => a === from && b === to),
    })),
  ),
)

describe('review transitions by role', () => {
  it.each(transitions)('$member: $from → $to allowed: $allowed', async ({ member, from, to, allowed }) => {
    const doc = await essay(from)
    const refused = await refusal(() =>
      payload.update({ collection: 'essays', id: doc.id, data: { reviewStatus: to }, draft: true, ...as(member) }),
    )
    const after = await stored(doc.id)
    if (allowed) {
      expect(refused).toBeUndefined()
      expect(after.reviewStatus).toBe(to)
    } else {
      expect(refused?.status).toBe(403)
      // The message names the item, where it was and where it was meant to go.
      expect(refused?.message).toContain(doc.title)
      expect(refused?.message).toMatch(/cannot move essay/)
      expect(after.reviewStatus).toBe(from)
    }
  })

  it('refuses an assistant who creates an item already approved', async () => {
    const refused = await refusal(() =>
      payload.create({
        collection: 'highlights',
        data: { title: 'Self-approved event', reviewStatus: 'approved' },
        draft: true,
        ...as('assistant'),
      }),
    )
    expect(refused?.status).toBe(403)
    expect(refused?.message).toMatch(/from “Draft” to “Approved”/)
  })

  it('answers a refusal through the REST API with a top-level message, which the admin shows whole, colon and commas in the title included', async () => {
    const title = 'ASEAN - Korea Relations: A Chronology, Revised'
    const doc = await essay('draft', { title })
    const { token } = await payload.login({ collection: 'users', data: { email: users.assistant.email, password: 'a-long-test-password' } })
    const request = (path: string, body: unknown) =>
      handleEndpoints({
        config: payload.config,
        payloadInstanceCacheKey: t.dir,
        request: new Request(`http://localhost:3000/api${path}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
          body: JSON.stringify(body),
        }),
      })
    const refused = await request(`/essays/${doc.id}?draft=true`, { reviewStatus: 'approved' })
    expect(refused.status).toBe(403)
    const body = (await refused.json()) as { message?: string; errors: Array<{ message: string }> }
    // The admin's form toasts `message` as it is; `errors[0].message` would be cut at the first ":" and at every comma.
    expect(body.message).toBe(
      `Editorial assistants cannot move essay “${title}” from “Draft” to “Approved”. Assistants send items to review; editors request changes, approve and reopen.`,
    )
    expect(body.errors[0].message).toBe(body.message)
    const publish = await request(`/essays/${doc.id}`, { _status: 'published' })
    // The refusal names the item (README, Roles: the publishing rule).
    expect(((await publish.json()) as { message?: string }).message).toBe(
      `Only editors can publish essay “${title}”. Save your changes as a draft and ask an editor to publish them.`,
    )
    // Other errors keep Payload's own shape.
    const missing = await request('/essays/999999?draft=true', { title: 'x' })
    expect(((await missing.json()) as { message?: string }).message).toBeUndefined()
  })

  it('lets an assistant edit an approved item without changing its status: it stays approved', async () => {
    const doc = await essay('approved')
    await payload.update({ collection: 'essays', id: doc.id, data: { title: 'Retitled by the assistant' }, draft: true, ...as('assistant') })
    const after = await stored(doc.id)
    expect(after.title).toBe('Retitled by the assistant')
    expect(after.reviewStatus).toBe('approved')
  })

  it('shows Review status and Assignee read-only to the production editor only, as the admin computes permissions', async () => {
    const doc = await essay('inReview')
    for (const [member, editable] of [['assistant', true], ['production', false], ['editor', true], ['admin', true]] as const) {
      const req = await createLocalReq({ user: { ...users[member], collection: 'users' } }, payload)
      const permissions = await docAccessOperation({ collection: payload.collections.essays, id: doc.id, req })
      // Sanitized: `true` for a field with every right, else the rights it has.
      const fields = permissions.fields as Record<string, true | { update?: boolean }>
      const mayUpdate = (name: string) => fields[name] === true || (typeof fields[name] === 'object' && fields[name].update === true)
      expect(mayUpdate('reviewStatus'), `${member} reviewStatus`).toBe(editable)
      expect(mayUpdate('assignee'), `${member} assignee`).toBe(editable)
      // Layout ready stays theirs.
      expect(mayUpdate('layoutReady'), `${member} layoutReady`).toBe(member !== 'assistant')
    }
  })

  it('refuses a production editor\'s change of assignee with a message, and lets the others assign', async () => {
    const doc = await essay('inReview')
    const refused = await refusal(() =>
      payload.update({ collection: 'essays', id: doc.id, data: { assignee: users.production.id }, draft: true, ...as('production') }),
    )
    expect(refused?.status).toBe(403)
    expect(refused?.message).toMatch(/Production editors cannot assign essay/)
    expect((await stored(doc.id)).assignee ?? null).toBeNull()
    // Saving the rest, with the assignee as it is, still works for them.
    await payload.update({ collection: 'essays', id: doc.id, data: { layoutReady: true, assignee: null }, draft: true, ...as('production') })
    expect((await stored(doc.id)).layoutReady).toBe(true)
    for (const member of ['assistant', 'editor'] as const) {
      await payload.update({ collection: 'essays', id: doc.id, data: { assignee: users.otherEditor.id }, draft: true, ...as(member) })
      expect((await stored(doc.id)).assignee, member).toBe(users.otherEditor.id)
      await payload.update({ collection: 'essays', id: doc.id, data: { assignee: null }, draft: true, ...as(member) })
    }
  })

  it('lets production editors, editors and admins mark an item layout-ready, not assistants', async () => {
    for (const [member, allowed] of [['assistant', false], ['production', true], ['editor', true], ['admin', true]] as const) {
      const highlight = await payload.create({ collection: 'highlights', data: { title: `Event for ${member}` }, draft: true, depth: 0 })
      await payload.update({ collection: 'highlights', id: highlight.id, data: { layoutReady: true }, draft: true, ...as(member) })
      const after = await payload.findByID({ collection: 'highlights', id: highlight.id, draft: true, depth: 0 })
      expect(after.layoutReady, member).toBe(allowed)
    }
  })

  it('keeps a production editor\'s content change out of a highlight while saving "layout ready"', async () => {
    const highlight = await payload.create({ collection: 'highlights', data: { title: 'Lecture' }, draft: true, depth: 0 })
    await payload.update({
      collection: 'highlights',
      id: highlight.id,
      data: { title: 'Retitled by production', layoutReady: true },
      draft: true,
      ...as('production'),
    })
    const after = await payload.findByID({ collection: 'highlights', id: highlight.id, draft: true, depth: 0 })
    expect(after.title).toBe('Lecture')
    expect(after.layoutReady).toBe(true)
  })
})

// --- publishing ----------------------------------------------------------------------

describe('only approved items are published', () => {
  it('refuses an editor\'s publish until the item is approved, for every reviewed collection', async () => {
    const made = [
      await essay('inReview'),
      await payload.create({ collection: 'highlights', data: { title: 'Concert', reviewStatus: 'inReview' }, draft: true, depth: 0 }),
      await payload.create({ collection: 'publications', data: { title: 'A book', publisher: 'Demo Press', year: 2024, reviewStatus: 'changesRequested' }, draft: true, depth: 0 }),
      await payload.create({
        collection: 'chronologies',
        data: { title: 'Chronology', periodStart: toStoredDate('2024-04-01'), periodEnd: toStoredDate('2024-06-30'), compiler: 'Dr Demo' },
        draft: true,
        depth: 0,
      }),
    ]
    const collections = ['essays', 'highlights', 'publications', 'chronologies'] as const
    for (const [i, collection] of collections.entries()) {
      const id = made[i].id
      const refused = await refusal(() => payload.update({ collection, id, data: { _status: 'published' }, ...as('editor') }))
      expect(refused?.status, collection).toBe(403)
      expect(refused?.message, collection).toMatch(/only approved items can be published/)
      const still = await payload.findByID({ collection, id, depth: 0 })
      expect(still._status, collection).toBe('draft')
      // Approving and publishing in one save is fine.
      await payload.update({ collection, id, data: { reviewStatus: 'approved', _status: 'published' }, ...as('editor') })
      const published = await payload.findByID({ collection, id, depth: 0 })
      expect(published._status, collection).toBe('published')
    }
  })

  it('holds for server code too: the seed and scripts publish approved items only', async () => {
    const doc = await essay('draft')
    const refused = await refusal(() => payload.update({ collection: 'essays', id: doc.id, data: { _status: 'published' } }))
    expect(refused?.status).toBe(403)
  })

  it('still tells an assistant that only editors publish, approved or not', async () => {
    const doc = await essay('approved')
    const refused = await refusal(() => payload.update({ collection: 'essays', id: doc.id, data: { _status: 'published' }, ...as('assistant') }))
    expect(refused?.message).toMatch(/Only editors can publish/)
  })
})

// --- review notes --------------------------------------------------------------------

describe('review notes', () => {
  it('stamps a new note with its author and time, whatever the request says', async () => {
    const doc = await essay('inReview')
    const before = Date.now()
    await payload.update({
      collection: 'essays',
      id: doc.id,
      data: { reviewNotes: [{ text: 'Please check the dates.', author: users.admin.id, createdAt: '2000-01-01T00:00:00.000Z' }] },
      draft: true,
      ...as('assistant'),
    })
    const [note] = (await stored(doc.id)).reviewNotes ?? []
    expect(note.text).toBe('Please check the dates.')
    expect(note.author).toBe(users.assistant.id)
    expect(Date.parse(note.createdAt ?? '')).toBeGreaterThanOrEqual(before - 1000)
  })

  it('keeps an existing note\'s author and time when someone else saves the thread', async () => {
    const doc = await essay('inReview')
    await payload.update({ collection: 'essays', id: doc.id, data: { reviewNotes: [{ text: 'First.' }] }, draft: true, ...as('assistant') })
    const [first] = (await stored(doc.id)).reviewNotes ?? []
    await payload.update({
      collection: 'essays',
      id: doc.id,
      data: {
        reviewNotes: [
          { id: first.id, text: 'First.', resolved: true, author: users.editor.id, createdAt: '2001-01-01T00:00:00.000Z' },
          { text: 'Second, by the editor.' },
        ],
      },
      draft: true,
      ...as('editor'),
    })
    const notes = (await stored(doc.id)).reviewNotes ?? []
    expect(notes).toHaveLength(2)
    expect(notes[0]).toMatchObject({ id: first.id, author: users.assistant.id, createdAt: first.createdAt, resolved: true })
    expect(notes[1]).toMatchObject({ text: 'Second, by the editor.', author: users.editor.id })
    // An id the item does not know is a new note: stamped, not trusted.
    await payload.update({
      collection: 'essays',
      id: doc.id,
      data: { reviewNotes: [...notes, { id: 'forged-id-0001', text: 'Forged.', author: users.admin.id }] },
      draft: true,
      ...as('assistant'),
    })
    const third = ((await stored(doc.id)).reviewNotes ?? [])[2]
    expect(third).toMatchObject({ text: 'Forged.', author: users.assistant.id })
  })
})

// --- audit log -----------------------------------------------------------------------

describe('the audit log', () => {
  it('records status changes, notes, assignment and publishing, and keeps them after the item is deleted', async () => {
    const doc = await essay('draft')
    await payload.update({ collection: 'essays', id: doc.id, data: { assignee: users.assistant.id }, draft: true, ...as('editor') })
    await payload.update({
      collection: 'essays',
      id: doc.id,
      data: { reviewStatus: 'inReview', reviewNotes: [{ text: 'Ready for a look.' }] },
      draft: true,
      ...as('assistant'),
    })
    await payload.update({ collection: 'essays', id: doc.id, data: { reviewStatus: 'approved', _status: 'published' }, ...as('editor') })
    await payload.update({ collection: 'essays', id: doc.id, data: { _status: 'draft' }, ...as('editor') })
    await settleNotifications()

    const entries = await auditOf(doc.id)
    const lines = entries.map((e) => [e.action, e.from ?? null, e.to ?? null, e.userEmail])
    expect(lines).toEqual([
      ['assigned', null, 'assistant@example.org', 'editor@example.org'],
      ['statusChanged', 'draft', 'inReview', 'assistant@example.org'],
      ['noteAdded', null, null, 'assistant@example.org'],
      ['statusChanged', 'inReview', 'approved', 'editor@example.org'],
      ['published', 'draft', 'published', 'editor@example.org'],
      ['unpublished', 'published', 'draft', 'editor@example.org'],
    ])
    expect(entries.every((e) => e.documentTitle === doc.title)).toBe(true)
    expect(entries[2].details).toMatchObject({ text: 'Ready for a look.' })
    // What a person reads has the admin's labels; from/to above keep the values code filters by.
    expect(entries.map((e) => e.summary)).toEqual([
      `Assigned: essay "${doc.title}", — → assistant@example.org`,
      `Review status changed: essay "${doc.title}", Draft → In review`,
      `Review note added: essay "${doc.title}"`,
      `Review status changed: essay "${doc.title}", In review → Approved`,
      `Published: essay "${doc.title}", Draft → Published`,
      `Unpublished: essay "${doc.title}", Published → Draft`,
    ])
    // A dash where the entry changes no state (an empty cell read "<No Change>" in the list).
    expect(entries.map((e) => e.change ?? null)).toEqual([
      '— → assistant@example.org',
      'Draft → In review',
      '—',
      'In review → Approved',
      'Draft → Published',
      'Published → Draft',
    ])

    await payload.delete({ collection: 'essays', id: doc.id, ...as('editor') })
    const kept = await auditOf(doc.id)
    expect(kept.map((e) => e.id)).toEqual(entries.map((e) => e.id))
    expect(kept[0].documentTitle).toBe(doc.title)
  })

  it('does not count a draft saved over a published item as unpublishing it', async () => {
    const doc = await essay('approved')
    await payload.update({ collection: 'essays', id: doc.id, data: { _status: 'published' }, ...as('editor') })
    await payload.update({ collection: 'essays', id: doc.id, data: { title: `${doc.title}, revised` }, draft: true, ...as('editor') })
    const actions = (await auditOf(doc.id, 'essays', doc.createdAt)).map((e) => e.action)
    // Made approved by server code (a status decision, so recorded), then published.
    expect(actions).toEqual(['statusChanged', 'published'])
  })

  it('records publishing an issue and importing subscribers', async () => {
    const issue = await payload.create({
      collection: 'issues',
      data: { title: 'Audit issue', slug: 'audit-issue', volume: 1, number: 1, quarter: '1', year: 2025, publicationDate: toStoredDate('2025-03-31') },
      draft: true,
      depth: 0,
    })
    await payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' }, ...as('editor') })
    expect((await auditOf(issue.id, 'issues')).map((e) => [e.action, e.userEmail])).toEqual([['published', 'editor@example.org']])

    const result = await importSubscribers(payload, 'email,name\na@example.net,A\nb@example.net,B\n', {
      fileName: 'list.csv',
      by: users.editor.email,
      user: users.editor,
    })
    expect(result.ok).toBe(true)
    const { docs } = await payload.find({ collection: 'audit-log', where: { action: { equals: 'subscribersImported' } }, depth: 0 })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ collectionSlug: 'subscribers', documentTitle: 'list.csv', userEmail: 'editor@example.org' })
    expect(docs[0].details).toMatchObject({ created: 2, rows: 2 })
  })

  it('records the start of a campaign, by whom', async () => {
    const issueId = await createPublishedIssue(payload, 'campaign-audit')
    const campaign = await createCampaign(payload, { issue: issueId, name: 'Audit campaign' }, { user: users.editor })
    await startCampaign(payload, campaign.id, { actor: { user: users.editor }, confirm: true, queue: false })
    const [entry] = await auditOf(campaign.id, 'campaigns')
    expect(entry).toMatchObject({ action: 'campaignStarted', documentTitle: 'Audit campaign', from: 'draft', to: 'sending', userEmail: 'editor@example.org' })
    expect(entry.details).toMatchObject({ issue: issueId, via: 'admin' })
  })

  it('is read by editors and admins only, and written by nobody through the API', async () => {
    const entry = (await payload.find({ collection: 'audit-log', limit: 1, depth: 0 })).docs[0]
    expect(entry).toBeDefined()
    for (const member of ['editor', 'admin'] as const) {
      const read = await payload.find({ collection: 'audit-log', ...as(member) })
      expect(read.totalDocs, member).toBeGreaterThan(0)
    }
    for (const member of ['assistant', 'production'] as const) {
      const refused = await refusal(() => payload.find({ collection: 'audit-log', ...as(member) }))
      expect(refused?.status, member).toBe(403)
    }
    for (const member of ['assistant', 'production', 'editor', 'admin'] as const) {
      const created = await refusal(() =>
        payload.create({ collection: 'audit-log', data: { at: new Date().toISOString(), action: 'published', documentTitle: 'Forged' }, ...as(member) }),
      )
      expect(created?.status, member).toBe(403)
      const updated = await refusal(() => payload.update({ collection: 'audit-log', id: entry.id, data: { documentTitle: 'Edited' }, ...as(member) }))
      expect(updated?.status, member).toBe(403)
      const deleted = await refusal(() => payload.delete({ collection: 'audit-log', id: entry.id, ...as(member) }))
      expect(deleted?.status, member).toBe(403)
    }
    const after = await payload.findByID({ collection: 'audit-log', id: entry.id, depth: 0 })
    expect(after.documentTitle).toBe(entry.documentTitle)
  })
})

// --- notifications -------------------------------------------------------------------

describe('notifications to the committee', () => {
  it('emails the editors and the assignee, never the member who made the change', async () => {
    const doc = await essay('draft', { assignee: users.assistant.id })
    await settleNotifications()
    emptyOutbox()

    await payload.update({ collection: 'essays', id: doc.id, data: { reviewStatus: 'inReview' }, draft: true, ...as('assistant') })
    await settleNotifications()
    let mails = await readOutbox()
    expect(mails.flatMap((m) => m.to).sort()).toEqual(['editor@example.org', 'othereditor@example.org'])
    expect(mails[0].subject).toBe(`Essay "${doc.title}": In review`)
    expect(mails[0].text).toContain('from Draft to In review')
    expect(mails[0].text).toContain(`/admin/collections/essays/${doc.id}`)

    emptyOutbox()
    await payload.update({
      collection: 'essays',
      id: doc.id,
      data: { reviewStatus: 'changesRequested', reviewNotes: [{ text: 'The second section needs a source.' }] },
      draft: true,
      ...as('editor'),
    })
    await settleNotifications()
    mails = await readOutbox()
    expect(mails.flatMap((m) => m.to).sort()).toEqual(['assistant@example.org', 'othereditor@example.org'])
    expect(mails.every((m) => m.text.includes('> The second section needs a source.'))).toBe(true)

    // Saving without a status change sends nothing.
    emptyOutbox()
    await payload.update({ collection: 'essays', id: doc.id, data: { title: `${doc.title} (v2)` }, draft: true, ...as('assistant') })
    await settleNotifications()
    expect(await readOutbox()).toEqual([])
    // Nor does server code (the seed, scripts) that sets a status: it is in the audit log only.
    await payload.update({ collection: 'essays', id: doc.id, data: { reviewStatus: 'approved' }, draft: true })
    await settleNotifications()
    expect(await readOutbox()).toEqual([])
    expect((await auditOf(doc.id, 'essays', doc.createdAt)).at(-1)).toMatchObject({ action: 'statusChanged', to: 'approved', userEmail: null })
  })

  it('logs a failed send and keeps the save', async () => {
    const doc = await essay('draft')
    await settleNotifications()
    emptyOutbox()
    // A file where the outbox folder should be: every send fails.
    fs.writeFileSync(outbox, 'not a folder')
    try {
      await payload.update({ collection: 'essays', id: doc.id, data: { reviewStatus: 'inReview' }, draft: true, ...as('assistant') })
      const results = await settleNotifications()
      expect(results.flatMap((r) => r.failed.map((f) => f.email)).sort()).toEqual(['editor@example.org', 'othereditor@example.org'])
      expect((await stored(doc.id)).reviewStatus).toBe('inReview')
    } finally {
      fs.rmSync(outbox, { force: true })
    }
  })
})

// --- scheduled publication -----------------------------------------------------------

describe('scheduled publication of an issue', () => {
  it('publishes the issue when the jobs run after its time, as the member who scheduled it', async () => {
    const issue = await payload.create({
      collection: 'issues',
      data: { title: 'Scheduled issue', slug: 'scheduled-issue', volume: 2, number: 1, quarter: '2', year: 2025, publicationDate: toStoredDate('2025-06-30') },
      draft: true,
      depth: 0,
    })
    // What the admin's "Schedule publish" does (schedulePublishHandler in @payloadcms/ui).
    // An hour ahead: not due however slowly the machine runs this.
    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'issues', value: String(issue.id) as unknown as number }, user: { relationTo: 'users', value: users.editor.id } },
      waitUntil: new Date(Date.now() + 3_600_000),
    })
    await payload.jobs.run({ queue: 'default' })
    expect((await payload.findByID({ collection: 'issues', id: issue.id, depth: 0 }))._status).toBe('draft')

    // Its time comes: the job's time moves into the past, as the clock would carry it.
    await payload.db.updateOne({ collection: 'payload-jobs', id: job.id, data: { waitUntil: new Date(Date.now() - 1000).toISOString() }, returning: false })
    await payload.jobs.run({ queue: 'default' })
    expect((await payload.findByID({ collection: 'issues', id: issue.id, depth: 0 }))._status).toBe('published')
    expect((await auditOf(issue.id, 'issues')).map((e) => [e.action, e.userEmail])).toEqual([['published', 'editor@example.org']])
  })

  it('refuses a scheduled publish by a member who may not publish', async () => {
    const issue = await payload.create({
      collection: 'issues',
      data: { title: 'Assistant schedule', slug: 'assistant-schedule', volume: 2, number: 2, quarter: '3', year: 2025, publicationDate: toStoredDate('2025-09-30') },
      draft: true,
      depth: 0,
    })
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'issues', value: String(issue.id) as unknown as number }, user: { relationTo: 'users', value: users.assistant.id } },
    })
    await payload.jobs.run({ queue: 'default' })
    expect((await payload.findByID({ collection: 'issues', id: issue.id, depth: 0 }))._status).toBe('draft')
  })
})
