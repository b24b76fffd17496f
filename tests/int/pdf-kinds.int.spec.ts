import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Essay, User } from '@/payload-types'
import { exportIssuePdf, IssueNotPublishedError } from '@/export/exportPdf'
import { publishedIssuePdf } from '@/export/publishedPdf'
import { seedDemo } from '@/seed/demo'
import { startTestPayload, type TestPayload } from '../support/payload'

/**
 * Issue 11, item 3: an assistant's draft on a published essay must not reach the PDF readers
 * download. The proof (latest drafts) carries it and says PROOF on every page; the edition
 * (published content) does not; preflight says they differ.
 */

const DRAFT_TITLE = 'Zebra Crossings Unpublished Draft'

let t: TestPayload
let payload: Payload
let essay: Essay
let edition: Awaited<ReturnType<typeof exportIssuePdf>>
let proof: Awaited<ReturnType<typeof exportIssuePdf>>

const user = async (role: User['role']) =>
  (await payload.find({ collection: 'users', where: { role: { equals: role } }, limit: 1, depth: 0 })).docs[0]

/** The text of each page of a PDF in reading order (not -layout, which runs the columns together), whitespace folded. */
function pagesOf(pdf: Uint8Array | Buffer, name: string): string[] {
  const file = path.join(t.dir, name)
  fs.writeFileSync(file, pdf)
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
  // pdftotext ends every page with a form feed.
  return text.split('\f').slice(0, -1).map((page) => page.replace(/\s+/g, ' '))
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  await seedDemo(payload)
  essay = (await payload.find({ collection: 'essays', where: { slug: { equals: 'festivals-of-the-mekong' } }, depth: 0, limit: 1 })).docs[0]
  expect(essay?._status).toBe('published')
  // The assistant saves a draft title change on the published essay…
  await payload.update({ collection: 'essays', id: essay.id, data: { title: DRAFT_TITLE }, draft: true, depth: 0, user: await user('editorialAssistant'), overrideAccess: false })
  // …and the production editor exports both kinds.
  const production = await user('productionEditor')
  edition = await exportIssuePdf(payload, 'demo', { kind: 'edition', user: production, via: 'admin' })
  proof = await exportIssuePdf(payload, 'demo', { kind: 'proof', user: production, via: 'admin' })
}, 180_000)
afterAll(async () => t?.close())

describe('a draft title saved on a published essay', () => {
  it('is not in the PDF readers download from /issues/<slug>/pdf, which is the edition', async () => {
    const served = await publishedIssuePdf(payload, 'demo')
    const pages = pagesOf(fs.readFileSync(path.join(t.dir, 'exports', served!.filename)), 'served.pdf')
    const text = pages.join(' ')
    expect(text).not.toContain(DRAFT_TITLE)
    expect(text).toContain(essay.title)
    expect(text).not.toMatch(/PROOF/)
    expect(served?.filename).toBe(edition.record.filename)
    expect(edition.record.kind).toBe('edition')
  })

  it('is in the proof, which says PROOF with its date on every page', () => {
    const pages = pagesOf(proof.pdf, 'proof.pdf')
    expect(pages.length).toBe(proof.record.pageCount)
    expect(pages.join(' ')).toContain(DRAFT_TITLE)
    const today = proof.record.exportedAt.slice(0, 10)
    pages.forEach((page, i) => expect({ page: i + 1, marked: page.includes(`PROOF — includes unpublished drafts — ${today}`) }).toEqual({ page: i + 1, marked: true }))
    expect(proof.record.kind).toBe('proof')
  })

  it('makes preflight warn that the edition differs from the proof, naming the essay', () => {
    for (const report of [proof.report, edition.report]) {
      const warning = report.warnings.find((w) => w.code === 'unpublished-changes')
      expect(warning?.message).toMatch(/^1 item has changes not published: essay “Zebra Crossings Unpublished Draft”/)
    }
    expect(proof.report.ok).toBe(true)
  })

  it('never shows the public a proof: not listed, not by id, not as the served PDF', async () => {
    const { docs } = await payload.find({ collection: 'issue-exports', depth: 0, overrideAccess: false })
    expect(docs.map((d) => d.id)).toEqual([edition.record.id])
    const byId = await payload.find({ collection: 'issue-exports', where: { id: { equals: proof.record.id } }, depth: 0, overrideAccess: false })
    expect(byId.totalDocs).toBe(0)
    // The committee sees both.
    const staff = await payload.find({ collection: 'issue-exports', depth: 0, overrideAccess: false, user: await user('editorialAssistant') })
    expect(staff.docs.map((d) => d.kind).sort()).toEqual(['edition', 'proof'])
  })
})

describe('an edition made by hand', () => {
  it('cannot be uploaded through the API, even by a production editor: only the export service writes exports', async () => {
    const issue = (await payload.find({ collection: 'issues', where: { slug: { equals: 'demo' } }, depth: 0 })).docs[0]
    const data = Buffer.from(proof.pdf)
    const before = (await payload.count({ collection: 'issue-exports' })).totalDocs
    const forged = payload.create({
      collection: 'issue-exports',
      data: { issue: issue.id, kind: 'edition', contentHash: 'f'.repeat(64), exportedAt: new Date().toISOString(), exportedVia: 'admin', pageCount: 1 },
      file: { data, mimetype: 'application/pdf', name: 'forged-edition.pdf', size: data.byteLength },
      user: await user('productionEditor'),
      overrideAccess: false,
    })
    await expect(forged).rejects.toMatchObject({ status: 403 })
    expect((await payload.count({ collection: 'issue-exports' })).totalDocs).toBe(before)
  })
})

describe('drafts that cannot be assembled', () => {
  it('do not block the edition, which says it could not compare them; the proof is refused', async () => {
    const other = (await payload.find({ collection: 'essays', where: { slug: { equals: 'fisheries-treaties-and-the-sea-between' } }, depth: 0, limit: 1 })).docs[0]
    const assistant = await user('editorialAssistant')
    // A draft need not be complete: its title left empty for now.
    await payload.update({ collection: 'essays', id: other.id, data: { title: '' }, draft: true, depth: 0, user: assistant, overrideAccess: false })
    try {
      const production = await user('productionEditor')
      const { report, record } = await exportIssuePdf(payload, 'demo', { kind: 'edition', user: production, via: 'admin' })
      expect(record.kind).toBe('edition')
      expect(report.warnings.find((w) => w.code === 'unpublished-changes')?.message).toMatch(/^The latest drafts cannot be assembled/)
      await expect(exportIssuePdf(payload, 'demo', { kind: 'proof', user: production, via: 'admin' })).rejects.toThrow(/cannot be assembled/)
    } finally {
      await payload.update({ collection: 'essays', id: other.id, data: { title: other.title }, draft: true, depth: 0, user: assistant, overrideAccess: false })
    }
  })
})

describe('an issue that is not published', () => {
  it('has no edition to export, only a proof', async () => {
    const issue = (await payload.find({ collection: 'issues', where: { slug: { equals: 'demo' } }, depth: 0 })).docs[0]
    await payload.update({ collection: 'issues', id: issue.id, data: { _status: 'draft' } })
    try {
      const production = await user('productionEditor')
      const before = (await payload.count({ collection: 'issue-exports' })).totalDocs
      await expect(exportIssuePdf(payload, 'demo', { kind: 'edition', user: production, via: 'admin' })).rejects.toBeInstanceOf(IssueNotPublishedError)
      expect((await payload.count({ collection: 'issue-exports' })).totalDocs).toBe(before)
      expect(await publishedIssuePdf(payload, 'demo')).toBeUndefined()
    } finally {
      await payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' } })
    }
  })
})
