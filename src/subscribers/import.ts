/**
 * Import: a CSV list of addresses, checked whole before anything is written, then written
 * all or nothing. Status changes reach the history through the recordStatusChange hook,
 * with the reason passed in the operation's context.
 */
import path from 'node:path'
import type { Payload, PayloadRequest } from 'payload'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import type { StatusChangeContext } from '../../collections/hooks/recordStatusChange'
import { recordAudit } from '../audit/record'
import { ServiceError } from '../errors'
import type { Subscriber, User } from '../payload-types'
import { emailSchema, nameSchema } from './address'
import { parseCsv, restoreCell } from './csv'
import { assertMayManage } from './mayManage'
import { IMPORT_STATUSES, type ImportStatus } from './statuses'

export { IMPORT_STATUSES, type ImportStatus }

export interface ImportOptions {
  /** Status for new addresses: "confirmed" when the list's consent is already on record. */
  status?: ImportStatus
  /** File name (or label) recorded as the consent source. */
  fileName: string
  /** Who imports: "editor@example.org" or "the command line". */
  by: string
  /** The member importing, for the audit log; absent for the command line. */
  user?: User | null
  now?: () => number
}

export interface ImportLineError {
  line: number
  message: string
}

export interface ImportSummary {
  ok: true
  status: ImportStatus
  /** Data rows in the file. */
  rows: number
  /** Distinct addresses after merging duplicates. */
  addresses: number
  created: number
  updated: number
  unchanged: number
  /** Unsubscribed, bounced or complained addresses: left as they are, never re-subscribed. */
  keptOptedOut: number
  duplicatesMerged: Array<{ email: string; lines: number[] }>
  ignoredColumns: string[]
}

export type ImportResult = ImportSummary | { ok: false; rows: number; errors: ImportLineError[] }

export class ImportWriteError extends ServiceError {
  constructor(cause: unknown) {
    super('import-failed', 500, `The import failed while saving and was undone; nothing was changed. (${cause instanceof Error ? cause.message : String(cause)})`)
    this.name = 'ImportWriteError'
  }
}

/** Rows beyond this are refused: send a bigger list in parts. */
export const MAX_IMPORT_ROWS = 50_000
const MAX_REPORTED_ERRORS = 200

const rowSchema = z.object({ email: emailSchema, name: nameSchema })

interface PlannedRow {
  email: string
  name: string
  lines: number[]
}

type Operation =
  | { kind: 'create'; row: PlannedRow }
  | { kind: 'update'; row: PlannedRow; before: Subscriber; data: Partial<Subscriber>; reason?: string }

/**
 * Imports a CSV list (columns email, name; a header line first) all or nothing: every line
 * is checked first and any error, reported with its line number, stops the import before
 * anything is written. Addresses that appear twice are merged. Opted-out readers are never
 * re-subscribed by an import. Writes run in a database transaction where the database has
 * one, and are undone by hand where it does not (SQLite, standalone MongoDB).
 */
export async function importSubscribers(payload: Payload, csv: string, options: ImportOptions): Promise<ImportResult> {
  assertMayManage(options.user)
  const status = options.status ?? 'pending'
  const { records, errors: csvErrors } = parseCsv(csv)
  const errors: ImportLineError[] = [...csvErrors]
  const [header, ...rows] = records
  if (!header) return { ok: false, rows: 0, errors: [{ line: 1, message: 'the file is empty; expected a header line "email,name"' }] }
  const columns = header.fields.map((f) => f.trim().toLowerCase())
  const emailColumn = columns.findIndex((c) => c === 'email' || c === 'e-mail' || c === 'email address')
  const nameColumn = columns.findIndex((c) => c === 'name' || c === 'full name')
  if (emailColumn < 0) {
    const looksLikeData = header.fields.some((f) => f.includes('@'))
    errors.push({
      line: header.line,
      message: looksLikeData
        ? 'the first line must name the columns ("email,name"); it holds an address instead'
        : `no "email" column; the header names ${columns.map((c) => `"${c}"`).join(', ') || 'nothing'}`,
    })
    return { ok: false, rows: rows.length, errors: sortErrors(errors) }
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    return { ok: false, rows: rows.length, errors: [{ line: rows[MAX_IMPORT_ROWS].line, message: `more than ${MAX_IMPORT_ROWS} rows; split the file` }] }
  }
  const ignoredColumns = columns.filter((c, i) => i !== emailColumn && i !== nameColumn && c !== '')

  const planned = new Map<string, PlannedRow>()
  for (const record of rows) {
    if (record.fields.length > columns.length) {
      errors.push({ line: record.line, message: `${record.fields.length} fields, but the header names ${columns.length} columns (a comma in a name needs quotes)` })
      continue
    }
    // Cells our export defused for spreadsheets ("'+news@example.org") are read as they were.
    const raw = {
      email: restoreCell(record.fields[emailColumn] ?? ''),
      name: nameColumn >= 0 ? restoreCell(record.fields[nameColumn] ?? '') : '',
    }
    const parsed = rowSchema.safeParse(raw)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const shown = issue.path[0] === 'email' && raw.email.trim() ? ` ("${raw.email.trim()}")` : ''
        const message = issue.path[0] === 'email' && !raw.email.trim() ? 'the email is empty' : `${issue.message.replace(/\.$/, '')}${shown}`
        errors.push({ line: record.line, message })
      }
      continue
    }
    const previous = planned.get(parsed.data.email)
    if (previous) {
      previous.lines.push(record.line)
      if (!previous.name && parsed.data.name) previous.name = parsed.data.name
    } else {
      planned.set(parsed.data.email, { email: parsed.data.email, name: parsed.data.name, lines: [record.line] })
    }
  }
  if (errors.length > 0) return { ok: false, rows: rows.length, errors: sortErrors(errors) }

  const now = new Date(options.now?.() ?? Date.now()).toISOString()
  const consent = { at: now, method: 'import' as const, source: `Import of ${path.basename(options.fileName)} by ${options.by}` }
  const reason = `Imported from ${path.basename(options.fileName)} by ${options.by}`
  const existing = await existingByEmail(payload, [...planned.keys()])

  const operations: Operation[] = []
  let unchanged = 0
  let keptOptedOut = 0
  for (const row of planned.values()) {
    const before = existing.get(row.email)
    if (!before) {
      operations.push({ kind: 'create', row })
      continue
    }
    if (before.status !== 'pending' && before.status !== 'confirmed') {
      keptOptedOut += 1
      continue
    }
    const data: Partial<Subscriber> = {}
    if (row.name && !before.name) data.name = row.name
    if (before.status === 'pending' && status === 'confirmed') {
      data.status = 'confirmed'
      data.consent = consent
    }
    if (Object.keys(data).length === 0) unchanged += 1
    else operations.push({ kind: 'update', row, before, data, reason: data.status ? reason : undefined })
  }

  const created = operations.filter((o) => o.kind === 'create').length
  const updated = operations.length - created
  const audit = async (req: PayloadRequest) => {
    await recordAudit(req, {
      action: 'subscribersImported',
      collection: 'subscribers',
      title: path.basename(options.fileName),
      to: status,
      actor: options.user ?? options.by,
      details: { fileName: path.basename(options.fileName), status, rows: rows.length, addresses: planned.size, created, updated, unchanged, keptOptedOut },
    })
  }

  await writeAtomically(payload, operations, audit, async (operation, req) => {
    if (operation.kind === 'create') {
      const created = await payload.create({
        collection: 'subscribers',
        data: { email: operation.row.email, name: operation.row.name || undefined, status, consent },
        overrideAccess: true,
        req,
        context: { statusReason: reason } satisfies StatusChangeContext,
      })
      return async () => {
        await payload.delete({ collection: 'subscribers', id: created.id, overrideAccess: true })
      }
    }
    await payload.update({
      collection: 'subscribers',
      id: operation.before.id,
      data: operation.data,
      overrideAccess: true,
      req,
      context: { statusReason: operation.reason } satisfies StatusChangeContext,
    })
    const { before } = operation
    return async () => {
      await payload.update({
        collection: 'subscribers',
        id: before.id,
        data: { name: before.name ?? null, status: before.status, consent: before.consent, history: before.history },
        overrideAccess: true,
        context: { restoringSubscriber: true } satisfies StatusChangeContext,
      })
    }
  })

  return {
    ok: true,
    status,
    rows: rows.length,
    addresses: planned.size,
    created,
    updated,
    unchanged,
    keptOptedOut,
    duplicatesMerged: [...planned.values()].filter((r) => r.lines.length > 1).map((r) => ({ email: r.email, lines: r.lines })),
    ignoredColumns,
  }
}

function sortErrors(errors: ImportLineError[]): ImportLineError[] {
  return errors.sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED_ERRORS)
}

async function existingByEmail(payload: Payload, emails: string[]): Promise<Map<string, Subscriber>> {
  const found = new Map<string, Subscriber>()
  for (let i = 0; i < emails.length; i += 500) {
    const { docs } = await payload.find({
      collection: 'subscribers',
      where: { email: { in: emails.slice(i, i + 500) } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    for (const doc of docs) found.set(doc.email, doc)
  }
  return found
}

/**
 * Runs the writes in one transaction when the adapter has them; otherwise remembers how to
 * undo each write and, if a later one fails, undoes them in reverse order. `finish` (the
 * audit entry) runs last, in the same transaction: if it fails, the writes are undone too.
 */
async function writeAtomically<T>(
  payload: Payload,
  operations: T[],
  finish: (req: PayloadRequest) => Promise<void>,
  write: (operation: T, req: PayloadRequest) => Promise<() => Promise<void>>,
): Promise<void> {
  const req = await createLocalReq({}, payload)
  const inTransaction = await initTransaction(req)
  const undo: Array<() => Promise<void>> = []
  try {
    for (const operation of operations) undo.push(await write(operation, req))
    await finish(req)
    if (inTransaction) await commitTransaction(req)
  } catch (error) {
    if (inTransaction) {
      await killTransaction(req)
    } else {
      for (const step of undo.reverse()) {
        try {
          await step()
        } catch (undoError) {
          payload.logger.error({ err: undoError, msg: 'import: could not undo a write' })
        }
      }
    }
    throw new ImportWriteError(error)
  }
}
