import { describe, expect, it } from 'vitest'

import type { PreflightFinding } from '@/issue/checks'
import { workflowOf } from '@/workflow/fields'
import { countsOf, missingOf, type IssueStatusData, type ItemStatus, type MissingCode, type SectionStatus } from '@/dashboard/missing'
import type { Essay } from '@/payload-types'

const at = (day: number) => `2024-07-${String(day).padStart(2, '0')}T10:00:00.000Z`

let nextId = 1
function item(overrides: Partial<ItemStatus> = {}): ItemStatus {
  const id = nextId++
  return {
    collection: 'essays',
    id,
    title: `Item ${id}`,
    href: `/admin/collections/essays/${id}`,
    state: 'published',
    reviewStatus: 'approved',
    notes: 0,
    unresolvedNotes: 0,
    updatedAt: at(1),
    ...overrides,
  }
}

function section(kind: SectionStatus['kind'], items: ItemStatus[], extra: Partial<SectionStatus> = {}): SectionStatus {
  return { id: kind, kind, title: kind, items, missingItems: 0, ...extra }
}

/** An issue that needs nothing: every condition off. */
function ready(): IssueStatusData {
  return {
    issue: { id: 1, slug: 'q2', title: 'Q2', state: 'published', updatedAt: at(1), href: '/admin/collections/issues/1' },
    sections: [
      section('essays', [item(), item({ reviewStatus: 'draft' })]),
      section('highlights', [item({ collection: 'highlights' })]),
      section('chronology', [item({ collection: 'chronologies' })], { entryCount: 12 }),
    ],
    preflight: { ok: true, errors: [], warnings: [] },
    lastChangeAt: at(1),
    lastExport: { exportedAt: at(2), pageCount: 16, forced: false },
  }
}

const codes = (data: IssueStatusData): MissingCode[] => missingOf(data).map((m) => m.code)
const find = (data: IssueStatusData, code: MissingCode) => missingOf(data).find((m) => m.code === code)

const error: PreflightFinding = { severity: 'error', code: 'missing-alt-text', message: 'The image has no alt text.', where: 'essay “A”, figure 1' }

describe('missingOf', () => {
  it('finds nothing missing in a ready issue', () => {
    expect(missingOf(ready())).toEqual([])
  })

  describe('no essay approved', () => {
    it('is missing when no essay is approved, even with approved items elsewhere', () => {
      const data = ready()
      data.sections[0] = section('essays', [item({ reviewStatus: 'draft' }), item({ reviewStatus: 'inReview' })])
      expect(find(data, 'no-essay-approved')?.message).toBe('No essay approved yet.')
    })
    it('says so when the issue has no essays at all', () => {
      const data = ready()
      data.sections[0] = section('essays', [])
      expect(find(data, 'no-essay-approved')?.message).toMatch(/no essays yet/)
    })
    it('is off with one approved essay', () => {
      expect(codes(ready())).not.toContain('no-essay-approved')
    })
  })

  describe('chronology empty', () => {
    it('when the chronology has no entries', () => {
      const data = ready()
      data.sections[2] = section('chronology', [item({ collection: 'chronologies' })], { entryCount: 0 })
      expect(find(data, 'chronology-empty')?.message).toMatch(/no entries/)
    })
    it('when the issue has no chronology section', () => {
      const data = ready()
      data.sections.pop()
      expect(find(data, 'chronology-empty')?.message).toMatch(/no chronology section/)
    })
    it('when the section points at no chronology', () => {
      const data = ready()
      data.sections[2] = section('chronology', [], { missingItems: 1 })
      expect(find(data, 'chronology-empty')?.message).toMatch(/points at no chronology/)
    })
    it('is off with entries', () => {
      expect(codes(ready())).not.toContain('chronology-empty')
    })
  })

  describe('items in review and with changes requested', () => {
    it('counts and names them, each item once', () => {
      const data = ready()
      const shared = item({ title: 'Shared', reviewStatus: 'inReview', collection: 'highlights' })
      data.sections.push(section('highlights', [shared, item({ title: 'Other', reviewStatus: 'inReview', collection: 'highlights' })]))
      data.sections.push(section('highlights', [shared]))
      data.sections[0].items.push(item({ title: 'Fix me', reviewStatus: 'changesRequested' }))
      expect(find(data, 'in-review')).toEqual({ code: 'in-review', message: '2 items still in review.', details: ['Shared', 'Other'] })
      expect(find(data, 'changes-requested')).toEqual({ code: 'changes-requested', message: '1 item with changes requested.', details: ['Fix me'] })
    })
    it('is off when none waits', () => {
      expect(codes(ready())).not.toContain('in-review')
      expect(codes(ready())).not.toContain('changes-requested')
    })
  })

  describe('preflight errors', () => {
    it('lists each error with where it is', () => {
      const data = ready()
      data.preflight = { ok: false, errors: [error], warnings: [] }
      expect(find(data, 'preflight-errors')).toEqual({
        code: 'preflight-errors',
        message: 'Preflight errors: 1.',
        details: ['essay “A”, figure 1: The image has no alt text.'],
      })
    })
    it('ignores warnings', () => {
      const data = ready()
      data.preflight = { ok: true, errors: [], warnings: [{ ...error, severity: 'warning', code: 'low-resolution-image' }] }
      expect(codes(data)).not.toContain('preflight-errors')
    })
  })

  describe('publishing', () => {
    it('items never published', () => {
      const data = ready()
      data.sections[1].items[0].state = 'draft'
      expect(find(data, 'items-not-published')?.message).toBe('1 item is not published: the web edition and the email leave it out.')
      data.sections[1].items[0].state = 'published'
      expect(codes(data)).not.toContain('items-not-published')
    })
    it('items with changes saved as drafts over their published version', () => {
      const data = ready()
      data.sections[0].items[1].state = 'changed'
      expect(find(data, 'items-changed')).toEqual({ code: 'items-changed', message: '1 item has changes not published yet.', details: [data.sections[0].items[1].title] })
      expect(codes(data)).not.toContain('items-not-published')
      data.sections[0].items[1].state = 'published'
      expect(codes(data)).not.toContain('items-changed')
    })
    it('an issue never published', () => {
      const data = ready()
      data.issue.state = 'draft'
      expect(codes(data)).toContain('not-published')
      expect(codes(data)).not.toContain('unpublished-changes')
    })
    it('an issue published with newer changes', () => {
      const data = ready()
      data.issue.state = 'changed'
      expect(codes(data)).toContain('unpublished-changes')
      expect(codes(data)).not.toContain('not-published')
    })
  })

  describe('the PDF', () => {
    it('never exported', () => {
      const data = ready()
      data.lastExport = undefined
      expect(codes(data)).toEqual(['no-pdf'])
    })
    it('exported before the last change', () => {
      const data = ready()
      data.lastChangeAt = at(3)
      expect(codes(data)).toEqual(['pdf-outdated'])
    })
    it('exported after the last change', () => {
      const data = ready()
      data.lastChangeAt = at(2)
      expect(codes(data)).not.toContain('pdf-outdated')
    })
    it('made from other content than the issue has now, whatever the dates say', () => {
      const data = ready()
      data.modelHash = 'b'.repeat(64)
      data.lastExport = { ...data.lastExport!, modelHash: 'a'.repeat(64) }
      expect(codes(data)).toEqual(['pdf-outdated'])
    })
    it('made from the content the issue has now, though something without effect on the page changed since', () => {
      const data = ready()
      data.lastChangeAt = at(3)
      data.modelHash = 'a'.repeat(64)
      data.lastExport = { ...data.lastExport!, modelHash: 'a'.repeat(64) }
      expect(codes(data)).not.toContain('pdf-outdated')
    })
  })
})

describe('countsOf', () => {
  it('counts items once, by review status, layout and open notes', () => {
    const a = item({ layoutReady: true, unresolvedNotes: 2 })
    const counts = countsOf([
      section('essays', [a, item({ reviewStatus: 'inReview', state: 'draft', unresolvedNotes: 1 })]),
      section('highlights', [a, item({ reviewStatus: 'changesRequested', collection: 'highlights' })]),
    ])
    expect(counts).toEqual({ items: 3, published: 2, approved: 1, inReview: 1, changesRequested: 1, layoutReady: 1, unresolvedNotes: 3 })
  })
})

describe('workflowOf: the workflow fields, read defensively', () => {
  const essay = { id: 1, title: 'E', updatedAt: at(1), createdAt: at(1) } as Essay

  it('reads nothing from an item without the fields', () => {
    expect(workflowOf(essay)).toEqual({ notes: 0, unresolvedNotes: 0, reviewStatus: undefined, assigneeId: undefined, assigneeName: undefined, layoutReady: undefined })
  })
  it('reads the fields when they are there, populated or not', () => {
    const stored = {
      ...essay,
      reviewStatus: 'changesRequested',
      assignee: { id: 7, name: 'Ms Tran Thi Lan' },
      layoutReady: true,
      reviewNotes: [{ text: 'Shorter', resolved: true }, { text: 'Alt text?', resolved: false }, { text: 'Caption' }],
    } as Essay
    expect(workflowOf(stored)).toEqual({
      reviewStatus: 'changesRequested',
      assigneeId: 7,
      assigneeName: 'Ms Tran Thi Lan',
      layoutReady: true,
      notes: 3,
      unresolvedNotes: 2,
    })
    expect(workflowOf({ ...essay, assignee: 7 } as Essay).assigneeId).toBe(7)
  })
  it('ignores values it does not know', () => {
    const odd = { ...essay, reviewStatus: 'published', layoutReady: 'yes', reviewNotes: 'none', assignee: {} } as unknown as Essay
    expect(workflowOf(odd)).toMatchObject({ reviewStatus: undefined, layoutReady: undefined, notes: 0, assigneeId: undefined })
  })
})
