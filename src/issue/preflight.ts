import type { Payload } from 'payload'

import { COLUMN, CONTENT_WIDTH } from '../../templates/pdf/theme'
import { hasRole } from '../access/roles'
import { ServiceError } from '../api/errors'
import { findOverflowingWords, findUncoveredCharacters, renderIssuePdf, type UncoveredCharacter } from '../render/pdf'
import type { User } from '../payload-types'
import { REVIEW_STATUS_LABELS } from '../workflow/review'
import { assembleIssue, IssueNotFoundError, type AssembleResult, type RefusedLink, type UnapprovedItem } from './assemble'
import { unpublishedChanges } from './compare'
import { linkKind } from './links'
import { issueModelHash } from './modelHash'
import type { ImageModel, IssueModel, SectionModel } from './model'
import { proofMark, type PdfKind } from './pdfKind'

/**
 * Preflight: what must be right before an issue goes to print. Errors block the export
 * (unless forced, and then it is recorded); warnings are for the production editor to judge.
 * The checks on the model are pure; preflightIssue() adds the stored content and a render.
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

/** Print wants 300 pixels per inch at the size the image is placed. */
export const MIN_PRINT_PPI = 300
/** A pull quote is a sentence, not a paragraph. */
export const MAX_PULL_QUOTE_CHARS = 200

const POINTS_PER_INCH = 72

/**
 * The widest an image can be placed, by where it sits (points). The templates never place
 * an image wider than this, so a resolution that passes here passes on the page.
 */
const PLACED_WIDTH = {
  figure: COLUMN.width,
  highlight: CONTENT_WIDTH,
  cover: COLUMN.width * 0.45,
} as const

export function ppiAt(image: ImageModel, placedWidthPt: number): number {
  // The print derivative is at most 2,480 px wide; a smaller original is used as it is.
  const pixels = Math.min(image.width, 2480)
  return Math.round(pixels / (placedWidthPt / POINTS_PER_INCH))
}

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
  pageCount?: number
  /** Characters no font covers, when a render already found them; otherwise scanned here. */
  uncovered?: UncoveredCharacter[]
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

  const checkImage = (image: ImageModel, placed: number, where: string) => {
    if (!image.alt.trim()) error('missing-alt-text', 'The image has no alt text.', where)
    const ppi = ppiAt(image, placed)
    if (ppi < MIN_PRINT_PPI) {
      warning('low-resolution-image', `The image prints at about ${ppi} ppi (${image.width} px wide); print wants ${MIN_PRINT_PPI}.`, where)
    }
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
              checkImage(block.image, block.placement === 'wide' ? CONTENT_WIDTH : PLACED_WIDTH.figure, `${at}, figure ${figure}`)
            } else if (block.type === 'pullQuote' && block.text.length > MAX_PULL_QUOTE_CHARS) {
              warning('long-pull-quote', `The pull quote has ${block.text.length} characters; keep it under ${MAX_PULL_QUOTE_CHARS}.`, at)
            }
          }
        }
        break
      case 'highlights':
        for (const highlight of section.highlights) {
          highlight.photos.forEach((photo, i) => checkImage(photo.image, PLACED_WIDTH.highlight, `highlight “${highlight.title}”, photo ${i + 1}`))
        }
        break
      case 'forthcoming':
      case 'recent':
        for (const publication of section.publications) {
          if (publication.cover) checkImage(publication.cover, PLACED_WIDTH.cover, `publication “${publication.title}”, cover`)
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
  for (const missing of input.uncovered ?? findUncoveredCharacters(model)) {
    error('uncovered-glyph', `No bulletin font can print “${missing.char}” (${missing.codePoint}).`, missing.where)
  }
  for (const over of findOverflowingWords(model)) {
    warning(
      'text-overflow',
      `“${over.word}” is ${over.width} pt wide and cannot be broken to fit its ${over.room} pt line: it runs past the margin. Shorten it, or add spaces or soft hyphens where it may break.`,
      over.where,
    )
  }
  if (input.pageCount !== undefined && input.pageCount % 4 !== 0) {
    const needed = Math.ceil(input.pageCount / 4) * 4
    const left = needed - input.pageCount
    warning(
      'page-count',
      `The issue has ${input.pageCount} pages; printed in signatures of 4 it needs ${needed}, so ${left} page${left === 1 ? ' is' : 's are'} left blank at the end. ` +
        'Fill them under Layout, “Fill the last pages with”: a notes page, a back cover (masthead, about and subscribe text) or a house advertisement; ' +
        'or let sections flow on (“Start … on a new page” off) to save pages.',
      'whole issue',
    )
  }
  return findings
}

export function reportOf(slug: string, findings: PreflightFinding[], pageCount?: number): PreflightReport {
  const errors = findings.filter((f) => f.severity === 'error')
  return { slug, ok: errors.length === 0, errors, warnings: findings.filter((f) => f.severity === 'warning'), pageCount }
}

/**
 * Preflight without the render: every check but the page count (a warning only), in a
 * fraction of the time. For the issue dashboard, which shows it on every visit; the Print
 * PDF tab and the export run preflightIssue().
 */
export async function preflightWithoutRender(payload: Payload, slug: string, options: { draft?: boolean } = {}): Promise<PreflightReport & { modelHash: string }> {
  const { model, brokenReferences, unapproved, refusedLinks } = await assembleIssue(payload, slug, { draft: options.draft ?? true })
  return { ...reportOf(slug, checkIssueModel(model, { brokenReferences, unapproved, refusedLinks })), modelHash: issueModelHash(model) }
}

export class IssueNotPublishedError extends ServiceError {
  constructor(readonly slug: string) {
    super('not-published', 409, `The issue "${slug}" is not published: its edition has no content yet. Export a proof, or publish the issue first.`)
    this.name = 'IssueNotPublishedError'
  }
}

export interface PreflightOptions {
  /** The proof (latest drafts, the default) or the edition (published content only). */
  kind?: PdfKind
  /** When the proof is made: printed in its proof mark (default now). */
  at?: Date
  /** Who asks (the admin): production editors, editors and admins. Absent for the command line. */
  user?: Pick<User, 'role'> | null
}

/**
 * The preflight of one kind of PDF, with a real render for the page count: the proof of the
 * latest drafts (marked as a proof on every page) or the edition of what is published. Both
 * warn of every item whose drafts differ from what is published. The edition of an issue
 * that was never published is refused (IssueNotPublishedError).
 */
export async function preflightIssue(
  payload: Payload,
  slug: string,
  options: PreflightOptions = {},
): Promise<PreflightReport & { kind: PdfKind; pdf: Uint8Array; modelHash: string }> {
  if (options.user !== undefined && !hasRole(options.user, 'admin', 'editor', 'productionEditor')) {
    throw new ServiceError('not-allowed', 403, 'Only production editors, editors and admins run preflight.')
  }
  const kind = options.kind ?? 'proof'
  const published = await assembleIssue(payload, slug, { draft: false }).catch((error: unknown) => {
    if (error instanceof IssueNotFoundError) return undefined
    throw error
  })
  if (kind === 'edition' && !published) {
    const exists = (await payload.count({ collection: 'issues', where: { slug: { equals: slug } }, overrideAccess: true })).totalDocs > 0
    throw exists ? new IssueNotPublishedError(slug) : new IssueNotFoundError(slug)
  }
  // The edition does not depend on the drafts: drafts that cannot be assembled (a required
  // field left empty in a draft) only cost the comparison, and preflight says so.
  let drafts: AssembleResult | undefined
  let draftsProblem: string | undefined
  try {
    drafts = await assembleIssue(payload, slug, { draft: true })
  } catch (error) {
    if (kind === 'proof' || error instanceof IssueNotFoundError) throw error
    draftsProblem = error instanceof Error ? error.message : String(error)
  }
  const chosen = kind === 'edition' ? published : drafts
  if (!chosen) throw new IssueNotFoundError(slug)
  const { model, brokenReferences, unapproved, refusedLinks } = chosen
  const rendered = await renderIssuePdf(model, kind === 'proof' ? { proofMark: proofMark(options.at ?? new Date()) } : {})
  const findings = checkIssueModel(model, {
    brokenReferences,
    unapproved,
    refusedLinks,
    unpublishedChanges: published && drafts ? unpublishedChanges(drafts.model, published.model) : undefined,
    pageCount: rendered.pageCount,
    uncovered: rendered.uncoveredCharacters,
  })
  if (draftsProblem) {
    findings.push({
      severity: 'warning',
      code: 'unpublished-changes',
      message: `The latest drafts cannot be assembled, so this edition cannot be compared with them: ${draftsProblem}`,
      where: 'edition and proof',
    })
  }
  return { ...reportOf(slug, findings, rendered.pageCount), kind, pdf: rendered.pdf, modelHash: issueModelHash(model) }
}
