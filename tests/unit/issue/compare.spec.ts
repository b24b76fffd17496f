import { describe, expect, it } from 'vitest'

import { unpublishedChanges } from '@/issue/compare'
import type { IssueModel } from '@/issue/model'
import { makeTestModel } from '../email/model'

/** The model with a change made to its first section's essays. */
function withEssays(model: IssueModel, change: (essays: Extract<IssueModel['sections'][number], { kind: 'essays' }>['essays']) => typeof essays): IssueModel {
  const essays = model.sections[0]
  if (essays.kind !== 'essays') throw new Error('the test model starts with essays')
  return { ...model, sections: [{ ...essays, essays: change(essays.essays) }, ...model.sections.slice(1)] }
}

describe('what the proof prints that the edition does not', () => {
  const edition = makeTestModel()
  const [first, second] = edition.sections[0].kind === 'essays' ? edition.sections[0].essays : []

  it('is nothing when the drafts are what is published', () => {
    expect(unpublishedChanges(makeTestModel(), edition)).toEqual([])
  })

  it('names an essay changed in draft by its draft title, saying what is published', () => {
    const proof = withEssays(edition, (essays) => essays.map((e) => (e.id === first.id ? { ...e, title: 'A new title' } : e)))
    expect(unpublishedChanges(proof, edition)).toEqual([`essay “A new title” (published as “${first.title}”)`])
    const body = withEssays(edition, (essays) => essays.map((e) => (e.id === second.id ? { ...e, standfirst: 'Changed.' } : e)))
    expect(unpublishedChanges(body, edition)).toEqual([`essay “${second.title}”`])
  })

  it('names an item not published, one left out of the drafts, and the issue when items move', () => {
    const added = withEssays(edition, (essays) => [...essays, { ...first, id: 'new', title: 'Brand new' }])
    expect(unpublishedChanges(added, edition)).toEqual([`issue “${edition.title}”`, 'essay “Brand new” (not published)'])
    const removed = withEssays(edition, (essays) => essays.slice(1))
    expect(unpublishedChanges(removed, edition)).toEqual([`issue “${edition.title}”`, `essay “${first.title}” (left out of the drafts)`])
    const chronology = { ...edition, sections: edition.sections.map((s) => (s.kind === 'chronology' ? { ...s, chronology: { ...s.chronology, entries: s.chronology.entries.slice(1) } } : s)) }
    expect(unpublishedChanges(chronology, edition)).toEqual([expect.stringMatching(/^chronology “/)])
  })
})
