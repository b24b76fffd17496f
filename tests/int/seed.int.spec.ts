import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedDemo } from '@/seed/demo'
import { demoChronology } from '@/seed/demoContent'
import { startTestPayload, type TestPayload } from '../support/payload'

let t: TestPayload
let payload: Payload

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  await seedDemo(payload)
})
afterAll(async () => t?.close())

const COLLECTIONS = ['issues', 'essays', 'authors', 'publications', 'highlights', 'chronologies', 'chronology-entries', 'media', 'users'] as const

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const collection of COLLECTIONS) out[collection] = (await payload.count({ collection })).totalDocs
  return out
}

describe('the demo issue', () => {
  it('fills every section of the bulletin, published for the public to read', async () => {
    const { docs } = await payload.find({ collection: 'issues', where: { slug: { equals: 'demo' } }, depth: 2, overrideAccess: false })
    const issue = docs[0]
    expect(issue?._status).toBe('published')
    const kinds = issue.sections!.map((section) => section.blockType)
    expect(kinds).toEqual(['essaysSection', 'highlightsSection', 'publicationsSection', 'publicationsSection', 'chronologySection'])
    expect(issue.editorialCommittee).toHaveLength(3)
    const essays = issue.sections![0]
    expect(essays.blockType === 'essaysSection' && essays.essays).toHaveLength(2)
  })

  it('has essays with pull quotes and figures in their Lexical body', async () => {
    const { docs } = await payload.find({ collection: 'essays', depth: 0 })
    for (const essay of docs) {
      const blocks = JSON.stringify(essay.body)
      expect(blocks).toContain('"blockType":"pullQuote"')
      expect(blocks).toContain('"blockType":"figure"')
    }
  })

  it('has a chronology of 40+ entries with same-day, multi-day and cross-month entries, Vietnamese and Hangul', async () => {
    const { docs } = await payload.find({ collection: 'chronology-entries', limit: 500, depth: 0, sort: 'startDate' })
    expect(docs.length).toBeGreaterThanOrEqual(40)
    expect(docs.length).toBe(demoChronology.length)
    const starts = docs.map((entry) => entry.startDate.slice(0, 10))
    expect(new Set(starts).size).toBeLessThan(starts.length)
    expect(docs.some((entry) => entry.startDate.slice(0, 7) !== entry.endDate.slice(0, 7))).toBe(true)
    expect(new Set(starts.map((start) => start.slice(0, 7)))).toEqual(new Set(['2024-04', '2024-05', '2024-06']))
    const text = docs.flatMap((entry) => entry.paragraphs!.map((p) => p.text)).join(' ')
    expect(text).toMatch(/Phan Chí Hiếu/)
    expect(text).toMatch(/[\uac00-\ud7a3]/)
  })

  it('has eight highlight photos (three under one caption), one forthcoming and two recent publications, and a user per role', async () => {
    const highlights = await payload.find({ collection: 'highlights', depth: 0 })
    expect(highlights.docs.flatMap((h) => h.photos ?? [])).toHaveLength(8)
    // The real issue's shape: a group without a title, one caption for its three photos.
    expect(highlights.docs.filter((h) => !h.title && h.caption && h.photos?.length === 3)).toHaveLength(1)
    const forthcoming = await payload.find({ collection: 'publications', where: { kind: { equals: 'forthcoming' } }, depth: 0 })
    const chapters = forthcoming.docs[0].contents!.flatMap((part) => part.chapters ?? [])
    expect(chapters.filter((c) => c.number).map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    // Unnumbered front and back matter beside the numbered chapters.
    expect(chapters.filter((c) => !c.number).map((c) => c.title)).toEqual(['List of Figures and Tables', 'Contributors', 'Index'])
    expect((await payload.count({ collection: 'publications', where: { kind: { equals: 'recent' } } })).totalDocs).toBe(2)
    const roles = (await payload.find({ collection: 'users', depth: 0 })).docs.map((u) => u.role).sort()
    expect(roles).toEqual(['admin', 'editor', 'editorialAssistant', 'productionEditor'])
  })

  it('duplicates nothing when run again', async () => {
    const before = await counts()
    await seedDemo(payload)
    expect(await counts()).toEqual(before)
  })
})
