import type { PdfKind } from '../issue/pdfKind'
import type { PreflightFinding } from '../issue/checks'
import type { ReviewStatus, WorkflowCollection } from '../workflow/fields'
import type { Id } from '../ids'

/**
 * What an issue still needs before it can go out, computed from the issue's status alone:
 * pure, so each condition can be tested on its own. issueStatus() gathers the data.
 */

export type SectionKind = 'essays' | 'highlights' | 'forthcoming' | 'recent' | 'chronology'

/**
 * published: the latest version is published. changed: published once, with newer changes
 * saved as a draft. draft: never published.
 */
export type PublishState = 'published' | 'changed' | 'draft'

export interface ItemStatus {
  collection: WorkflowCollection
  id: Id
  title: string
  /** The item's edit page in the admin. */
  href: string
  state: PublishState
  reviewStatus?: ReviewStatus
  assignee?: { id: Id; name?: string }
  layoutReady?: boolean
  notes: number
  unresolvedNotes: number
  updatedAt: string
}

export interface SectionStatus {
  /** The section block's id in the issue. */
  id: string
  kind: SectionKind
  title: string
  items: ItemStatus[]
  /** References to items that no longer exist, or that the reader may not see. */
  missingItems: number
  /** The chronology section only: how many entries its chronology has. */
  entryCount?: number
}

export interface ExportSummary {
  /** A proof (latest drafts) or the edition (published content); exports before the field are proofs. */
  kind?: PdfKind
  exportedAt: string
  /** The content it was made from (issueModelHash); absent on exports older than the field. */
  modelHash?: string
  filename?: string
  url?: string
  pageCount: number
  forced: boolean
}

export interface StatusCounts {
  items: number
  published: number
  approved: number
  inReview: number
  changesRequested: number
  layoutReady: number
  unresolvedNotes: number
}

export interface IssueStatusData {
  issue: { id: Id; slug: string; title: string; state: PublishState; updatedAt: string; href: string }
  sections: SectionStatus[]
  /**
   * Preflight's checks of the issue as it would print now (latest drafts), without the
   * render: the page count, a warning only, is checked in the Print PDF tab.
   */
  preflight: { ok: boolean; errors: PreflightFinding[]; warnings: PreflightFinding[] }
  /** The newest change to the issue, its items or its chronology entries. */
  lastChangeAt: string
  /**
   * Which PDF matters now: the edition once the issue is published (what readers download),
   * the proof before. `lastExport` is the newest of that kind and `modelHash` the issueModelHash
   * of its content now (published content, or latest drafts). Absent: the proof.
   */
  pdfKind?: PdfKind
  modelHash?: string
  lastExport?: ExportSummary
  /** A published issue's newest proof, with the hash of the latest drafts, to say when it is stale. */
  lastProof?: ExportSummary
  draftModelHash?: string
}

/**
 * The content the PDF was made from against the content now, when both are known: that sees
 * every change that reaches the page (authors, images, settings) and none that does not
 * (review notes, assignments). Exports older than the hash fall back to dates.
 */
function pdfOutdated(lastExport: ExportSummary, modelHash: string | undefined, lastChangeAt: string): boolean {
  if (lastExport.modelHash && modelHash) return lastExport.modelHash !== modelHash
  return later(lastChangeAt, lastExport.exportedAt)
}

export type MissingCode =
  | 'no-essay-approved'
  | 'chronology-empty'
  | 'in-review'
  | 'changes-requested'
  | 'preflight-errors'
  | 'items-not-published'
  | 'items-changed'
  | 'not-published'
  | 'unpublished-changes'
  | 'no-pdf'
  | 'pdf-outdated'
  | 'proof-outdated'

export interface Missing {
  code: MissingCode
  message: string
  details?: string[]
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** Each item once, even when two sections list it. */
export function itemsOf(sections: SectionStatus[]): ItemStatus[] {
  const seen = new Map<string, ItemStatus>()
  for (const section of sections) {
    for (const item of section.items) seen.set(`${item.collection}:${item.id}`, item)
  }
  return [...seen.values()]
}

export function countsOf(sections: SectionStatus[]): StatusCounts {
  const items = itemsOf(sections)
  return {
    items: items.length,
    published: items.filter((i) => i.state !== 'draft').length,
    approved: items.filter((i) => i.reviewStatus === 'approved').length,
    inReview: items.filter((i) => i.reviewStatus === 'inReview').length,
    changesRequested: items.filter((i) => i.reviewStatus === 'changesRequested').length,
    layoutReady: items.filter((i) => i.layoutReady === true).length,
    unresolvedNotes: items.reduce((sum, i) => sum + i.unresolvedNotes, 0),
  }
}

const later = (a: string, b: string) => Date.parse(a) > Date.parse(b)

export function missingOf(data: IssueStatusData): Missing[] {
  const missing: Missing[] = []
  const items = itemsOf(data.sections)
  const titles = (list: ItemStatus[]) => list.map((i) => i.title)

  const essays = data.sections.filter((s) => s.kind === 'essays').flatMap((s) => s.items)
  if (!essays.some((e) => e.reviewStatus === 'approved')) {
    missing.push({
      code: 'no-essay-approved',
      message: essays.length === 0 ? 'No essay approved: the issue has no essays yet.' : 'No essay approved yet.',
    })
  }

  const chronologies = data.sections.filter((s) => s.kind === 'chronology')
  if (chronologies.length === 0) {
    missing.push({ code: 'chronology-empty', message: 'Chronology empty: the issue has no chronology section.' })
  } else if (chronologies.every((s) => s.items.length === 0)) {
    missing.push({ code: 'chronology-empty', message: 'Chronology empty: the chronology section points at no chronology.' })
  } else if (chronologies.every((s) => (s.entryCount ?? 0) === 0)) {
    missing.push({ code: 'chronology-empty', message: 'Chronology empty: it has no entries yet (import them in the Import chronology tab).' })
  }

  const inReview = items.filter((i) => i.reviewStatus === 'inReview')
  if (inReview.length > 0) {
    missing.push({ code: 'in-review', message: `${plural(inReview.length, 'item', 'items')} still in review.`, details: titles(inReview) })
  }
  const changes = items.filter((i) => i.reviewStatus === 'changesRequested')
  if (changes.length > 0) {
    missing.push({
      code: 'changes-requested',
      message: `${plural(changes.length, 'item', 'items')} with changes requested.`,
      details: titles(changes),
    })
  }

  const errors = data.preflight.errors
  if (errors.length > 0) {
    missing.push({
      code: 'preflight-errors',
      message: `Preflight errors: ${errors.length}.`,
      details: errors.map((e) => `${e.where}: ${e.message}`),
    })
  }

  const unpublished = items.filter((i) => i.state === 'draft')
  if (unpublished.length > 0) {
    missing.push({
      code: 'items-not-published',
      message: `${plural(unpublished.length, 'item is', 'items are')} not published: the web edition and the email leave ${unpublished.length === 1 ? 'it' : 'them'} out.`,
      details: titles(unpublished),
    })
  }

  const changed = items.filter((i) => i.state === 'changed')
  if (changed.length > 0) {
    missing.push({
      code: 'items-changed',
      message: `${plural(changed.length, 'item has', 'items have')} changes not published yet.`,
      details: titles(changed),
    })
  }

  if (data.issue.state === 'draft') missing.push({ code: 'not-published', message: 'The issue is not published.' })
  else if (data.issue.state === 'changed') {
    missing.push({ code: 'unpublished-changes', message: 'The issue has changes that are not published yet.' })
  }

  if (data.pdfKind === 'edition') {
    if (!data.lastExport) missing.push({ code: 'no-pdf', message: 'No PDF edition exported yet: readers have no PDF to download.' })
    else if (pdfOutdated(data.lastExport, data.modelHash, data.lastChangeAt)) {
      missing.push({ code: 'pdf-outdated', message: 'The PDF edition was made before the latest published changes: export the edition again.' })
    }
    if (data.lastProof && data.lastProof.modelHash && data.draftModelHash && data.lastProof.modelHash !== data.draftModelHash) {
      missing.push({ code: 'proof-outdated', message: 'The last proof was made before the latest drafts: export a new proof to check them.' })
    }
  } else if (!data.lastExport) missing.push({ code: 'no-pdf', message: 'No PDF exported yet.' })
  else if (pdfOutdated(data.lastExport, data.modelHash, data.lastChangeAt)) {
    missing.push({ code: 'pdf-outdated', message: 'The last PDF was made before the latest changes to what prints: export it again.' })
  }

  return missing
}
