import { editorsMark, periodWords } from '@/issue/labels'
import type { IssueModel, SectionModel } from '@/issue/model'

/**
 * What the "IN THIS ISSUE" box lists, derived from the model alone: one group per section
 * (essays first, as the editors order them), one item per essay, highlight, publication or
 * chronology. Each item and section gets a named destination, so the templates can mark
 * where it starts and the renderer can find that spot in the rendered pages.
 */
export interface ContentsItem {
  id: string
  title: string
  authors: string[]
  group: string
  /** Named destination set where the item starts. */
  dest: string
}

export interface ContentsSection {
  sectionIndex: number
  kind: SectionModel['kind']
  title: string
  /** Named destination set where the section starts. */
  dest: string
  items: ContentsItem[]
}

export function sectionDest(sectionIndex: number): string {
  return `bp-s${sectionIndex}`
}

export function itemDest(sectionIndex: number, itemIndex: number): string {
  return `bp-s${sectionIndex}-${itemIndex}`
}

function itemsOf(section: SectionModel, sectionIndex: number): ContentsItem[] {
  const group = section.title
  const item = (index: number, id: string, title: string, authors: string[]): ContentsItem => ({
    id,
    title,
    authors,
    group,
    dest: itemDest(sectionIndex, index),
  })
  switch (section.kind) {
    case 'essays':
      return section.essays.map((essay, i) =>
        item(
          i,
          essay.id,
          essay.contentsTitle ?? essay.title,
          essay.authors.map((a) => a.name),
        ),
      )
    case 'highlights':
      // One line for the section: its photo groups need no titles of their own.
      return section.highlights.length > 0 ? [item(0, section.id, section.title, [])] : []
    case 'forthcoming':
    case 'recent':
      return section.publications.map((p, i) => item(i, p.id, p.contentsTitle ?? p.title, editorsMark(p.editors)))
    case 'chronology': {
      const c = section.chronology
      const title = c.contentsTitle ?? c.title
      return [item(0, section.id, c.periodInContents ? `${title}, ${periodWords(c.periodStart, c.periodEnd)}` : title, [c.compiler])]
    }
  }
}

export function listContents(model: IssueModel): ContentsSection[] {
  return model.sections.map((section, sectionIndex) => ({
    sectionIndex,
    kind: section.kind,
    title: section.title,
    dest: sectionDest(sectionIndex),
    items: itemsOf(section, sectionIndex),
  }))
}

/** The order of the "IN THIS ISSUE" box: essays first, then the one-off sections in issue order. */
export function tableOfContentsOrder(sections: readonly ContentsSection[]): ContentsSection[] {
  return [...sections.filter((s) => s.kind === 'essays'), ...sections.filter((s) => s.kind !== 'essays')].filter(
    (s) => s.items.length > 0,
  )
}
