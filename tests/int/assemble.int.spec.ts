import fs from 'node:fs'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { assembleIssue, IssueNotFoundError, quarterLabel } from '@/issue/assemble'
import { preflightWithoutRender } from '@/export/preflight'
import type { EssayModel, SectionModel } from '@/issue/model'
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

const section = <K extends SectionModel['kind']>(sections: SectionModel[], kind: K) =>
  sections.find((s): s is Extract<SectionModel, { kind: K }> => s.kind === kind)!

describe('assembling the demo issue', () => {
  it('resolves every section in print order with the publication settings', async () => {
    const { model, brokenReferences } = await assembleIssue(payload, 'demo')
    expect(brokenReferences).toEqual([])
    expect(model.periodLabel).toBe('April–June 2024')
    expect(model.publicationDate).toBe('2024-07-15')
    expect(model.sections.map((s) => s.kind)).toEqual(['essays', 'highlights', 'forthcoming', 'recent', 'chronology'])
    expect(model.publisher.centre).toBe('Korea Centre')
    expect(model.editorialCommittee.map((m) => m.role)).toEqual(['Editor', 'Production Editor', 'Editorial Assistant'])
  })

  it('turns essay bodies into the render tree, with marks, pull quotes and figures whose print file exists', async () => {
    const { model } = await assembleIssue(payload, 'demo')
    const essays: EssayModel[] = section(model.sections, 'essays').essays
    expect(essays.map((e) => e.slug)).toEqual(['festivals-of-the-mekong', 'fisheries-treaties-and-the-sea-between'])
    const [first, second] = essays
    expect(first.authors[0]).toMatchObject({ name: 'KIM Minji', nameInScript: '김민지', honorific: 'Dr' })
    expect(first.authors[0].affiliations[0]).toMatch(/ and Professor of Cultural Studies/)
    const kinds = first.body.map((b) => b.type)
    expect(kinds).toContain('pullQuote')
    expect(kinds).toContain('quote')
    const figures = first.body.filter((b) => b.type === 'figure')
    expect(figures).toHaveLength(2)
    for (const figure of figures) {
      if (figure.type !== 'figure') continue
      expect(fs.existsSync(figure.image.printPath)).toBe(true)
      expect(figure.image.printPath).toMatch(/\.jpe?g$/)
      expect(figure.image.emailUrl).toMatch(/^http:\/\/localhost:3000\/.+\.jpg$/)
    }
    const italic = first.body.flatMap((b) => (b.type === 'paragraph' ? b.runs : [])).find((r) => r.italic)
    expect(italic?.text).toBe('Vientiane Daily')
    const link = second.body.flatMap((b) => (b.type === 'paragraph' ? b.runs : [])).find((r) => r.href)
    expect(link?.href).toBe('https://example.org/korea-centre/fisheries')
  })

  it('brings the chronology sorted by date, then order within the day', async () => {
    const { model } = await assembleIssue(payload, 'demo')
    const { chronology } = section(model.sections, 'chronology')
    expect(chronology.entries).toHaveLength(demoChronology.length)
    // Each entry after the one before: a later start day, or the same day and a higher place
    // (compared as numbers: as strings "#10" would sort before "#2").
    for (const [i, e] of chronology.entries.entries()) {
      const before = chronology.entries[i - 1]
      if (!before) continue
      const inOrder = before.startDate < e.startDate || (before.startDate === e.startDate && before.orderInDay < e.orderInDay)
      expect(inOrder, `${before.startDate} #${before.orderInDay} then ${e.startDate} #${e.orderInDay}`).toBe(true)
    }
    expect(chronology.periodStart).toBe('2024-04-01')
    expect(chronology.sourcesNote[0]).toMatch(/^This chronology of events is cross-referenced/)
    const crossMonth = chronology.entries.find((e) => e.startDate === '2024-06-29')
    expect(crossMonth?.endDate).toBe('2024-07-04')
  })

  it('brings typographic quotes everywhere in prose, addresses left as typed', async () => {
    const { model } = await assembleIssue(payload, 'demo')
    const straight: string[] = []
    const visit = (value: unknown, key?: string): void => {
      if (typeof value === 'string') {
        if (!['href', 'url', 'aboutUrl', 'printPath', 'webUrl', 'emailUrl', 'email', 'id', 'slug'].includes(key ?? '')) {
          if (/["']/.test(value.replace(/https?:\/\/\S+|\S+@\S+/g, ''))) straight.push(value)
        }
      } else if (Array.isArray(value)) value.forEach((v) => visit(v, key))
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k)
    }
    visit(model)
    expect(straight).toEqual([])
    // The demo typed them straight: Thailand's, "Mekong–Han River Forum".
    const entries = section(model.sections, 'chronology').chronology.entries.flatMap((e) => e.paragraphs).join(' ')
    expect(entries).toContain('Thailand’s Ministry of Commerce')
    expect(entries).toContain('The demo “Mekong–Han River Forum” met')
  })

  it('brings the layout choices of the issue and its essays', async () => {
    const { model } = await assembleIssue(payload, 'demo')
    expect(model.layout).toEqual({ highlightsOnNewPage: false, chronologyOnNewPage: true, endMatter: 'none' })
    expect(section(model.sections, 'essays').essays[0].layout).toEqual({ startOnNewPage: false, pullQuoteSize: 'large' })
  })

  it('shows drafts only when asked, and reports references that lead nowhere', async () => {
    const essay = (await payload.find({ collection: 'essays', where: { slug: { equals: 'festivals-of-the-mekong' } }, depth: 0 })).docs[0]
    await payload.update({ collection: 'essays', id: essay.id, data: { title: 'A draft title' }, draft: true })
    const published = await assembleIssue(payload, 'demo')
    const drafts = await assembleIssue(payload, 'demo', { draft: true })
    expect(section(published.model.sections, 'essays').essays[0].title).toMatch(/^Festivals of the Mekong/)
    expect(section(drafts.model.sections, 'essays').essays[0].title).toBe('A draft title')

    // Unpublishing a book the issue lists leaves the published issue pointing at nothing.
    const recent = (await payload.find({ collection: 'publications', where: { kind: { equals: 'recent' } }, depth: 0 })).docs[0]
    await payload.update({ collection: 'publications', id: recent.id, data: { _status: 'draft' } })
    const { brokenReferences, model } = await assembleIssue(payload, 'demo')
    expect(brokenReferences.join('\n')).toMatch(/section "Recent Publications": item \S+ no longer exists or is not published/)
    expect(section(model.sections, 'recent').publications).toHaveLength(1)
  })

  it('lists the items that are not approved, as read, for preflight to warn about', async () => {
    expect((await assembleIssue(payload, 'demo', { draft: true })).unapproved).toEqual([])
    const highlight = (await payload.find({ collection: 'highlights', where: { title: { equals: 'Translation workshop' } }, limit: 1, depth: 0 })).docs[0]
    await payload.update({ collection: 'highlights', id: highlight.id, data: { reviewStatus: 'inReview' }, draft: true })
    // The published version is still approved; the latest draft is in review.
    expect((await assembleIssue(payload, 'demo')).unapproved).toEqual([])
    expect((await assembleIssue(payload, 'demo', { draft: true })).unapproved).toEqual([
      { kind: 'highlight', title: highlight.title, reviewStatus: 'inReview' },
    ])
    const report = await preflightWithoutRender(payload, 'demo')
    expect(report.warnings.filter((w) => w.code === 'not-approved')).toEqual([
      { severity: 'warning', code: 'not-approved', where: `highlight “${highlight.title}”`, message: expect.stringContaining('“In review”, not approved') },
    ])
    expect(report.errors.map((e) => e.code)).not.toContain('not-approved')
  })

  it('says which issue is missing', async () => {
    await expect(assembleIssue(payload, 'no-such-issue')).rejects.toBeInstanceOf(IssueNotFoundError)
    expect(quarterLabel(4, 2024)).toBe('October–December 2024')
  })
})
