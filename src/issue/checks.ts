import { REVIEW_STATUS_LABELS } from '../workflow/review'
import type { RefusedLink, UnapprovedItem } from './assemble'
import { linkKind } from './links'
import type { ImageModel, IssueModel, SectionModel } from './model'
import type { PdfKind } from './pdfKind'

/**
 * The checks on the IssueModel itself, pure and the same for every medium: what must be
 * right before an issue goes out. Errors block the export and the campaign (an export may
 * be forced, and then it is recorded); warnings are for the production editor to judge.
 * What only print can get wrong (fonts, resolution, line widths, pages) is checked beside
 * the PDF renderer (src/render/pdf/preflight.ts); the email has its own selection
 * (src/render/email/checks.ts).
 */

export interface PreflightFinding {
  severity: 'error' | 'warning'
  code:
    | 'missing-alt-text'
    | 'author-without-affiliation'
    | 'uncovered-glyph'
    | 'entry-outside-period'
    | 'entry-ends-before-start'
    | 'empty-section'
    | 'broken-reference'
    | 'low-resolution-image'
    | 'page-count'
    | 'long-pull-quote'
    | 'not-approved'
    | 'refused-link'
    | 'unpublished-changes'
    | 'text-overflow'
    | 'hyphen-ladder'
  message: string
  /** Where to look, in the editors' words: "essay “…”, figure 2". */
  where: string
}

export interface PreflightReport {
  slug: string
  /** Which PDF was checked: the proof (latest drafts) or the edition (published content). */
  kind?: PdfKind
  ok: boolean
  errors: PreflightFinding[]
  warnings: PreflightFinding[]
  pageCount?: number
}

/** A pull quote is a sentence, not a paragraph. */
export const MAX_PULL_QUOTE_CHARS = 200

function sectionItemsCount(section: SectionModel): number {
  switch (section.kind) {
    case 'essays':
      return section.essays.length
    case 'highlights':
      return section.highlights.length
    case 'forthcoming':
    case 'recent':
      return section.publications.length
    case 'chronology':
      return section.chronology.entries.length
  }
}

export interface ModelCheckInput {
  brokenReferences?: string[]
  /**
   * Items not approved yet (assemble's `unapproved`). A warning, not an error: proofs are
   * printed before the last approvals, and publishing refuses unapproved items anyway
   * (refusePublishUnlessApproved).
   */
  unapproved?: UnapprovedItem[]
  /** Links left out of the model (assemble's `refusedLinks`): not http, https or mailto. */
  refusedLinks?: RefusedLink[]
  /** Items whose latest drafts differ from what is published (compare.ts), when the issue is published. */
  unpublishedChanges?: string[]
}

export function checkIssueModel(model: IssueModel, input: ModelCheckInput = {}): PreflightFinding[] {
  const findings: PreflightFinding[] = []
  const error = (code: PreflightFinding['code'], message: string, where: string) =>
    findings.push({ severity: 'error', code, message, where })
  const warning = (code: PreflightFinding['code'], message: string, where: string) =>
    findings.push({ severity: 'warning', code, message, where })

  const checkImage = (image: ImageModel, where: string) => {
    if (!image.alt.trim()) error('missing-alt-text', 'The image has no alt text.', where)
  }

  for (const section of model.sections) {
    if (sectionItemsCount(section) === 0) {
      error('empty-section', `The section "${section.title}" is listed in the contents but has nothing in it.`, `section "${section.title}"`)
    }
    switch (section.kind) {
      case 'essays':
        for (const essay of section.essays) {
          const at = `essay “${essay.title}”`
          if (essay.authors.length === 0) error('author-without-affiliation', 'The essay has no author.', at)
          for (const author of essay.authors) {
            if (author.affiliations.every((line) => !line.trim())) {
              error('author-without-affiliation', `${author.name} has no affiliation line.`, at)
            }
          }
          let figure = 0
          for (const block of essay.body) {
            if (block.type === 'figure') {
              figure += 1
              checkImage(block.image, `${at}, figure ${figure}`)
            } else if (block.type === 'pullQuote' && block.text.length > MAX_PULL_QUOTE_CHARS) {
              warning('long-pull-quote', `The pull quote has ${block.text.length} characters; keep it under ${MAX_PULL_QUOTE_CHARS}.`, at)
            }
          }
        }
        break
      case 'highlights':
        for (const highlight of section.highlights) {
          highlight.photos.forEach((photo, i) => checkImage(photo.image, `highlight “${highlight.title}”, photo ${i + 1}`))
        }
        break
      case 'forthcoming':
      case 'recent':
        for (const publication of section.publications) {
          if (publication.cover) checkImage(publication.cover, `publication “${publication.title}”, cover`)
        }
        break
      case 'chronology': {
        const { periodStart, periodEnd, entries } = section.chronology
        for (const entry of entries) {
          const at = `chronology entry of ${entry.startDate} (“${entry.paragraphs[0]?.slice(0, 48) ?? ''}…”)`
          if (entry.endDate < entry.startDate) error('entry-ends-before-start', `The entry ends on ${entry.endDate}, before it starts.`, at)
          // Starting inside the period and running past its end is normal (a visit into July).
          if (entry.startDate < periodStart || entry.startDate > periodEnd) {
            error('entry-outside-period', `The entry starts outside the chronology's period (${periodStart} to ${periodEnd}).`, at)
          }
        }
        break
      }
    }
  }

  if (model.coverPullQuote && model.coverPullQuote.text.length > MAX_PULL_QUOTE_CHARS) {
    warning('long-pull-quote', `The cover pull quote has ${model.coverPullQuote.text.length} characters; keep it under ${MAX_PULL_QUOTE_CHARS}.`, 'issue, cover pull quote')
  }
  for (const item of input.unapproved ?? []) {
    warning(
      'not-approved',
      `The ${item.kind} is “${REVIEW_STATUS_LABELS[item.reviewStatus]}”, not approved: it cannot be published until an editor approves it.`,
      `${item.kind} “${item.title}”`,
    )
  }
  for (const link of input.refusedLinks ?? []) {
    warning(
      'refused-link',
      `The link to “${link.href.trim().slice(0, 80)}” (${linkKind(link.href)}) is left out of the PDF, the web edition and the email: only http, https and mailto links are kept. Its text stays.`,
      link.where,
    )
  }
  const changed = input.unpublishedChanges ?? []
  if (changed.length > 0) {
    warning(
      'unpublished-changes',
      `${changed.length === 1 ? '1 item has' : `${changed.length} items have`} changes not published: ${changed.join(', ')}. The proof prints them; the edition readers download does not.`,
      'edition and proof',
    )
  }
  for (const reference of input.brokenReferences ?? []) error('broken-reference', `${reference}.`, 'issue sections')
  return findings
}

export function reportOf(slug: string, findings: PreflightFinding[], pageCount?: number): PreflightReport {
  const errors = findings.filter((f) => f.severity === 'error')
  return { slug, ok: errors.length === 0, errors, warnings: findings.filter((f) => f.severity === 'warning'), pageCount }
}
