import { createHash } from 'node:crypto'

import type { IssueModel } from './model'

/**
 * What the edition (published content) and the proof (latest drafts) of one issue print
 * differently, item by item, in the editors' words: preflight names them, so nobody
 * mistakes a proof for what readers will get.
 */

interface Item {
  label: string
  hash: string
}

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex')

/** Every item of the issue that prints on its own, keyed by kind and id; the rest is the issue's own. */
function itemsOf(model: IssueModel): Map<string, Item> {
  const items = new Map<string, Item>()
  const { sections, ...issue } = model
  // The sections and the order of their items are the issue's own: an item moved changes the issue.
  const layout = sections.map((s) => ({ id: s.id, kind: s.kind, title: s.title, items: itemIds(s) }))
  items.set('issue', { label: `issue “${model.title}”`, hash: hashOf({ issue, layout }) })
  for (const section of sections) {
    switch (section.kind) {
      case 'essays':
        for (const essay of section.essays) items.set(`essay:${essay.id}`, { label: `essay “${essay.title}”`, hash: hashOf(essay) })
        break
      case 'highlights':
        for (const h of section.highlights) items.set(`highlight:${h.id}`, { label: `highlight “${h.title}”`, hash: hashOf(h) })
        break
      case 'forthcoming':
      case 'recent':
        for (const p of section.publications) items.set(`publication:${p.id}`, { label: `publication “${p.title}”`, hash: hashOf(p) })
        break
      case 'chronology':
        items.set(`chronology:${section.id}`, { label: `chronology “${section.chronology.title}”`, hash: hashOf(section.chronology) })
        break
    }
  }
  return items
}

/**
 * The items whose latest drafts differ from what is published, labelled as in the proof:
 * changed, not published at all, or published but left out of the drafts.
 */
export function unpublishedChanges(proof: IssueModel, edition: IssueModel): string[] {
  const drafts = itemsOf(proof)
  const published = itemsOf(edition)
  const changes: string[] = []
  for (const [key, item] of drafts) {
    const live = published.get(key)
    if (!live) changes.push(`${item.label} (not published)`)
    else if (live.hash !== item.hash) {
      changes.push(item.label === live.label ? item.label : `${item.label} (published as ${live.label.replace(/^\S+ /, '')})`)
    }
  }
  for (const [key, item] of published) if (!drafts.has(key)) changes.push(`${item.label} (left out of the drafts)`)
  return changes
}

function itemIds(section: IssueModel['sections'][number]): string[] {
  switch (section.kind) {
    case 'essays':
      return section.essays.map((e) => e.id)
    case 'highlights':
      return section.highlights.map((h) => h.id)
    case 'forthcoming':
    case 'recent':
      return section.publications.map((p) => p.id)
    case 'chronology':
      return [section.id]
  }
}
