import type { Author, Publication } from '../../payload-types'
import { fromStoredDate } from '../../fields/dayDate'
import { lexicalToBlocks, paragraphsOf } from '../lexical'
import type { AuthorModel, PublicationModel, SectionModel } from '../model'
import { idOf, idsOf, type Id, type Ref, type StoredIssue } from './fetch'
import type { ResolveImage } from './images'
import type { AssemblyNotes } from './notes'

/**
 * The issue's sections as the model has them, in the issue's order: each item picked from
 * what was fetched (a reference that leads nowhere is noted, not fatal), its rich text reduced
 * to the render tree, its images resolved.
 */
export function sectionModels(stored: StoredIssue, notes: AssemblyNotes, resolveImage: ResolveImage, draft: boolean): SectionModel[] {
  const { broken } = notes

  const authorModel = (ref: Ref<Author>, where: string): AuthorModel | undefined => {
    const author = stored.authors.get(String(idOf(ref)))
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
    for (const id of idsOf(refs)) {
      const doc = map.get(String(id))
      if (doc) out.push(doc)
      else broken.push(`${where}: item ${id} no longer exists${draft ? '' : ' or is not published'}`)
    }
    return out
  }

  const sections: SectionModel[] = []
  for (const [index, section] of (stored.issue.sections ?? []).entries()) {
    const id = section.id ?? `section-${index + 1}`
    const where = `section "${section.title}"`
    switch (section.blockType) {
      case 'essaysSection':
        sections.push({
          id,
          kind: 'essays',
          title: section.title,
          essays: notes.review('essay', pick(stored.essays, section.essays, where)).map((essay) => ({
            id: String(essay.id),
            slug: essay.slug,
            title: essay.title,
            contentsTitle: essay.contentsTitle || undefined,
            authors: (essay.authors ?? []).map((a) => authorModel(a, `essay "${essay.title}"`)).filter((a): a is AuthorModel => Boolean(a)),
            standfirst: essay.standfirst || undefined,
            body: lexicalToBlocks(essay.body, resolveImage, notes.refusedIn(`essay “${essay.title}”, body`)),
            layout: {
              startOnNewPage: essay.layout?.startOnNewPage ?? false,
              pullQuoteSize: essay.layout?.pullQuoteSize ?? 'large',
            },
          })),
        })
        break
      case 'highlightsSection':
        sections.push({
          id,
          kind: 'highlights',
          title: section.title,
          highlights: notes.review('highlight', pick(stored.highlights, section.highlights, where)).map((highlight) => ({
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
        sections.push({
          id,
          kind: section.kind,
          title: section.title,
          publications: notes.review('publication', pick(stored.publications, section.publications, where)).map((p) => publicationModel(p, resolveImage, notes)),
        })
        break
      case 'chronologySection': {
        const chronology = notes.review('chronology', pick(stored.chronologies, [section.chronology], where))[0]
        if (!chronology) break
        sections.push({
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
            entries: (stored.entries.get(String(chronology.id)) ?? []).map((entry) => ({
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
  return sections
}

function publicationModel(p: Publication, resolveImage: ResolveImage, notes: AssemblyNotes): PublicationModel {
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
    description: lexicalToBlocks(p.description, resolveImage, notes.refusedIn(`${at}, description`)),
    url: notes.linkField(p.url, `${at}, link`),
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
