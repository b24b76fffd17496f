import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

import { MAX_PULL_QUOTE_CHARS } from '@/issue/checks'
import { checkPrintedIssue, ppiAt } from '@/render/pdf/preflight'
import type { IssueModel, SectionModel } from '@/issue/model'
import { makeIssueModel } from '../../fixtures/issueModel'

let base: IssueModel

beforeAll(async () => {
  base = await makeIssueModel(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-preflight-')))
})

const copy = (): IssueModel => structuredClone(base)
const codes = (model: IssueModel, pageCount?: number) =>
  checkPrintedIssue(model, { pageCount }).map((f) => `${f.severity}:${f.code}`)
const sectionOf = <K extends SectionModel['kind']>(model: IssueModel, kind: K) =>
  model.sections.find((s): s is Extract<SectionModel, { kind: K }> => s.kind === kind)!

describe('preflight checks on the model', () => {
  it('passes the complete hand-made issue without errors', () => {
    const errors = checkPrintedIssue(base, { pageCount: 8 }).filter((f) => f.severity === 'error')
    expect(errors).toEqual([])
  })

  it('flags missing alt text', () => {
    const model = copy()
    const essay = sectionOf(model, 'essays').essays[0]
    const figure = essay.body.find((b) => b.type === 'figure')!
    if (figure.type === 'figure') figure.image.alt = '   '
    expect(codes(model)).toContain('error:missing-alt-text')
  })

  it('flags an author without an affiliation, naming the author', () => {
    const model = copy()
    const author = sectionOf(model, 'essays').essays[1].authors[0]
    author.affiliations = []
    const finding = checkPrintedIssue(model).find((f) => f.code === 'author-without-affiliation')
    expect(finding?.message).toContain(author.name)
  })

  it('flags characters no bulletin font can print', () => {
    const model = copy()
    sectionOf(model, 'chronology').chronology.entries[0].paragraphs[0] += ' 🚀 தமிழ்'
    const found = checkPrintedIssue(model).filter((f) => f.code === 'uncovered-glyph')
    expect(found.map((f) => f.message).join(' ')).toMatch(/U\+1F680/)
    expect(found.every((f) => f.severity === 'error')).toBe(true)
  })

  it('flags chronology entries that start outside the period or end before they start, but not a visit that runs past the end', () => {
    const model = copy()
    const { chronology } = sectionOf(model, 'chronology')
    const [a, b, c] = chronology.entries
    a.startDate = '2024-03-30'
    a.endDate = '2024-03-30'
    b.endDate = '2024-01-01'
    c.startDate = chronology.periodEnd
    c.endDate = '2024-07-04'
    const found = checkPrintedIssue(model).filter((f) => f.code.startsWith('entry-'))
    expect(found.map((f) => f.code).sort()).toEqual(['entry-ends-before-start', 'entry-outside-period'])
    expect(found.some((f) => f.where.includes('2024-03-30'))).toBe(true)
    expect(found.some((f) => f.where.includes(chronology.periodEnd))).toBe(false)
  })

  it('flags an empty section listed in the contents', () => {
    const model = copy()
    sectionOf(model, 'recent').publications = []
    const found = checkPrintedIssue(model).find((f) => f.code === 'empty-section')
    expect(found?.message).toContain(sectionOf(model, 'recent').title)
  })

  it('turns broken references into errors', () => {
    expect(checkPrintedIssue(copy(), { brokenReferences: ['section "Essays": item 9 no longer exists'] }).map((f) => f.code)).toContain(
      'broken-reference',
    )
  })

  it('warns about low resolution, long pull quotes and page counts that are not a multiple of 4', () => {
    const model = copy()
    const highlight = sectionOf(model, 'highlights').highlights[0]
    highlight.photos[0].image.width = 400
    highlight.photos[0].image.height = 300
    const essay = sectionOf(model, 'essays').essays[0]
    essay.body.push({ type: 'pullQuote', text: 'x'.repeat(MAX_PULL_QUOTE_CHARS + 1) })
    const found = codes(model, 10)
    expect(found).toContain('warning:low-resolution-image')
    expect(found).toContain('warning:long-pull-quote')
    expect(found).toContain('warning:page-count')
    expect(codes(copy(), 12)).not.toContain('warning:page-count')
  })

  it('warns of a word no line can hold, and not of long addresses that break', () => {
    // The fixture's addresses are as long as the real issue's; they break at / . - _.
    expect(codes(copy())).not.toContain('warning:text-overflow')
    const model = copy()
    const entry = sectionOf(model, 'chronology').chronology.entries[2]
    entry.paragraphs[0] += ' Reference KOREA-ASEAN/MOU/2024/0000000000000000000000000000000000000000000000000000000000000000000000.'
    sectionOf(model, 'essays').essays[1].body.push({ type: 'paragraph', runs: [{ text: 'Code AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.' }] })
    const found = checkPrintedIssue(model).filter((f) => f.code === 'text-overflow')
    expect(found.map((f) => f.where)).toEqual([`essay “${sectionOf(model, 'essays').essays[1].title}”`, `chronology entry of ${entry.startDate}`])
    expect(found[0].message).toMatch(/AAAA.*runs past the margin/)
    expect(found.every((f) => f.severity === 'warning')).toBe(true)
  })

  it('says how many pages the issue has, how many a signature of 4 needs, and what can fill them', () => {
    const finding = checkPrintedIssue(copy(), { pageCount: 9 }).find((f) => f.code === 'page-count')
    expect(finding?.message).toMatch(/has 9 pages; printed in signatures of 4 it needs 12, so 3 pages are left blank/)
    expect(finding?.message).toMatch(/notes page.*back cover.*house advertisement/)
    expect(checkPrintedIssue(copy(), { pageCount: 11 }).find((f) => f.code === 'page-count')?.message).toMatch(/1 page is left blank/)
  })

  it('warns, item by item, about what is not approved, naming the item and its status', () => {
    const found = checkPrintedIssue(copy(), {
      unapproved: [
        { kind: 'essay', title: 'Festivals: A Season on the Mekong', reviewStatus: 'inReview' },
        { kind: 'highlight', title: 'Lecture', reviewStatus: 'draft' },
        { kind: 'publication', title: 'Seas of Cooperation', reviewStatus: 'changesRequested' },
        { kind: 'chronology', title: 'ASEAN - Korea Relations', reviewStatus: 'inReview' },
      ],
    }).filter((f) => f.code === 'not-approved')
    expect(found.map((f) => [f.severity, f.where, f.message])).toEqual([
      ['warning', 'essay “Festivals: A Season on the Mekong”', 'The essay is “In review”, not approved: it cannot be published until an editor approves it.'],
      ['warning', 'highlight “Lecture”', 'The highlight is “Draft”, not approved: it cannot be published until an editor approves it.'],
      ['warning', 'publication “Seas of Cooperation”', 'The publication is “Changes requested”, not approved: it cannot be published until an editor approves it.'],
      ['warning', 'chronology “ASEAN - Korea Relations”', 'The chronology is “In review”, not approved: it cannot be published until an editor approves it.'],
    ])
    expect(codes(copy())).not.toContain('warning:not-approved')
  })

  it('computes ppi at the placed width', () => {
    const image = { ...sectionOf(base, 'highlights').highlights[0].photos[0].image, width: 1200 }
    // 1,200 px over 4 inches (288 pt) is 300 ppi.
    expect(ppiAt(image, 288)).toBe(300)
  })
})
