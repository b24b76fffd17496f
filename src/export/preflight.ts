import path from 'node:path'
import type { Payload } from 'payload'

import { hasRole } from '../access/roles'
import { env } from '../env'
import { ServiceError } from '../errors'
import { assembleIssue, IssueNotFoundError, type AssembleResult } from '../issue/assemble'
import { checkIssueModel, reportOf, type ModelCheckInput, type PreflightReport } from '../issue/checks'
import { unpublishedChanges } from '../issue/compare'
import type { IssueModel } from '../issue/model'
import { issueModelHash } from '../issue/modelHash'
import { proofMark, type PdfKind } from '../issue/pdfKind'
import type { User } from '../payload-types'
import type { RenderIssuePdfOptions, RenderIssuePdfResult } from '../render/pdf'

/**
 * Preflight of the print PDF, for the Print PDF tab, `bulletin preflight` and the export:
 * the issue as one kind of PDF would print it (issueToPrint), set once, and checked as it
 * was laid out (preflightOf). The export stores the very document preflight checked.
 */

/**
 * The PDF renderer and the print checks, loaded when first needed: the config attaches the
 * export endpoints, and every process that loads it (the worker, each CLI command) would
 * otherwise load react-pdf and the fonts' code without setting a page. The text it shapes is
 * kept in DATA_DIR/cache/shaping for the next process (src/render/pdf/shapingStore.ts).
 */
export async function printer() {
  const [{ renderIssuePdf }, { checkPrint, checkRenderedIssue }, { keepShapedTextIn }] = await Promise.all([
    import('../render/pdf'),
    import('../render/pdf/preflight'),
    import('../render/pdf/shapingStore'),
  ])
  keepShapedTextIn(path.resolve(env().DATA_DIR, 'cache', 'shaping'))
  return { renderIssuePdf, checkPrint, checkRenderedIssue }
}

export class IssueNotPublishedError extends ServiceError {
  constructor(readonly slug: string) {
    super('not-published', 409, `The issue "${slug}" is not published: its edition has no content yet. Export a proof, or publish the issue first.`)
    this.name = 'IssueNotPublishedError'
  }
}

/**
 * Preflight without the render: every check but the page count (a warning only), in a
 * fraction of the time. For the issue dashboard, which shows it on every visit; the Print
 * PDF tab and the export run preflightIssue().
 */
export async function preflightWithoutRender(payload: Payload, slug: string, options: { draft?: boolean } = {}): Promise<PreflightReport & { modelHash: string }> {
  const { model, brokenReferences, unapproved, refusedLinks } = await assembleIssue(payload, slug, { draft: options.draft ?? true })
  const { checkPrint } = await printer()
  const findings = [...checkIssueModel(model, { brokenReferences, unapproved, refusedLinks }), ...checkPrint(model)]
  return { ...reportOf(slug, findings), modelHash: issueModelHash(model) }
}

/** The content one kind of PDF is made from, and what its checks need to know besides the model. */
export interface IssueToPrint {
  kind: PdfKind
  model: IssueModel
  checks: ModelCheckInput
  /** Why the latest drafts could not be compared with the edition, when they could not. */
  draftsProblem?: string
}

/**
 * The proof of the latest drafts or the edition of what is published. Both are compared with
 * the other side, so preflight warns of every item whose drafts differ from what is
 * published. The edition of an issue that was never published is refused
 * (IssueNotPublishedError).
 */
export async function issueToPrint(payload: Payload, slug: string, kind: PdfKind): Promise<IssueToPrint> {
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
  return {
    kind,
    model,
    checks: {
      brokenReferences,
      unapproved,
      refusedLinks,
      unpublishedChanges: published && drafts ? unpublishedChanges(drafts.model, published.model) : undefined,
    },
    draftsProblem,
  }
}

/** How a kind of PDF is set: a proof carries its mark, dated `at`, on every page. */
export function renderOptionsOf(kind: PdfKind, at: Date): RenderIssuePdfOptions {
  return kind === 'proof' ? { proofMark: proofMark(at) } : {}
}

/** The preflight report of the laid-out document `rendered` of `issue`: no render of its own. */
export async function preflightOf(
  slug: string,
  issue: IssueToPrint,
  rendered: Pick<RenderIssuePdfResult, 'pageCount' | 'uncoveredCharacters' | 'hyphenLadders'>,
): Promise<PreflightReport & { kind: PdfKind }> {
  const { checkRenderedIssue } = await printer()
  const findings = checkRenderedIssue(issue.model, rendered, issue.checks)
  if (issue.draftsProblem) {
    findings.push({
      severity: 'warning',
      code: 'unpublished-changes',
      message: `The latest drafts cannot be assembled, so this edition cannot be compared with them: ${issue.draftsProblem}`,
      where: 'edition and proof',
    })
  }
  return { ...reportOf(slug, findings, rendered.pageCount), kind: issue.kind }
}

export interface PreflightOptions {
  /** The proof (latest drafts, the default) or the edition (published content only). */
  kind?: PdfKind
  /** When the proof is made: printed in its proof mark (default now). */
  at?: Date
  /** Who asks (the admin): production editors, editors and admins. Absent for the command line. */
  user?: Pick<User, 'role'> | null
}

/** The preflight of one kind of PDF, with its one render (for the page count and the glyphs the fonts lack). */
export async function preflightIssue(
  payload: Payload,
  slug: string,
  options: PreflightOptions = {},
): Promise<PreflightReport & { kind: PdfKind; pdf: Uint8Array; modelHash: string }> {
  if (options.user !== undefined && !hasRole(options.user, 'admin', 'editor', 'productionEditor')) {
    throw new ServiceError('not-allowed', 403, 'Only production editors, editors and admins run preflight.')
  }
  const issue = await issueToPrint(payload, slug, options.kind ?? 'proof')
  const { renderIssuePdf } = await printer()
  const rendered = await renderIssuePdf(issue.model, renderOptionsOf(issue.kind, options.at ?? new Date()))
  return { ...(await preflightOf(slug, issue, rendered)), pdf: rendered.pdf, modelHash: issueModelHash(issue.model) }
}
