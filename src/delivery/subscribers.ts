/**
 * The subscriber list: double opt-in subscribe and confirm, unsubscribe, CSV import and
 * export. The web pages, the admin and the CLI all call these functions; none of them
 * writes subscribers another way. Status changes reach the history through the
 * recordStatusChange hook, with the reason passed in the operation's context.
 */
import path from 'node:path'
import type { Payload, PayloadRequest } from 'payload'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import type { StatusChangeContext } from '../../collections/hooks/recordStatusChange'
import { hasRole } from '../access/roles'
import { ServiceError } from '../api/errors'
import { recordAudit } from '../audit/record'
import { env } from '../env'
import type { Subscriber, User } from '../payload-types'
import { renderConfirmationEmail } from '../render/email/confirmation'
import { SHARED_CLIENT } from './clientAddress'
import { parseCsv, restoreCell, toCsv } from './csv'
import { siteLinks } from './links'
import { sendMessage } from './mail'
import { subscribeLimiter, type SubscribeLimiter } from './rateLimit'
import { IMPORT_STATUSES, type ImportStatus } from './statuses'
import { senderSettings } from './sender'
import { CONFIRM_TOKEN_TTL_MS, signToken, verifyToken } from './tokens'

export type SubscriberStatus = Subscriber['status']
// --- input rules ----------------------------------------------------------------------

/** One address per reader, whatever its case: stored trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

/**
 * What the subscribers collection accepts as an email (Payload's own rule, fields/validations):
 * RFC 5322 atext local parts, so "+news@", "-x@" and "=x@" are addresses. Zod's default is
 * narrower, and an address an editor could save had to be importable from the export too.
 */
const ADDRESS =
  /^(?!.*\.\.)[\w!#$%&'*+/=?^`{|}~-](?:[\w!#$%&'*+/=?^`{|}~.-]*[\w!#$%&'*+/=?^`{|}~-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'This email address is too long: at most 254 characters.')
  .toLowerCase()
  .pipe(z.email({ pattern: ADDRESS, error: 'Enter a valid email address, like name@example.org.' }))

export const nameSchema = z
  .string()
  .max(200, 'Please shorten the name to 200 characters.')
  // Control characters have no place in a name that ends up in a To: header.
  .transform((name) => name.replace(/\p{Cc}+/gu, ' ').replace(/\s+/g, ' ').trim())

const subscribeSchema = z.object({
  email: emailSchema,
  name: nameSchema.optional(),
})

// --- subscribe ------------------------------------------------------------------------

export interface SubscribeInput {
  email: string
  name?: string
  /** The form's hidden trap field: people leave it empty, naive bots fill it in. */
  honeypot?: string
  /** Path of the page that carried the form ("/subscribe", "/issues/demo"). */
  sourcePath?: string
  /** The client's address, for rate limiting. */
  ip?: string
}

/**
 * The public answer. "ok" is the same whether the address was new, pending, already
 * confirmed or unsubscribed, so the form tells nobody who is on the list.
 */
export type SubscribeResult =
  | { ok: true }
  | { ok: false; reason: 'invalid'; field: 'email' | 'name'; message: string }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number }
  | { ok: false; reason: 'unavailable'; message: string }

export interface SubscribeOptions {
  limiter?: SubscribeLimiter
  now?: () => number
}

export async function subscribe(payload: Payload, input: SubscribeInput, options: SubscribeOptions = {}): Promise<SubscribeResult> {
  const parsed = subscribeSchema.safeParse({ email: input.email, name: input.name || undefined })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path[0] === 'name' ? 'name' : 'email'
    return { ok: false, reason: 'invalid', field, message: issue?.message ?? 'Check the form.' }
  }
  const { email, name } = parsed.data
  if (input.honeypot?.trim()) {
    payload.logger.info({ msg: 'subscribe: honeypot filled, ignored', ip: input.ip })
    return { ok: true }
  }
  const wait = (options.limiter ?? subscribeLimiter()).check(input.ip || SHARED_CLIENT, email)
  if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds: Math.ceil(wait / 1000) }

  const now = new Date(options.now?.() ?? Date.now())
  const existing = await findSubscriberByEmail(payload, email)
  // Confirmed: nothing to do. Complained: they marked our mail as spam; a form post (which
  // anyone can make) does not override that. Both get the same answer as everyone else.
  if (existing && (existing.status === 'confirmed' || existing.status === 'complained')) return { ok: true }

  const consent = { at: now.toISOString(), method: 'form' as const, source: sourceUrl(input.sourcePath) }
  let subscriber: Subscriber
  if (!existing) {
    try {
      subscriber = await payload.create({
        collection: 'subscribers',
        data: { email, name: name || undefined, status: 'pending', consent },
        overrideAccess: true,
        context: { statusReason: 'Asked to subscribe on the web form' } satisfies StatusChangeContext,
      })
    } catch (error) {
      // Two requests for one new address at once: the other one created it and sends the mail.
      if (await findSubscriberByEmail(payload, email)) return { ok: true }
      throw error
    }
  } else {
    subscriber = await payload.update({
      collection: 'subscribers',
      id: existing.id,
      data: { status: 'pending', consent, ...(name ? { name } : {}) },
      overrideAccess: true,
      context: {
        statusReason: `Asked to subscribe again on the web form (was ${existing.status})`,
      } satisfies StatusChangeContext,
    })
  }

  try {
    await sendConfirmationEmail(payload, subscriber)
  } catch (error) {
    payload.logger.error({ err: error, msg: 'subscribe: the confirmation email could not be sent' })
    return { ok: false, reason: 'unavailable', message: 'We could not send the confirmation email just now. Please try again in a few minutes.' }
  }
  return { ok: true }
}

/**
 * A confirm token is valid only for the latest request of a pending subscriber: it expires
 * exactly CONFIRM_TOKEN_TTL_MS after consent.at, which every new request moves on, so a
 * link from an earlier email (or from before an unsubscribe) no longer matches.
 */
function confirmExpiry(subscriber: Pick<Subscriber, 'consent'>): number | undefined {
  const at = subscriber.consent?.at ? Date.parse(subscriber.consent.at) : NaN
  return Number.isFinite(at) ? at + CONFIRM_TOKEN_TTL_MS : undefined
}

export async function sendConfirmationEmail(payload: Payload, subscriber: Subscriber): Promise<void> {
  const expiresAt = confirmExpiry(subscriber)
  if (subscriber.status !== 'pending' || expiresAt === undefined) {
    throw new Error(`subscriber ${subscriber.id} has no pending request to confirm`)
  }
  const token = signToken(env().PAYLOAD_SECRET, {
    purpose: 'confirm',
    subscriberId: String(subscriber.id),
    email: subscriber.email,
    expiresAt,
  })
  const sender = await senderSettings(payload)
  // The address only, in the body and the To: header: the name is a stranger's words until
  // the address's owner confirms (see ConfirmationInput).
  const recipient = { email: subscriber.email }
  const rendered = await renderConfirmationEmail({
    bulletinName: sender.bulletinName,
    centre: sender.centre,
    institute: sender.institute,
    postalAddress: sender.postalAddress,
    recipient,
    confirmUrl: siteLinks.confirm(token),
    subscribeUrl: siteLinks.subscribe(),
    validForDays: Math.round(CONFIRM_TOKEN_TTL_MS / 86_400_000),
  })
  await sendMessage(payload, {
    from: { name: sender.fromName, address: sender.fromAddress },
    replyTo: sender.replyTo,
    to: recipient.email,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    headers: { 'Auto-Submitted': 'auto-generated' },
  })
}

function sourceUrl(sourcePath: string | undefined): string {
  // Only a path on this site: the field comes from the browser.
  const pathOnly = sourcePath && /^\/[A-Za-z0-9/_.~-]{0,200}$/.test(sourcePath) ? sourcePath : '/subscribe'
  return `${env().PUBLIC_URL}${pathOnly}`
}

// --- confirm --------------------------------------------------------------------------

export type LinkFailure = 'invalid' | 'expired' | 'superseded' | 'closed'

export type ConfirmResult =
  | { ok: true; email: string; alreadyConfirmed: boolean }
  | { ok: false; reason: LinkFailure }

export async function confirmSubscription(payload: Payload, token: string, options: { now?: () => number } = {}): Promise<ConfirmResult> {
  const now = options.now?.() ?? Date.now()
  const verified = verifyToken(env().PAYLOAD_SECRET, token, 'confirm', now)
  if (!verified.ok) return { ok: false, reason: verified.reason === 'expired' ? 'expired' : 'invalid' }
  const subscriber = await findSubscriberById(payload, verified.claims.subscriberId)
  if (!subscriber || subscriber.email !== verified.claims.email) return { ok: false, reason: 'invalid' }
  if (subscriber.status === 'confirmed') return { ok: true, email: subscriber.email, alreadyConfirmed: true }
  if (subscriber.status !== 'pending') return { ok: false, reason: 'closed' }
  if (verified.claims.expiresAt !== confirmExpiry(subscriber)) return { ok: false, reason: 'superseded' }
  await payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    // Consent is given now, by the click; where it was asked for stays recorded.
    data: { status: 'confirmed', consent: { ...subscriber.consent, at: new Date(now).toISOString(), method: 'form' } },
    overrideAccess: true,
    context: { statusReason: 'Confirmed with the link in the confirmation email' } satisfies StatusChangeContext,
  })
  return { ok: true, email: subscriber.email, alreadyConfirmed: false }
}

// --- unsubscribe ----------------------------------------------------------------------

export type UnsubscribeVia = 'one-click' | 'page' | 'mailto' | 'admin'

export type UnsubscribeResult =
  | { ok: true; email: string; alreadyUnsubscribed: boolean }
  | { ok: false; reason: 'invalid' | 'unknown' }

const VIA_REASON: Record<UnsubscribeVia, string> = {
  'one-click': 'Unsubscribed with one click from the email (RFC 8058)',
  page: 'Unsubscribed on the web page',
  mailto: 'Asked by email to be unsubscribed',
  admin: 'Unsubscribed by an editor',
}

async function subscriberOfUnsubscribeLink(payload: Payload, token: string): Promise<Subscriber | 'invalid' | 'unknown'> {
  const verified = verifyToken(env().PAYLOAD_SECRET, token, 'unsubscribe')
  if (!verified.ok) return 'invalid'
  const subscriber = await findSubscriberById(payload, verified.claims.subscriberId)
  // A link for an address that was since changed or deleted is not this subscriber's.
  if (!subscriber || subscriber.email !== verified.claims.email) return 'unknown'
  return subscriber
}

/** What an unsubscribe link points at, without changing anything: for the GET page. */
export async function readUnsubscribeLink(
  payload: Payload,
  token: string,
): Promise<{ ok: true; email: string; status: SubscriberStatus } | { ok: false; reason: 'invalid' | 'unknown' }> {
  const subscriber = await subscriberOfUnsubscribeLink(payload, token)
  if (typeof subscriber === 'string') return { ok: false, reason: subscriber }
  return { ok: true, email: subscriber.email, status: subscriber.status }
}

/** Works for as long as the email exists: unsubscribe tokens do not expire. Idempotent. */
export async function unsubscribe(payload: Payload, token: string, via: UnsubscribeVia): Promise<UnsubscribeResult> {
  const subscriber = await subscriberOfUnsubscribeLink(payload, token)
  if (typeof subscriber === 'string') return { ok: false, reason: subscriber }
  if (subscriber.status !== 'pending' && subscriber.status !== 'confirmed') {
    // Unsubscribed, bounced or complained: they receive nothing already.
    return { ok: true, email: subscriber.email, alreadyUnsubscribed: true }
  }
  await payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    data: { status: 'unsubscribed' },
    overrideAccess: true,
    context: { statusReason: VIA_REASON[via] } satisfies StatusChangeContext,
  })
  return { ok: true, email: subscriber.email, alreadyUnsubscribed: false }
}

/** The signed one-click unsubscribe link for a subscriber (or a sample recipient). */
export function unsubscribeUrlFor(recipient: { id: string; email: string }): string {
  const token = signToken(env().PAYLOAD_SECRET, { purpose: 'unsubscribe', subscriberId: recipient.id, email: recipient.email })
  return siteLinks.unsubscribe(token)
}

// --- lookups --------------------------------------------------------------------------

export async function findSubscriberByEmail(payload: Payload, email: string): Promise<Subscriber | undefined> {
  const { docs } = await payload.find({
    collection: 'subscribers',
    where: { email: { equals: normaliseEmail(email) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}

async function findSubscriberById(payload: Payload, id: string): Promise<Subscriber | undefined> {
  const { docs } = await payload.find({
    collection: 'subscribers',
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}

// --- import ---------------------------------------------------------------------------

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

/** A member (absent for the command line) may import or export the list: editors and admins. */
function assertMayManage(user: Pick<User, 'role'> | null | undefined): void {
  if (user !== undefined && !hasRole(user, 'admin', 'editor')) throw new ServiceError('not-allowed', 403, 'Only editors and admins manage subscribers.')
}

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

// --- export ---------------------------------------------------------------------------

export const EXPORT_COLUMNS = ['email', 'name', 'status', 'consent_at', 'consent_method', 'consent_source', 'created_at'] as const

/** The list as CSV, email first so the file imports again as it is. */
export async function exportSubscribers(payload: Payload, options: { status?: SubscriberStatus; user?: Pick<User, 'role'> | null } = {}): Promise<string> {
  assertMayManage(options.user)
  const { docs } = await payload.find({
    collection: 'subscribers',
    where: options.status ? { status: { equals: options.status } } : {},
    sort: 'email',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return toCsv([
    [...EXPORT_COLUMNS],
    ...docs.map((s) => [
      s.email,
      s.name ?? '',
      s.status,
      s.consent?.at ?? '',
      s.consent?.method ?? '',
      s.consent?.source ?? '',
      s.createdAt,
    ]),
  ])
}
