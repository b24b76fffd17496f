import type { Payload, Where } from 'payload'

import { ServiceError } from '../../errors'
import { idOf, type Id } from '../../ids'
import type { Author, Chronology, ChronologyEntry, Essay, Highlight, Issue, Media, Publication, PublicationSetting } from '../../payload-types'

/**
 * The reads of assemble: the issue, the publication settings, every item its sections name,
 * their authors and images, and the chronology's entries. Through the Local API only; without
 * drafts only what is published. Nothing is shaped here: ./sections.ts and ./images.ts do that.
 */

export type Ref<T> = Id | T | null | undefined

export { idOf, type Id }

export const idsOf = (refs: Array<Ref<{ id: Id }>> | null | undefined): Id[] =>
  (refs ?? []).map(idOf).filter((id): id is Id => id !== undefined)

export class IssueNotFoundError extends ServiceError {
  constructor(slug: string) {
    super('not-found', 404, `No issue with the slug "${slug}".`)
    this.name = 'IssueNotFoundError'
  }
}

/** The stored content of an issue, by id (as a string) per collection. */
export interface StoredIssue {
  issue: Issue
  settings: PublicationSetting
  essays: Map<string, Essay>
  highlights: Map<string, Highlight>
  publications: Map<string, Publication>
  chronologies: Map<string, Chronology>
  authors: Map<string, Author>
  media: Map<string, Media>
  /** The entries of each chronology above, in print order: readers get those its publication included. */
  entries: Map<string, ChronologyEntry[]>
}

export async function fetchIssue(payload: Payload, slug: string, draft: boolean): Promise<StoredIssue> {
  const read = { depth: 0, draft, overrideAccess: true, pagination: false } as const
  // Without drafts only published documents count: overrideAccess alone would return all.
  const published = (where: Where): Where => (draft ? where : { and: [where, { _status: { equals: 'published' } }] })
  const { docs } = await payload.find({ collection: 'issues', where: published({ slug: { equals: slug } }), ...read, limit: 1 })
  const issue = docs[0] as Issue | undefined
  if (!issue) throw new IssueNotFoundError(slug)
  const settings = (await payload.findGlobal({ slug: 'publication-settings', depth: 0, overrideAccess: true })) as PublicationSetting

  async function fetchByIds<T extends { id: Id }>(
    collection: 'essays' | 'highlights' | 'publications' | 'authors' | 'media' | 'chronologies',
    ids: Id[],
  ): Promise<Map<string, T>> {
    if (ids.length === 0) return new Map()
    const versioned = collection !== 'authors' && collection !== 'media'
    const byId: Where = { id: { in: ids } }
    const found = await payload.find({ collection, where: versioned ? published(byId) : byId, ...read })
    return new Map((found.docs as unknown as T[]).map((doc) => [String(doc.id), doc]))
  }

  const sections = issue.sections ?? []
  const essays = await fetchByIds<Essay>('essays', sections.flatMap((s) => (s.blockType === 'essaysSection' ? idsOf(s.essays) : [])))
  const highlights = await fetchByIds<Highlight>(
    'highlights',
    sections.flatMap((s) => (s.blockType === 'highlightsSection' ? idsOf(s.highlights) : [])),
  )
  const publications = await fetchByIds<Publication>(
    'publications',
    sections.flatMap((s) => (s.blockType === 'publicationsSection' ? idsOf(s.publications) : [])),
  )
  const chronologies = await fetchByIds<Chronology>(
    'chronologies',
    sections.flatMap((s) => (s.blockType === 'chronologySection' ? idsOf([s.chronology]) : [])),
  )
  const authors = await fetchByIds<Author>('authors', [...essays.values()].flatMap((essay) => idsOf(essay.authors)))
  const media = await fetchByIds<Media>('media', collectMediaIds([...essays.values(), ...highlights.values(), ...publications.values()]))

  const entries = new Map<string, ChronologyEntry[]>()
  for (const chronology of chronologies.values()) {
    // Readers get the entries its publication included (withholdChangedEntry); proofs get all.
    const ofChronology: Where = { chronology: { equals: chronology.id } }
    const found = await payload.find({
      collection: 'chronology-entries',
      where: draft ? ofChronology : { and: [ofChronology, { publishedWithChronology: { equals: true } }] },
      sort: ['startDate', 'orderInDay', 'createdAt'],
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
    entries.set(String(chronology.id), found.docs as ChronologyEntry[])
  }
  return { issue, settings, essays, highlights, publications, chronologies, authors, media, entries }
}

/** Every media id the documents point at: fields named image or cover, and Lexical uploads. */
function collectMediaIds(docs: unknown[]): Id[] {
  const found = new Set<Id>()
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item) => visit(item))
      return
    }
    if (value === null || typeof value !== 'object') {
      if ((key === 'image' || key === 'cover') && (typeof value === 'number' || typeof value === 'string')) found.add(value)
      return
    }
    const record = value as Record<string, unknown>
    if (record.type === 'upload' && record.relationTo === 'media') {
      const v = record.value
      if (typeof v === 'number' || typeof v === 'string') found.add(v)
    }
    for (const [k, v] of Object.entries(record)) visit(v, k)
  }
  docs.forEach((doc) => visit(doc))
  return [...found]
}
