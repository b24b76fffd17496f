/**
 * Import a chronology into an issue: the one function the command line, the admin view
 * and jobs call. It reads the document (pasted text or an uploaded file), parses it against
 * the period of the issue's chronology, matches it with the entries already stored (see
 * ./importPlan for the rules) and, unless it is a dry run or errors remain, writes it.
 *
 * - Errors (a day that cannot be dated, an end before the start, a start outside the period,
 *   a day without text) block the commit until their lines are excluded (excludeLines).
 *   Problems with the whole document (line 0) cannot be excluded.
 * - The commit is all or nothing. It runs in a database transaction where the adapter has
 *   them (MongoDB replica sets; SQLite with transactionOptions); where it has none (the
 *   embedded SQLite default, a standalone MongoDB) a failure part-way undoes the writes
 *   already made, newest first, before the error is passed on.
 * - With `user`, everything is read and written with that user's rights
 *   (overrideAccess: false); editorial assistants, editors and admins may import. Without
 *   it (the command line, jobs) the caller's own rights apply: all of them.
 * - Entries are public only once a publication of their chronology includes them
 *   (collections/hooks/withholdChangedEntry): imported ones wait for the next one. If the
 *   chronology was approved, an import that adds or changes entries sends it back to review
 *   ("In review", in the audit log as the importing member's, with the count as the reason).
 */
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

import type { EntryContext } from '../../collections/hooks/withholdChangedEntry'
import { codeOfStatus, ServiceError } from '../errors'
import type { Chronology, ChronologyEntry, Issue, User } from '../payload-types'
import { fromStoredDate, toStoredDate } from '../fields/dayDate'
import { sendBackToReview } from '../workflow/reopen'
import { idOf, type Id } from '../ids'
import { reviewStatusOf, type ReviewStatus } from '../workflow/review'
import { chronologyTextFromFile } from './fromFile'
import { planImport, type EntryChange, type EntryId, type EntryStatus, type StoredEntry } from './importPlan'
import { CHRONOLOGY_IMPORT_LIMITS, listed, megabytes, noEntries, sizeProblem, sourceName, tooManyEntries } from './limits'
import {
  entryText,
  parseChronology,
  type ChronologyPeriod,
  type ChronologySource,
  type CountryCode,
  type Diagnostic,
  type LineLabel,
} from './parse'

export type ChronologyImportSource = { bytes: Uint8Array; filename: string } | { text: string }

export interface ImportChronologyOptions {
  issueSlug: string
  source: ChronologyImportSource
  /** Parse and match, report what would change, write nothing. */
  dryRun?: boolean
  /** Whose rights apply: a committee member, null for the public, absent for the operator (CLI, jobs). */
  user?: User | null
  /** Lines to leave out: their entries are not imported and their errors no longer block. */
  excludeLines?: number[]
}

export interface ImportedEntry {
  line: number
  /** The day cell as written in the document. */
  dayCell: string
  /** YYYY-MM-DD */
  startDate: string
  /** YYYY-MM-DD */
  endDate: string
  /** Paragraphs separated by a blank line. */
  text: string
  countries: CountryCode[]
  status: EntryStatus
  /** For "updated": what changed. */
  changes: EntryChange[]
  /** For "updated": the entry as it was stored. */
  previous?: { startDate: string; endDate: string; text: string }
  /** The stored entry: matched ones always, new ones once committed. */
  id?: EntryId
}

export interface ChronologyImportReport {
  issue: { id: EntryId; slug: string; title: string }
  /** reviewStatus: as the chronology was before the import. */
  chronology: { id: EntryId; title: string; period: ChronologyPeriod; reviewStatus: ReviewStatus }
  /** What diagnostics count: lines, or paragraphs of a Word file. */
  lineLabel: LineLabel
  /** In document order, without excluded lines. */
  entries: ImportedEntry[]
  warnings: Diagnostic[]
  /** Errors that block the commit. */
  errors: Diagnostic[]
  /** Lines left out at the caller's request, and the errors they had. */
  excluded: { lines: number[]; errors: Diagnostic[] }
  added: number
  updated: number
  unchanged: number
  /** Stored entries that only move within their day. */
  reordered: number
  /** Stored entries in the document's months that it does not have: kept as they are, for the editor to check. */
  notInDocument: Array<{ id: EntryId; startDate: string; endDate: string; text: string }>
  dryRun: boolean
  committed: boolean
  /** The chronology was approved and the import added or changed entries: it is back in review. */
  sentBackToReview: boolean
  /**
   * How many warnings, errors and unmatched stored entries the lists above leave out: each
   * list shows at most CHRONOLOGY_IMPORT_LIMITS.listed, so a report stays small.
   */
  omitted: { warnings: number; errors: number; excludedErrors: number; notInDocument: number }
}

/** A request that cannot be carried out; `status` is the HTTP status the admin endpoint answers with. */
export class ChronologyImportError extends ServiceError {
  constructor(message: string, status: number) {
    super(codeOfStatus(status), status, message)
    this.name = 'ChronologyImportError'
  }
}

/** IDs are numbers on SQLite and strings on MongoDB; the generated types know only numbers. */
const asId = (id: Id): number => id as number

/**
 * The document's size against the limits, before it is read: a ChronologyImportError (413)
 * that says which limit, the actual size and the file.
 */
export function assertImportSize(source: ChronologyImportSource): void {
  const filename = 'text' in source ? undefined : source.filename
  const bytes = 'text' in source ? Buffer.byteLength(source.text, 'utf8') : source.bytes.byteLength
  const problem = sizeProblem(bytes, filename)
  if (problem) throw new ChronologyImportError(problem, 413)
}

async function readSource(source: ChronologyImportSource): Promise<string | ChronologySource> {
  if ('text' in source) return source.text
  const read = await chronologyTextFromFile(source.bytes, source.filename)
  // A Word file is zipped: its text may be many times its size.
  const textBytes = read.lines.reduce((sum, line) => sum + Buffer.byteLength(line.text, 'utf8'), 0)
  if (textBytes > CHRONOLOGY_IMPORT_LIMITS.textBytes) {
    throw new ChronologyImportError(
      `${sourceName(source.filename)} holds ${megabytes(textBytes)} of text; the chronology import takes at most ${megabytes(CHRONOLOGY_IMPORT_LIMITS.textBytes)} of text at a time (a quarter is about 0.1 MB). Split it, e.g. by month, and import the parts one after the other.`,
      413,
    )
  }
  return read
}

export interface IssueChronology {
  issue: Issue
  chronology: Chronology
  period: ChronologyPeriod
}

async function findTarget(payload: Payload, req: PayloadRequest, issueSlug: string, overrideAccess: boolean): Promise<IssueChronology> {
  const common = { req, overrideAccess, depth: 0, draft: true } as const
  const issue = (await payload.find({ ...common, collection: 'issues', where: { slug: { equals: issueSlug } }, limit: 1 })).docs[0]
  if (!issue) throw new ChronologyImportError(`There is no issue "${issueSlug}".`, 404)
  const section = issue.sections?.find((s) => s.blockType === 'chronologySection')
  let chronologyId = section?.blockType === 'chronologySection' ? idOf(section.chronology) : undefined
  if (chronologyId === undefined) {
    const found = await payload.find({ ...common, collection: 'chronologies', where: { issue: { equals: issue.id } }, limit: 1 })
    chronologyId = found.docs[0]?.id
  }
  if (chronologyId === undefined) {
    throw new ChronologyImportError(
      `The issue "${issueSlug}" has no chronology yet: create one for it (Chronologies) or add a Chronology section, then import.`,
      409,
    )
  }
  const chronology = await payload.findByID({ ...common, collection: 'chronologies', id: asId(chronologyId), disableErrors: true })
  if (!chronology) throw new ChronologyImportError(`The chronology of the issue "${issueSlug}" cannot be read.`, 404)
  const start = fromStoredDate(chronology.periodStart)
  const end = fromStoredDate(chronology.periodEnd)
  if (!start || !end) {
    throw new ChronologyImportError(`The chronology "${chronology.title}" has no period; set "Period from" and "Period to" first.`, 409)
  }
  return { issue, chronology, period: { start, end } }
}

/**
 * The chronology an import into this issue would go to: the issue's chronology section, else
 * the chronology that names the issue. Throws ChronologyImportError when there is none.
 */
export async function findIssueChronology(payload: Payload, issueSlug: string, user?: User | null): Promise<IssueChronology> {
  const req = await createLocalReq(user ? { user: { ...user, collection: 'users' } } : {}, payload)
  return findTarget(payload, req, issueSlug, user === undefined)
}

async function assertMayImport(payload: Payload, req: PayloadRequest): Promise<void> {
  const { access } = payload.collections['chronology-entries'].config
  const [create, update] = await Promise.all([access.create({ req }), access.update({ req })])
  if (!create || !update) {
    throw new ChronologyImportError(
      req.user
        ? 'Only editorial assistants, editors and admins can import a chronology.'
        : 'Log in as a member of the editorial committee to import a chronology.',
      req.user ? 403 : 401,
    )
  }
}

function toStored(doc: ChronologyEntry): StoredEntry {
  return {
    id: doc.id,
    startDate: fromStoredDate(doc.startDate) ?? '',
    endDate: fromStoredDate(doc.endDate) ?? fromStoredDate(doc.startDate) ?? '',
    text: entryText((doc.paragraphs ?? []).map((p) => p.text)),
    countries: (doc.countries ?? []) as CountryCode[],
    orderInDay: doc.orderInDay ?? 0,
  }
}

async function storedEntries(payload: Payload, req: PayloadRequest, chronologyId: Id, overrideAccess: boolean): Promise<ChronologyEntry[]> {
  const { docs } = await payload.find({
    collection: 'chronology-entries',
    where: { chronology: { equals: chronologyId } },
    sort: ['startDate', 'orderInDay'],
    pagination: false,
    depth: 0,
    req,
    overrideAccess,
  })
  return docs
}

type EntryData = Omit<ChronologyEntry, 'id' | 'createdAt' | 'updatedAt' | 'chronology'>

function entryData(entry: { startDate: string; endDate: string; paragraphs: readonly string[]; countries: readonly CountryCode[]; orderInDay: number }): EntryData {
  return {
    startDate: toStoredDate(entry.startDate),
    endDate: toStoredDate(entry.endDate),
    paragraphs: entry.paragraphs.map((text) => ({ text })),
    countries: [...entry.countries],
    orderInDay: entry.orderInDay,
  }
}

/** What was written without a transaction, to be undone if a later write fails. */
type UndoStep = { kind: 'created'; id: Id } | { kind: 'updated'; id: Id; before: EntryData }

async function undo(payload: Payload, steps: UndoStep[]): Promise<void> {
  // Restored as it was, whether it was published with the chronology included.
  const context: EntryContext = { restoringEntry: true }
  for (const step of [...steps].reverse()) {
    try {
      if (step.kind === 'created') await payload.delete({ collection: 'chronology-entries', id: asId(step.id), overrideAccess: true })
      else await payload.update({ collection: 'chronology-entries', id: asId(step.id), data: step.before, overrideAccess: true, depth: 0, context: { ...context } })
    } catch (error) {
      payload.logger.error({ err: error, msg: `Chronology import: could not undo a write to entry ${String(step.id)}` })
    }
  }
}

/** "3 entries imported: 2 new, 1 changed": why an approved chronology went back to review. */
function importReason(entries: ReadonlyArray<{ status: EntryStatus }>): string {
  const added = entries.filter((e) => e.status === 'new').length
  const updated = entries.filter((e) => e.status === 'updated').length
  const parts = [added ? `${added} new` : '', updated ? `${updated} changed` : ''].filter(Boolean)
  const n = added + updated
  return `${n} ${n === 1 ? 'entry' : 'entries'} imported: ${parts.join(', ')}`
}

export async function importChronology(payload: Payload, options: ImportChronologyOptions): Promise<ChronologyImportReport> {
  const dryRun = options.dryRun ?? false
  const asOperator = options.user === undefined
  const overrideAccess = asOperator
  const req = await createLocalReq(options.user ? { user: { ...options.user, collection: 'users' } } : {}, payload)
  if (!asOperator) await assertMayImport(payload, req)

  assertImportSize(options.source)
  const target = await findTarget(payload, req, options.issueSlug, overrideAccess)
  const filename = 'text' in options.source ? undefined : options.source.filename
  const input = await readSource(options.source)
  const parsed = parseChronology(input, { period: target.period, maxEntries: CHRONOLOGY_IMPORT_LIMITS.entries })
  const lineLabel: LineLabel = typeof input === 'string' ? 'line' : input.lineLabel
  if (parsed.tooManyEntries) throw new ChronologyImportError(tooManyEntries(parsed.tooManyEntries.line, filename, lineLabel), 413)
  // Errors (an unreadable file, lines that look like entries) are reported; nothing at all is not.
  if (parsed.entries.length === 0 && parsed.errors.length === 0) throw new ChronologyImportError(noEntries(filename), 422)

  const excludedLines = [...new Set(options.excludeLines ?? [])].filter((line) => line > 0).sort((a, b) => a - b)
  const excluded = new Set(excludedLines)
  const errors = parsed.errors.filter((e) => !excluded.has(e.line))
  const excludedErrors = parsed.errors.filter((e) => excluded.has(e.line))
  const incoming = parsed.entries.filter((e) => !excluded.has(e.line))
  const commit = !dryRun && errors.length === 0

  const report = (plan: ReturnType<typeof planImport>, ids: Map<number, Id>, committed: boolean, sentBackToReview = false): ChronologyImportReport => {
    const count = (status: EntryStatus): number => plan.entries.filter((e) => e.status === status).length
    const warnings = listed([...parsed.warnings, ...plan.warnings].sort((a, b) => a.line - b.line))
    const shownErrors = listed(errors)
    const shownExcluded = listed(excludedErrors)
    const notInDocument = listed(plan.notInDocument)
    return {
      issue: { id: target.issue.id, slug: target.issue.slug, title: target.issue.title },
      chronology: { id: target.chronology.id, title: target.chronology.title, period: target.period, reviewStatus: reviewStatusOf(target.chronology) },
      lineLabel,
      entries: plan.entries.map((e) => ({
        line: e.line,
        dayCell: e.dayCell,
        startDate: e.startDate,
        endDate: e.endDate,
        text: e.text,
        countries: e.countries,
        status: e.status,
        changes: e.changes,
        ...(e.previous ? { previous: e.previous } : {}),
        ...(e.id !== undefined || ids.has(e.line) ? { id: e.id ?? ids.get(e.line) } : {}),
      })),
      warnings: warnings.shown,
      errors: shownErrors.shown,
      excluded: { lines: excludedLines, errors: shownExcluded.shown },
      added: count('new'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      reordered: plan.reorder.length,
      notInDocument: notInDocument.shown.map(({ id, startDate, endDate, text }) => ({ id, startDate, endDate, text })),
      dryRun,
      committed,
      sentBackToReview,
      omitted: {
        warnings: warnings.omitted,
        errors: shownErrors.omitted,
        excludedErrors: shownExcluded.omitted,
        notInDocument: notInDocument.omitted,
      },
    }
  }

  if (!commit) {
    const stored = await storedEntries(payload, req, target.chronology.id, overrideAccess)
    return report(planImport(stored.map(toStored), incoming), new Map(), false)
  }

  // The commit: read and write in one transaction where the database has them.
  const transaction = await initTransaction(req)
  if (!transaction) delete req.transactionID
  const steps: UndoStep[] = []
  // The chronology goes back to review once, below, not once per entry (reopenChronologyReview).
  const context: EntryContext = { importingChronology: true }
  const write = { collection: 'chronology-entries', req, overrideAccess, depth: 0, context: { ...context } } as const
  try {
    const storedDocs = await storedEntries(payload, req, target.chronology.id, overrideAccess)
    const byId = new Map<Id, ChronologyEntry>(storedDocs.map((doc) => [doc.id, doc]))
    const before = (id: Id): EntryData => {
      const doc = byId.get(id)
      if (!doc) throw new Error(`chronology entry ${String(id)} vanished during the import`)
      const { id: _id, createdAt: _c, updatedAt: _u, chronology: _chronology, ...data } = doc
      return data
    }
    const plan = planImport(storedDocs.map(toStored), incoming)
    const ids = new Map<number, Id>()
    for (const entry of plan.entries) {
      if (entry.status === 'new') {
        const doc = await payload.create({ ...write, data: { chronology: asId(target.chronology.id), ...entryData(entry) } })
        steps.push({ kind: 'created', id: doc.id })
        ids.set(entry.line, doc.id)
      } else if (entry.status === 'updated' && entry.id !== undefined) {
        const previous = before(entry.id)
        await payload.update({ ...write, id: asId(entry.id), data: entryData(entry) })
        steps.push({ kind: 'updated', id: entry.id, before: previous })
      }
    }
    for (const { id, orderInDay } of plan.reorder) {
      const previous = before(id)
      await payload.update({ ...write, id: asId(id), data: { orderInDay } })
      steps.push({ kind: 'updated', id, before: previous })
    }
    const changed = plan.entries.filter((e) => e.status === 'new' || e.status === 'updated').length
    const sentBack =
      changed > 0 &&
      (await sendBackToReview(req, { collection: 'chronologies', id: target.chronology.id, reason: importReason(plan.entries) }))
    if (transaction) await commitTransaction(req)
    return report(plan, ids, true, sentBack)
  } catch (error) {
    if (transaction) await killTransaction(req)
    else await undo(payload, steps)
    throw error
  }
}
