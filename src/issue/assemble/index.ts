import path from 'node:path'
import type { Payload } from 'payload'

import { monthName } from '../../chronology/dayCell'
import { env } from '../../env'
import { fromStoredDate } from '../../fields/dayDate'
import { issueModelSchema, type IssueModel } from '../model'
import { withSmartQuotes } from '../smartQuotes'
import { fetchIssue } from './fetch'
import { imageResolver } from './images'
import { AssemblyNotes, type RefusedLink, type UnapprovedItem } from './notes'
import { sectionModels } from './sections'

export { IssueNotFoundError } from './fetch'
export type { RefusedLink, UnapprovedItem } from './notes'

/**
 * assemble(slug) -> IssueModel: the one path from stored content to what every renderer
 * draws. It reads through the Local API only, resolves relations, reduces rich text and
 * chooses image derivatives, then validates the result. In steps: ./fetch.ts reads, ./sections.ts
 * and ./images.ts shape, ./notes.ts keeps what preflight reports beside the model.
 */

export interface AssembleOptions {
  /** Latest drafts (print proofs, previews) or only what is published (email, web). */
  draft?: boolean
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

export function quarterLabel(quarter: number, year: number): string {
  const first = (quarter - 1) * 3 + 1
  return `${monthName(first)}–${monthName(first + 2)} ${year}`
}

export async function assembleIssue(payload: Payload, slug: string, options: AssembleOptions = {}): Promise<AssembleResult> {
  const draft = options.draft ?? false
  const stored = await fetchIssue(payload, slug, draft)
  const { issue, settings } = stored
  const notes = new AssemblyNotes()
  const resolveImage = imageResolver(stored.media, notes.broken, { publicUrl: env().PUBLIC_URL, mediaDir: path.resolve(env().MEDIA_DIR) })
  const sections = sectionModels(stored, notes, resolveImage, draft)

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
      aboutUrl: notes.linkField(settings.aboutUrl, 'publication settings, about link'),
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
    sections,
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
  return { model: parsed.data, brokenReferences: notes.broken, unapproved: notes.unapproved, refusedLinks: notes.refusedLinks }
}
