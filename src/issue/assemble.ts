import fs from 'node:fs'
import path from 'node:path'
import type { Payload, Where } from 'payload'

import { ServiceError } from '../api/errors'
import type {
  Author,
  Chronology,
  ChronologyEntry,
  Essay,
  Highlight,
  Issue,
  Media,
  Publication,
  PublicationSetting,
} from '../payload-types'
import { monthName } from '../chronology/dayCell'
import { env } from '../env'
import { fromStoredDate } from '../fields/dayDate'
import { itemTitle, type WorkflowDoc } from '../workflow/fields'
import { reviewStatusOf, type ReviewStatus } from '../workflow/review'
import { lexicalToBlocks, paragraphsOf, type OnRefusedLink } from './lexical'
import { allowedLinkUrl } from './links'
import { withSmartQuotes } from './smartQuotes'
import {
  issueModelSchema,
  type AuthorModel,
  type ImageModel,
  type IssueModel,
  type PublicationModel,
  type SectionModel,
} from './model'

/**
 * assemble(slug) -> IssueModel: the one path from stored content to what every renderer
 * draws. It reads through the Local API only, resolves relations, reduces rich text and
 * chooses image derivatives, then validates the result.
 */

export interface AssembleOptions {
  /** Latest drafts (print proofs, previews) or only what is published (email, web). */
  draft?: boolean
}

/** An item of the issue that is not approved (yet): preflight warns of it. */
export interface UnapprovedItem {
  kind: 'essay' | 'highlight' | 'publication' | 'chronology'
  title: string
  reviewStatus: ReviewStatus
}

/** A link left out of the model (./links.ts): its text stays, the link goes. Preflight names it. */
export interface RefusedLink {
  /** In the editors' words: "essay “…”, body". */
  where: string
  href: string
}

export interface AssembleResult {
  model: IssueModel
  /** References that no longer lead anywhere: preflight reports them as errors. */
  brokenReferences: string[]
  /** The issue's items whose review status (as read: latest drafts or published) is not "approved", in section order. */
  unapproved: UnapprovedItem[]
  /** Links that are not http, https or mailto, left out of the model. */
  refusedLinks: RefusedLink[]
}

export class IssueNotFoundError extends ServiceError {
  constructor(slug: string) {
    super('not-found', 404, `No issue with the slug "${slug}".`)
    this.name = 'IssueNotFoundError'
  }
}

type Id = number | string
type Ref<T> = Id | T | null | undefined

const idOf = <T extends { id: Id }>(ref: Ref<T>): Id | undefined =>
  ref === null || ref === undefined ? undefined : typeof ref === 'object' ? ref.id : ref

export function quarterLabel(quarter: number, year: number): string {
  const first = (quarter - 1) * 3 + 1
  return `${monthName(first)}–${monthName(first + 2)} ${year}`
}

export async function assembleIssue(payload: Payload, slug: string, options: AssembleOptions = {}): Promise<AssembleResult> {
  const draft = options.draft ?? false
  const read = { depth: 0, draft, overrideAccess: true, pagination: false } as const
  // Without drafts only published documents count: overrideAccess alone would return all.
  const published = (where: Where): Where => (draft ? where : { and: [where, { _status: { equals: 'published' } }] })
  const { docs } = await payload.find({ collection: 'issues', where: published({ slug: { equals: slug } }), ...read, limit: 1 })
  const issue = docs[0] as Issue | undefined
  if (!issue) throw new IssueNotFoundError(slug)
  const settings = (await payload.findGlobal({ slug: 'publication-settings', depth: 0, overrideAccess: true })) as PublicationSetting
  const broken: string[] = []
  const unapproved: UnapprovedItem[] = []
  const refusedLinks: RefusedLink[] = []
  const refuseLinksOf = (where: string): OnRefusedLink => (href) => void refusedLinks.push({ where, href })
  /** A link field: kept when allowed, else noted and left out. */
  const linkField = (href: string | null | undefined, where: string): string | undefined => {
    const allowed = allowedLinkUrl(href)
    if (!allowed && href?.trim()) refusedLinks.push({ where, href })
    return allowed
  }
  // Review status is not part of the model (templates do not print it): it goes beside it.
  const noteReview = <T extends WorkflowDoc>(kind: UnapprovedItem['kind'], docs: T[]): T[] => {
    for (const doc of docs) {
      const reviewStatus = reviewStatusOf(doc)
      if (reviewStatus !== 'approved') unapproved.push({ kind, title: itemTitle(doc), reviewStatus })
    }
    return docs
  }

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
  const ids = (refs: Array<Ref<{ id: Id }>> | null | undefined) => (refs ?? []).map(idOf).filter((id): id is Id => id !== undefined)
  const essays = await fetchByIds<Essay>('essays', sections.flatMap((s) => (s.blockType === 'essaysSection' ? ids(s.essays) : [])))
  const highlights = await fetchByIds<Highlight>(
    'highlights',
    sections.flatMap((s) => (s.blockType === 'highlightsSection' ? ids(s.highlights) : [])),
  )
  const publications = await fetchByIds<Publication>(
    'publications',
    sections.flatMap((s) => (s.blockType === 'publicationsSection' ? ids(s.publications) : [])),
  )
  const chronologies = await fetchByIds<Chronology>(
    'chronologies',
    sections.flatMap((s) => (s.blockType === 'chronologySection' ? ids([s.chronology]) : [])),
  )
  const authors = await fetchByIds<Author>('authors', [...essays.values()].flatMap((essay) => ids(essay.authors)))
  const media = await fetchByIds<Media>(
    'media',
    collectMediaIds([...essays.values(), ...highlights.values(), ...publications.values()]),
  )

  const publicUrl = env().PUBLIC_URL
  const mediaDir = path.resolve(env().MEDIA_DIR)
  const resolveImage = (value: unknown): ImageModel | undefined => {
    const id = typeof value === 'object' && value !== null ? (value as { id?: Id }).id : (value as Id | undefined)
    const doc = id === undefined ? undefined : media.get(String(id))
    if (!doc) {
      if (id !== undefined) broken.push(`image ${id} no longer exists`)
      return undefined
    }
    return imageModel(doc, publicUrl, mediaDir)
  }

  const authorModel = (ref: Ref<Author>, where: string): AuthorModel | undefined => {
    const author = authors.get(String(idOf(ref)))
    if (!author) {
      broken.push(`${where}: an author no longer exists`)
      return undefined
    }
    return {
      id: String(author.id),
      name: author.name,
      nameInScript: author.nameInScript || undefined,
      honorific: author.honorific || undefined,
      affiliations: (author.affiliations ?? []).map((a) => a.line),
    }
  }

  function pick<T>(map: Map<string, T>, refs: Array<Ref<{ id: Id }>> | null | undefined, where: string): T[] {
    const out: T[] = []
    for (const id of ids(refs)) {
      const doc = map.get(String(id))
      if (doc) out.push(doc)
      else broken.push(`${where}: item ${id} no longer exists${draft ? '' : ' or is not published'}`)
    }
    return out
  }

  const sectionModels: SectionModel[] = []
  for (const [index, section] of sections.entries()) {
    const id = section.id ?? `section-${index + 1}`
    const where = `section "${section.title}"`
    switch (section.blockType) {
      case 'essaysSection':
        sectionModels.push({
          id,
          kind: 'essays',
          title: section.title,
          essays: noteReview('essay', pick(essays, section.essays, where)).map((essay) => ({
            id: String(essay.id),
            slug: essay.slug,
            title: essay.title,
            contentsTitle: essay.contentsTitle || undefined,
            authors: (essay.authors ?? []).map((a) => authorModel(a, `essay "${essay.title}"`)).filter((a): a is AuthorModel => Boolean(a)),
            standfirst: essay.standfirst || undefined,
            body: lexicalToBlocks(essay.body, resolveImage, refuseLinksOf(`essay “${essay.title}”, body`)),
            layout: {
              startOnNewPage: essay.layout?.startOnNewPage ?? false,
              pullQuoteSize: essay.layout?.pullQuoteSize ?? 'large',
            },
          })),
        })
        break
      case 'highlightsSection':
        sectionModels.push({
          id,
          kind: 'highlights',
          title: section.title,
          highlights: noteReview('highlight', pick(highlights, section.highlights, where)).map((highlight) => ({
            id: String(highlight.id),
            title: highlight.title ?? '',
            eventDate: fromStoredDate(highlight.eventDate),
            caption: highlight.caption || undefined,
            photos: (highlight.photos ?? []).flatMap((photo) => {
              const image = resolveImage(photo.image)
              return image ? [{ image, caption: photo.caption ?? '', positionCue: photo.positionCue || undefined }] : []
            }),
          })),
        })
        break
      case 'publicationsSection':
        sectionModels.push({
          id,
          kind: section.kind,
          title: section.title,
          publications: noteReview('publication', pick(publications, section.publications, where)).map((p) =>
            publicationModel(p, resolveImage, { field: linkField, refusedIn: refuseLinksOf }),
          ),
        })
        break
      case 'chronologySection': {
        const chronology = noteReview('chronology', pick(chronologies, [section.chronology], where))[0]
        if (!chronology) break
        // Readers get the entries its publication included (withholdChangedEntry); proofs get all.
        const ofChronology: Where = { chronology: { equals: chronology.id } }
        const entries = await payload.find({
          collection: 'chronology-entries',
          where: draft ? ofChronology : { and: [ofChronology, { publishedWithChronology: { equals: true } }] },
          sort: ['startDate', 'orderInDay', 'createdAt'],
          depth: 0,
          overrideAccess: true,
          pagination: false,
        })
        sectionModels.push({
          id,
          kind: 'chronology',
          title: section.title,
          chronology: {
            title: chronology.title,
            contentsTitle: chronology.contentsTitle || undefined,
            periodInContents: chronology.periodInContents ?? false,
            periodStart: fromStoredDate(chronology.periodStart) ?? '',
            periodEnd: fromStoredDate(chronology.periodEnd) ?? '',
            compiler: chronology.compiler,
            compilerAffiliation: chronology.compilerAffiliation || undefined,
            intro: paragraphsOf(chronology.intro),
            sourcesNote: paragraphsOf(chronology.sourcesNote),
            entries: (entries.docs as ChronologyEntry[]).map((entry) => ({
              id: String(entry.id),
              startDate: fromStoredDate(entry.startDate) ?? '',
              endDate: fromStoredDate(entry.endDate) ?? fromStoredDate(entry.startDate) ?? '',
              paragraphs: (entry.paragraphs ?? []).map((p) => p.text.trim()).filter(Boolean),
              countries: entry.countries ?? [],
              orderInDay: entry.orderInDay ?? 0,
            })),
          },
        })
        break
      }
    }
  }

  const quarter = Number(issue.quarter)
  const candidate = {
    id: String(issue.id),
    slug: issue.slug,
    title: issue.title,
    volume: issue.volume ?? undefined,
    number: issue.number ?? undefined,
    quarter,
    year: issue.year,
    periodLabel: quarterLabel(quarter, issue.year),
    publicationDate: fromStoredDate(issue.publicationDate) ?? '',
    status: issue._status === 'published' ? 'published' : 'draft',
    publisher: {
      bulletinName: settings.bulletinName,
      institute: settings.institute,
      centre: settings.centre,
      aboutText: settings.aboutText,
      aboutUrl: linkField(settings.aboutUrl, 'publication settings, about link'),
      aboutLinkText: settings.aboutLinkText || undefined,
      rightsText: settings.rightsText,
      correspondence: { name: settings.correspondence?.name ?? '', email: settings.correspondence?.email ?? '' },
      postalAddress: settings.postalAddress || undefined,
    },
    coverPullQuote: issue.coverPullQuote?.text
      ? { text: issue.coverPullQuote.text, attribution: issue.coverPullQuote.attribution || undefined }
      : undefined,
    editorialCommittee: (issue.editorialCommittee ?? []).map((member) => ({
      name: member.name,
      honorific: member.honorific || undefined,
      role: member.role,
      email: member.email,
    })),
    mastheadOverride: issue.mastheadOverride || undefined,
    editorsIntro: issue.editorsIntro || undefined,
    sections: sectionModels,
    layout: {
      chronologyOnNewPage: issue.layout?.chronologyOnNewPage ?? true,
      highlightsOnNewPage: issue.layout?.highlightsOnNewPage ?? true,
      endMatter: issue.layout?.endMatter ?? 'none',
    },
  }
  // Typographic quotes once, here, so that every renderer prints the same text.
  const parsed = issueModelSchema.safeParse(withSmartQuotes(candidate))
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
    throw new Error(`Issue "${slug}" cannot be assembled:\n${problems}`)
  }
  return { model: parsed.data, brokenReferences: broken, unapproved, refusedLinks }
}

function publicationModel(
  p: Publication,
  resolveImage: (value: unknown) => ImageModel | undefined,
  links: { field: (href: string | null | undefined, where: string) => string | undefined; refusedIn: (where: string) => OnRefusedLink },
): PublicationModel {
  const at = `publication “${p.title}”`
  return {
    id: String(p.id),
    kind: p.kind,
    title: p.title,
    subtitle: p.subtitle || undefined,
    contentsTitle: p.contentsTitle || undefined,
    editors: (p.editors ?? []).map((e) => e.name),
    publisher: p.publisher,
    place: p.place || undefined,
    year: p.year,
    isbn: p.isbn || undefined,
    cover: p.cover ? resolveImage(p.cover) : undefined,
    description: lexicalToBlocks(p.description, resolveImage, links.refusedIn(`${at}, description`)),
    url: links.field(p.url, `${at}, link`),
    contents: (p.contents ?? []).map((part) => ({
      title: part.title ?? '',
      chapters: (part.chapters ?? []).map((chapter) => ({
        number: chapter.number ?? undefined,
        title: chapter.title,
        authors: (chapter.authors ?? []).map((a) => a.name),
      })),
    })),
  }
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

const absolute = (url: string | null | undefined, publicUrl: string): string =>
  !url ? '' : /^https?:\/\//.test(url) ? url : `${publicUrl}${url.startsWith('/') ? '' : '/'}${url}`

function imageModel(doc: Media, publicUrl: string, mediaDir: string): ImageModel {
  const sizes = doc.sizes ?? {}
  const printFile = sizes.print?.filename ?? doc.filename ?? ''
  // Originals may be WebP, which react-pdf cannot read; the print derivative is always JPEG.
  const printPath = path.join(mediaDir, fs.existsSync(path.join(mediaDir, printFile)) ? printFile : (doc.filename ?? ''))
  return {
    id: String(doc.id),
    alt: doc.alt,
    credit: doc.credit || undefined,
    width: doc.width ?? 1,
    height: doc.height ?? 1,
    focalX: doc.focalX ?? 50,
    focalY: doc.focalY ?? 50,
    printPath,
    webUrl: absolute(sizes.web?.url ?? doc.url, publicUrl),
    emailUrl: absolute(sizes.email?.url ?? doc.url, publicUrl),
  }
}
