import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { exportIssuePdf, ExportNotAllowedError, PreflightFailedError } from '@/export/exportPdf'
import { publishedIssuePdf } from '@/export/publishedPdf'
import { seedDemo } from '@/seed/demo'
import { startTestPayload, type TestPayload } from '../support/payload'

let t: TestPayload
let payload: Payload
let pdfFile: string
let first: Awaited<ReturnType<typeof exportIssuePdf>>

const user = async (role: User['role']) =>
  (await payload.find({ collection: 'users', where: { role: { equals: role } }, limit: 1, depth: 0 })).docs[0]

const pageText = (page: number) => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdfFile, '-'], { encoding: 'utf8' })

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  await seedDemo(payload)
  first = await exportIssuePdf(payload, 'demo', { kind: 'edition', user: await user('productionEditor'), via: 'admin' })
  pdfFile = path.join(t.dir, 'demo.pdf')
  fs.writeFileSync(pdfFile, first.pdf)
}, 120_000)
afterAll(async () => t?.close())

describe('exporting the demo issue', () => {
  it('records the export in the audit log: issue, who, hash', async () => {
    const { docs } = await payload.find({ collection: 'audit-log', where: { action: { equals: 'exported' } }, sort: 'createdAt', depth: 0 })
    const production = await user('productionEditor')
    expect(docs[0]).toMatchObject({ collectionSlug: 'issues', documentTitle: 'Korea Bulletin, April–June 2024 (demo)', userEmail: production.email })
    expect(docs[0].details).toMatchObject({ exportId: first.record.id, contentHash: first.record.contentHash, via: 'admin' })
  })

  it('stores the PDF with the issue: hash, time, who, page count', async () => {
    const { record } = first
    expect(record.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(record.pageCount).toBeGreaterThanOrEqual(8)
    expect(record.mimeType).toBe('application/pdf')
    expect(record.exportedVia).toBe('admin')
    expect(typeof record.exportedBy === 'object' ? record.exportedBy?.id : record.exportedBy).toBe((await user('productionEditor')).id)
    expect(fs.existsSync(path.join(t.dir, 'exports', record.filename!))).toBe(true)
  })

  it('prints every section title, essay title, a Vietnamese and a Hangul name', () => {
    const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' })
    for (const title of [
      'IN THIS ISSUE',
      'EDITORIAL COMMITTEE',
      'Highlights at the Korea Centre',
      'Forthcoming Publication',
      'Recent Publications',
      'Primary Documents and Resources',
      'Festivals of the Mekong',
      'Fisheries, Treaties and the Sea Between',
      'Nguyễn Thị Thu Hà',
      'Phan Chí Hiếu',
      '김민지',
    ]) {
      expect(text.replace(/\s+/g, ' ')).toContain(title)
    }
  })

  it('gives each item in the contents the page it really starts on', () => {
    // The contents box is the left column of page 1: read it on its own, each number on the
    // line of its title (the inkless fillers between them aside).
    const contents = execFileSync('pdftotext', ['-r', '72', '-x', '0', '-y', '100', '-W', '260', '-H', '700', '-f', '1', '-l', '1', pdfFile, '-'], {
      encoding: 'utf8',
    })
    const listed: Array<{ page: number; title: string }> = []
    for (const line of contents.split('\n').map((l) => l.replace(/\u3164/g, ' ').trim())) {
      const m = /^(\d+) +(\S.*)$/.exec(line)
      if (m) listed.push({ page: Number(m[1]), title: m[2] })
    }
    // 2 essays, the highlights (one line for the section), 3 books and the chronology.
    expect(listed.length).toBeGreaterThanOrEqual(7)
    const flat = (text: string) => text.replace(/\s+/g, ' ')
    // Page 1's body column, without the contents box.
    const body1 = flat(execFileSync('pdftotext', ['-r', '72', '-x', '260', '-y', '0', '-W', '400', '-H', '842', '-f', '1', '-l', '1', pdfFile, '-'], { encoding: 'utf8' }))
    const pages = Array.from({ length: first.record.pageCount }, (_, i) => (i === 0 ? body1 : flat(pageText(i + 1))))
    for (const { page, title } of listed) {
      const probe = title.slice(0, 24)
      const firstSeen = pages.findIndex((text) => text.includes(probe)) + 1
      expect({ title, page: firstSeen }).toEqual({ title, page })
    }
  })

  it('embeds every font and falls back to none', () => {
    const fonts = execFileSync('pdffonts', [pdfFile], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
    expect(fonts.length).toBeGreaterThan(0)
    for (const line of fonts) {
      expect(line).not.toMatch(/Helvetica|Times|Courier/)
      const columns = line.trim().split(/\s+/)
      expect(columns[columns.length - 5]).toBe('yes')
    }
  })

  it('exports the same content to the same bytes, and keeps earlier exports listed', async () => {
    const again = await exportIssuePdf(payload, 'demo', { kind: 'edition', via: 'cli' })
    expect(again.record.contentHash).toBe(first.record.contentHash)
    const { docs } = await payload.find({ collection: 'issue-exports', depth: 0 })
    expect(docs).toHaveLength(2)
  })

  it('gives readers the newest export of a published issue, without who made it or its findings', async () => {
    const pdf = await publishedIssuePdf(payload, 'demo')
    expect(pdf?.url).toMatch(/\/api\/issue-exports\/file\/demo-edition-[0-9a-f]{12}(-\d+)?\.pdf$/)
    const { docs } = await payload.find({ collection: 'issue-exports', depth: 0, overrideAccess: false })
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs) {
      expect(doc.exportedBy).toBeUndefined()
      expect(doc.preflight).toBeUndefined()
    }
    // Unpublished, the issue's PDF is nobody's business but the committee's.
    const issue = (await payload.find({ collection: 'issues', where: { slug: { equals: 'demo' } }, depth: 0 })).docs[0]
    await payload.update({ collection: 'issues', id: issue.id, data: { _status: 'draft' } })
    try {
      expect(await publishedIssuePdf(payload, 'demo')).toBeUndefined()
      expect((await payload.find({ collection: 'issue-exports', depth: 0, overrideAccess: false })).totalDocs).toBe(0)
      expect((await payload.find({ collection: 'issue-exports', depth: 0, overrideAccess: false, user: await user('editorialAssistant') })).totalDocs).toBeGreaterThan(0)
    } finally {
      await payload.update({ collection: 'issues', id: issue.id, data: { _status: 'published' } })
    }
    expect(await publishedIssuePdf(payload, 'no-such-issue')).toBeUndefined()
  })

  it('refuses the editorial assistant', async () => {
    await expect(exportIssuePdf(payload, 'demo', { kind: 'proof', user: await user('editorialAssistant'), via: 'admin' })).rejects.toBeInstanceOf(ExportNotAllowedError)
  })

  it('blocks on preflight errors unless forced, and records the force', async () => {
    const kim = (await payload.find({ collection: 'authors', where: { name: { equals: 'KIM Minji' } }, depth: 0 })).docs[0]
    await payload.update({ collection: 'authors', id: kim.id, data: { affiliations: [] } })
    const before = (await payload.count({ collection: 'issue-exports' })).totalDocs
    const refused = await exportIssuePdf(payload, 'demo', { kind: 'proof', via: 'cli' }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(PreflightFailedError)
    expect((refused as PreflightFailedError).report.errors.map((e) => e.code)).toContain('author-without-affiliation')
    expect((await payload.count({ collection: 'issue-exports' })).totalDocs).toBe(before)
    const forced = await exportIssuePdf(payload, 'demo', { kind: 'proof', via: 'cli', force: true })
    expect(forced.record.forced).toBe(true)
  })
})
