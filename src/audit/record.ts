/**
 * The one writer of the audit log (collections/AuditLog.ts). Hooks pass their own `req`, so
 * the entry joins the save's transaction where the database has one (MongoDB replica
 * sets): a save that is rolled back leaves no entry. Services that act without a request
 * (the command line, jobs) make one with createLocalReq.
 */
import { createLocalReq, type CollectionSlug, type Payload, type PayloadRequest } from 'payload'

import type { AuditLog, User } from '../payload-types'
import type { AuditAction } from './actions'
import { auditSummary } from './labels'
import type { Id } from '../ids'

export interface AuditEntry {
  action: AuditAction
  /** The collection of the item acted on: "essays", "issues", "campaigns", "subscribers". */
  collection?: string
  documentId?: Id | null
  /** The item's title at the time: kept when the item is deleted. */
  title?: string | null
  from?: string | null
  to?: string | null
  /** What else is worth keeping: the note's text, the export's hash, the import's counts. */
  details?: Record<string, unknown>
  /**
   * Who acted, when it is not the request's user. A string names a non-member actor:
   * "the command line", "a job", "the schedule".
   */
  actor?: User | string | null
}

function actorOf(req: PayloadRequest, entry: AuditEntry): { user: Id | null; userEmail: string | null } {
  const actor = entry.actor !== undefined ? entry.actor : req.user
  if (!actor) return { user: null, userEmail: null }
  if (typeof actor === 'string') return { user: null, userEmail: actor }
  if ('collection' in actor && actor.collection && actor.collection !== 'users') return { user: null, userEmail: actor.email ?? null }
  return { user: actor.id, userEmail: actor.email ?? null }
}

/** The line a person reads in the log, with the admin's labels (src/audit/labels.ts). */
function summaryOf(req: PayloadRequest, entry: AuditEntry): string {
  const labels = entry.collection ? req.payload.collections[entry.collection as CollectionSlug]?.config.labels : undefined
  const singular = labels?.singular
  const reason = entry.details?.reason
  return auditSummary({
    action: entry.action,
    itemLabel: typeof singular === 'string' ? singular : (entry.collection ?? null),
    title: entry.title,
    documentId: entry.documentId,
    from: entry.from,
    to: entry.to,
    reason: typeof reason === 'string' ? reason : null,
  })
}

/** Writes one audit entry; the caller decides whether a failure may stop what it does. */
export async function recordAudit(req: PayloadRequest, entry: AuditEntry): Promise<AuditLog> {
  const { user, userEmail } = actorOf(req, entry)
  return req.payload.create({
    collection: 'audit-log',
    data: {
      at: new Date().toISOString(),
      action: entry.action,
      summary: summaryOf(req, entry),
      collectionSlug: entry.collection ?? null,
      documentId: entry.documentId === undefined || entry.documentId === null ? null : String(entry.documentId),
      documentTitle: entry.title ?? null,
      from: entry.from ?? null,
      to: entry.to ?? null,
      // IDs are numbers on SQLite and strings on MongoDB; the generated types know only numbers.
      user: user as number | null,
      userEmail,
      details: entry.details ?? null,
    },
    req,
    overrideAccess: true,
    depth: 0,
  })
}

/**
 * For services that have no request (export, campaign start, import from the command line):
 * a local request for `user`, and an audit failure logged rather than thrown, because what
 * it records has already happened and must not be reported as failed.
 */
export async function recordAuditAfter(payload: Payload, user: User | null | undefined, entry: AuditEntry): Promise<void> {
  try {
    const req = await createLocalReq(user ? { user: { ...user, collection: 'users' } } : {}, payload)
    await recordAudit(req, entry)
  } catch (error) {
    payload.logger.error({ err: error, msg: `audit: could not record "${entry.action}" on ${entry.collection ?? '?'} ${entry.documentId ?? ''}` })
  }
}
