import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { IssueNotFoundError } from '@/issue/assemble'
import { exportIssuePdf } from '@/export/exportPdf'
import type { User } from '@/payload-types'
import { seedDemo } from '@/seed/demo'
import { issueStatus, type IssueStatus } from '@/dashboard/issueStatus'
import { myItems } from '@/dashboard/myItems'
import { startTestPayload, type TestPayload } from '../support/payload'

let t: TestPayload
let payload: Payload
let editor: User
let assistant: User

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  await seedDemo(payload)
  const user = async (email: string) =>
    (await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0 })).docs[0]
  editor = await user('editor@demo.bulletin.test')
  assistant = await user('assistant@demo.bulletin.test')
})
afterAll(async () => t?.close())

const codes = (status: IssueStatus) => status.missing.map((m) => m.code)
const section = (status: IssueStatus, kind: string) => status.sections.find((s) => s.kind === kind)!

describe('the status of the demo issue', () => {
  it('lists every section with its items, as the editor sees them', async () => {
    const status = await issueStatus(payload, 'demo', editor)
    expect(status.issue).toMatchObject({ slug: 'demo', state: 'published' })
    expect(status.issue.href).toBe(`/admin/collections/issues/${status.issue.id}`)
    expect(status.sections.map((s) => s.kind)).toEqual(['essays', 'highlights', 'forthcoming', 'recent', 'chronology'])
    expect(section(status, 'essays').items.map((i) => i.title)).toEqual([
      'Festivals of the Mekong: Korean Popular Culture in Vientiane',
      expect.stringMatching(/^Fisheries, Treaties/),
    ])
    expect(section(status, 'forthcoming').items.map((i) => i.title)).toEqual(['The Great Powers and the DPRK'])
    expect(section(status, 'recent').items).toHaveLength(2)
    const chronology = section(status, 'chronology')
    expect(chronology.items).toHaveLength(1)
    expect(chronology.entryCount).toBeGreaterThan(0)
    for (const s of status.sections) {
      expect(s.missingItems).toBe(0)
      for (const item of s.items) {
        expect(item.state).toBe('published')
        expect(item.href).toBe(`/admin/collections/${item.collection}/${item.id}`)
        expect(item.unresolvedNotes).toBe(0)
      }
    }
    expect(status.counts.items).toBe(status.sections.reduce((n, s) => n + s.items.length, 0))
    expect(status.counts.published).toBe(status.counts.items)
  })

  it('finds the demo issue ready but for the PDF, which was never exported', async () => {
    const status = await issueStatus(payload, 'demo', editor)
    expect(status.preflight.errors).toEqual([])
    expect(status.lastExport).toBeUndefined()
    // The demo's essays are approved and published: only the PDF is missing.
    expect(codes(status)).toEqual(['no-pdf'])
  })

  it('refuses an issue that does not exist', async () => {
    await expect(issueStatus(payload, 'no-such-issue', editor)).rejects.toBeInstanceOf(IssueNotFoundError)
  })
})

describe('after changes', () => {
  it('sees a PDF export, then a change after it', async () => {
    await exportIssuePdf(payload, 'demo', { kind: 'edition', user: editor, via: 'admin' })
    let status = await issueStatus(payload, 'demo', editor)
    expect(status.lastExport).toMatchObject({ forced: false })
    expect(status.lastExport!.pageCount).toBeGreaterThan(0)
    expect(codes(status)).not.toContain('no-pdf')
    expect(codes(status)).not.toContain('pdf-outdated')

    const essay = section(status, 'essays').items[0]
    await payload.update({ collection: 'essays', id: essay.id, data: { standfirst: 'A shorter teaser.' }, depth: 0, user: editor, overrideAccess: false })
    status = await issueStatus(payload, 'demo', editor)
    expect(codes(status)).toContain('pdf-outdated')
  })

  it('sees a change that reaches the page without touching the issue or its items: an author renamed', async () => {
    await exportIssuePdf(payload, 'demo', { kind: 'edition', user: editor, via: 'admin' })
    expect(codes(await issueStatus(payload, 'demo', editor))).not.toContain('pdf-outdated')

    const essay = section(await issueStatus(payload, 'demo', editor), 'essays').items[0]
    const { authors } = await payload.findByID({ collection: 'essays', id: essay.id, depth: 0, draft: true })
    const [first] = authors ?? []
    const authorId = typeof first === 'object' ? first.id : first
    expect(authorId).toBeDefined()
    await payload.update({ collection: 'authors', id: authorId!, data: { name: 'Dr Renamed Author' }, depth: 0, user: editor, overrideAccess: false })
    expect(codes(await issueStatus(payload, 'demo', editor))).toContain('pdf-outdated')
  })

  it('tells the edition from the proof: a draft makes the proof stale, not the edition; publishing it does', async () => {
    await exportIssuePdf(payload, 'demo', { kind: 'edition', user: editor, via: 'admin' })
    await exportIssuePdf(payload, 'demo', { kind: 'proof', user: editor, via: 'admin' })
    let status = await issueStatus(payload, 'demo', editor)
    expect(status.pdfKind).toBe('edition')
    expect(status.lastExport?.kind).toBe('edition')
    expect(codes(status)).not.toContain('pdf-outdated')
    expect(codes(status)).not.toContain('proof-outdated')

    const essay = section(status, 'essays').items[0]
    await payload.update({ collection: 'essays', id: essay.id, data: { standfirst: 'A teaser in draft.' }, draft: true, depth: 0, user: assistant, overrideAccess: false })
    status = await issueStatus(payload, 'demo', editor)
    expect(codes(status)).toContain('proof-outdated')
    expect(codes(status)).not.toContain('pdf-outdated')

    await payload.update({ collection: 'essays', id: essay.id, data: { standfirst: 'A teaser in draft.', _status: 'published' }, depth: 0, user: editor, overrideAccess: false })
    status = await issueStatus(payload, 'demo', editor)
    expect(codes(status)).toContain('pdf-outdated')
  })

  it('sees a draft saved over a published essay, a new draft essay, and a chronology emptied', async () => {
    let status = await issueStatus(payload, 'demo', editor)
    const [first] = section(status, 'essays').items
    await payload.update({ collection: 'essays', id: first.id, data: { title: 'Festivals of the Mekong (revised)' }, draft: true, depth: 0, user: editor, overrideAccess: false })
    const { id: newEssay } = await payload.create({
      collection: 'essays',
      data: { title: 'A new essay', slug: 'a-new-essay', body: emptyBody(), _status: 'draft' },
      draft: true,
      depth: 0,
      user: assistant,
      overrideAccess: false,
    })
    const issue = await payload.findByID({ collection: 'issues', id: status.issue.id, depth: 0, draft: true })
    const sections = (issue.sections ?? []).map((s) => (s.blockType === 'essaysSection' ? { ...s, essays: [...(s.essays ?? []), newEssay] } : s))
    await payload.update({ collection: 'issues', id: issue.id, data: { sections }, draft: true, depth: 0, user: editor, overrideAccess: false })
    const chronologyId = section(status, 'chronology').items[0].id
    await payload.delete({ collection: 'chronology-entries', where: { chronology: { equals: chronologyId } }, depth: 0 })

    status = await issueStatus(payload, 'demo', editor)
    const essays = section(status, 'essays').items
    expect(essays.map((e) => [e.title, e.state])).toEqual([
      ['Festivals of the Mekong (revised)', 'changed'],
      [expect.stringMatching(/^Fisheries, Treaties/), 'published'],
      ['A new essay', 'draft'],
    ])
    expect(status.issue.state).toBe('changed')
    expect(section(status, 'chronology').entryCount).toBe(0)
    const missing = codes(status)
    expect(missing).toEqual(expect.arrayContaining(['chronology-empty', 'preflight-errors', 'items-not-published', 'items-changed', 'unpublished-changes']))
    expect(status.missing.find((m) => m.code === 'items-changed')?.details).toEqual(['Festivals of the Mekong (revised)'])
    expect(status.missing.find((m) => m.code === 'items-not-published')?.details).toEqual(['A new essay'])
    // Preflight's own words: the emptied chronology is an empty section.
    expect(status.missing.find((m) => m.code === 'preflight-errors')?.details?.join('\n')).toMatch(/Primary Documents and Resources/)
  })

  it('reads review status, assignee and layout-ready, and lists the assignee\'s items', async () => {
    const status = await issueStatus(payload, 'demo', editor)
    const [first, second] = section(status, 'essays').items
    await payload.update({ collection: 'essays', id: first.id, data: { reviewStatus: 'inReview', assignee: assistant.id, layoutReady: true }, draft: true, depth: 0 })
    await payload.update({ collection: 'essays', id: second.id, data: { reviewStatus: 'approved' }, draft: true, depth: 0 })
    const after = await issueStatus(payload, 'demo', editor)
    const essay = section(after, 'essays').items.find((i) => i.id === first.id)!
    expect(essay).toMatchObject({ reviewStatus: 'inReview', assignee: { id: assistant.id, name: assistant.name }, layoutReady: true })
    expect(codes(after)).toContain('in-review')
    expect(codes(after)).not.toContain('no-essay-approved')
    const mine = await myItems(payload, assistant)
    expect(mine.items.map((i) => i.id)).toContain(first.id)
  })
})

describe('my items', () => {
  it('lists nothing for an editor with nothing assigned', async () => {
    const mine = await myItems(payload, editor)
    expect(mine.items).toEqual([])
  })
})

function emptyBody() {
  return {
    root: {
      type: 'root',
      format: '' as const,
      indent: 0,
      version: 1,
      direction: 'ltr' as const,
      children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [{ type: 'text', text: 'Draft.', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] }],
    },
  }
}
