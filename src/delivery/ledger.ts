/**
 * The delivery ledger's hot path: reading and moving deliveries of one campaign.
 *
 * It talks to payload.db (the database adapter) directly rather than the Local API: the
 * Local API runs access control, hooks and a read-back on every write, which costs more
 * than the SMTP transaction for a ledger row. Everything here uses only the adapter's
 * generic methods (find, count, create, updateOne, updateMany), so it runs unchanged on
 * SQLite and MongoDB. The writes that must be atomic say how:
 *
 * - claim(): `updateOne` with a `where` and `options.atomic` is a single conditional
 *   write on every adapter (SQL: UPDATE … WHERE … RETURNING; MongoDB: findOneAndUpdate),
 *   the pattern Payload itself uses for password-reset reservations. The condition is the
 *   claimable state (queued; deferred and due; sending with an expired lease), so two
 *   workers can never both move one delivery to "sending". SQL adapters update every
 *   matching row in that one statement; MongoDB updates one per call, so we call again
 *   until nothing more matches. Either way the claimed set is read back by the claim's
 *   own token, which only its holder has.
 * - outcomes other than "accepted" are written under the same condition (the lease token
 *   still ours), so a worker that stalled past its lease cannot undo what another one did.
 * - "accepted" is written unconditionally by id: the server took the message, which is
 *   true whoever else held the lease since, and it clears the lease so a later conditional
 *   write by another holder cannot reopen it.
 */
import type { Payload, Where } from 'payload'

import type { Id } from '../ids'
import type { DeliveryCounts, DeliveryStatus } from './states'
import { DELIVERY_STATUSES, emptyCounts } from './states'

/**
 * An id kept as text (the audience cursor) back in the adapter's own type: a number on SQL
 * adapters with numeric ids, the text itself on MongoDB (and SQL with text ids). Compared as
 * text, SQLite would order every number before any text and the cursor would match nothing.
 */
export function idFromText(value: string, idType: 'number' | 'text'): Id {
  return idType === 'number' ? Number(value) : value
}

export interface LedgerRow {
  id: Id
  subscriber: Id
  email: string
  status: DeliveryStatus
  attempts: number
  leaseOwner?: string | null
  leaseUntil?: string | null
  nextAttemptAt?: string | null
}

const COLLECTION = 'deliveries' as const
const ROW_SELECT = { id: true, subscriber: true, email: true, status: true, attempts: true, leaseOwner: true, leaseUntil: true, nextAttemptAt: true } as const

type Doc = Record<string, unknown>

function toRow(doc: Doc): LedgerRow {
  const subscriber = doc.subscriber
  return {
    id: doc.id as Id,
    subscriber: (subscriber && typeof subscriber === 'object' ? (subscriber as { id: Id }).id : subscriber) as Id,
    email: String(doc.email ?? ''),
    status: doc.status as DeliveryStatus,
    attempts: typeof doc.attempts === 'number' ? doc.attempts : 0,
    leaseOwner: (doc.leaseOwner as string | null | undefined) ?? null,
    leaseUntil: (doc.leaseUntil as string | null | undefined) ?? null,
    nextAttemptAt: (doc.nextAttemptAt as string | null | undefined) ?? null,
  }
}

export type ClaimFrom =
  | { kind: 'queued' }
  | { kind: 'deferred'; now: Date }
  /** Sending, but its holder is gone: the lease ran out, or its process is known dead. */
  | { kind: 'abandoned'; now: Date; deadOwners: string[] }

export interface OutcomeFields {
  response?: string | null
  responseCode?: number | null
  queueId?: string | null
  attempts?: number
  nextAttemptAt?: string | null
  acceptedAt?: string | null
  email?: string
}

let claimSequence = 0

/**
 * Yields to the event loop every few hundred database calls. On SQLite, @libsql/client runs
 * each statement synchronously and its native statement handles are freed by finalizers
 * that only run from the event loop: a long loop of awaited statements that never yields
 * (freezing 100,000 subscribers) would hold every one of them, gigabytes, until it ends.
 */
let callsSinceYield = 0
export async function breathe(calls = 1): Promise<void> {
  callsSinceYield += calls
  if (callsSinceYield < 200) return
  callsSinceYield = 0
  await new Promise<void>((resolve) => setImmediate(resolve))
}

export class Ledger {
  constructor(
    private readonly payload: Payload,
    readonly campaignId: Id,
  ) {}

  private get db() {
    return this.payload.db
  }

  private inCampaign(...more: Where[]): Where {
    return { and: [{ campaign: { equals: this.campaignId } }, ...more] }
  }

  // --- audience -----------------------------------------------------------------------

  /** Which of these subscribers already have a delivery in this campaign. */
  async existingSubscribers(subscriberIds: Id[]): Promise<Set<string>> {
    await breathe()
    if (subscriberIds.length === 0) return new Set()
    const { docs } = await this.db.find({
      collection: COLLECTION,
      where: this.inCampaign({ subscriber: { in: subscriberIds } }),
      limit: 0,
      pagination: false,
      select: { subscriber: true },
    })
    return new Set(docs.map((d) => String(toRow(d as Doc).subscriber)))
  }

  async add(subscriber: Id, email: string, status: 'queued' | 'skipped', messageId: string, response?: string): Promise<void> {
    await breathe()
    await this.db.create({
      collection: COLLECTION,
      data: { campaign: this.campaignId, subscriber, email, status, attempts: 0, messageId, response: response ?? null },
      returning: false,
    })
  }

  // --- reading ------------------------------------------------------------------------

  /** Candidates to claim, oldest first (or newest first, so two workers meet less). */
  async candidates(from: ClaimFrom, limit: number, newestFirst = false): Promise<LedgerRow[]> {
    await breathe()
    const { docs } = await this.db.find({
      collection: COLLECTION,
      where: this.claimableWhere(from),
      limit,
      pagination: false,
      sort: newestFirst ? '-id' : 'id',
      select: ROW_SELECT,
    })
    return docs.map((d) => toRow(d as Doc))
  }

  /** Deliveries in "sending", with their lease holders: to find abandoned ones. */
  async sending(limit: number): Promise<LedgerRow[]> {
    await breathe()
    const { docs } = await this.db.find({
      collection: COLLECTION,
      where: this.inCampaign({ status: { equals: 'sending' } }),
      limit,
      pagination: false,
      sort: 'id',
      select: ROW_SELECT,
    })
    return docs.map((d) => toRow(d as Doc))
  }

  /** The earliest time a deferred delivery is due, if any is waiting. */
  async nextDueAt(): Promise<Date | undefined> {
    await breathe()
    const { docs } = await this.db.find({
      collection: COLLECTION,
      where: this.inCampaign({ status: { equals: 'deferred' } }),
      limit: 1,
      pagination: false,
      sort: 'nextAttemptAt',
      select: { nextAttemptAt: true },
    })
    const at = (docs[0] as Doc | undefined)?.nextAttemptAt
    return typeof at === 'string' ? new Date(at) : undefined
  }

  async counts(): Promise<DeliveryCounts> {
    await breathe()
    const counts = emptyCounts()
    for (const status of DELIVERY_STATUSES) {
      const { totalDocs } = await this.db.count({ collection: COLLECTION, where: this.inCampaign({ status: { equals: status } }) })
      counts[status] = totalDocs
    }
    return counts
  }

  async openCount(): Promise<number> {
    await breathe()
    const { totalDocs } = await this.db.count({
      collection: COLLECTION,
      where: this.inCampaign({ status: { in: ['queued', 'sending', 'deferred'] } }),
    })
    return totalDocs
  }

  // --- claiming -----------------------------------------------------------------------

  private claimableWhere(from: ClaimFrom): Where {
    switch (from.kind) {
      case 'queued':
        return this.inCampaign({ status: { equals: 'queued' } })
      case 'deferred':
        return this.inCampaign({ status: { equals: 'deferred' } }, { nextAttemptAt: { less_than_equal: from.now.toISOString() } })
      case 'abandoned': {
        const gone: Where[] = [{ leaseUntil: { less_than: from.now.toISOString() } }, { leaseUntil: { exists: false } }]
        if (from.deadOwners.length > 0) gone.push({ leaseOwner: { in: from.deadOwners } })
        return this.inCampaign({ status: { equals: 'sending' } }, { or: gone })
      }
    }
  }

  /**
   * Atomically moves those of `ids` that are still claimable to `status` (normally
   * "sending") under a fresh lease token, and returns the ones this call got.
   */
  async claim(
    ids: Id[],
    from: ClaimFrom,
    owner: string,
    leaseUntil: Date,
    status: 'sending' | 'unknown' = 'sending',
  ): Promise<{ token: string; rows: LedgerRow[] }> {
    await breathe()
    claimSequence += 1
    const token = `${owner}#${claimSequence}`
    if (ids.length === 0) return { token, rows: [] }
    const data: Doc =
      status === 'sending'
        ? { status, leaseOwner: token, leaseUntil: leaseUntil.toISOString(), lastAttemptAt: new Date().toISOString() }
        : { status, leaseOwner: token, leaseUntil: null, response: 'Sending was under way when its worker stopped; it may or may not have reached the server.' }
    const remaining = new Set(ids.map(String))
    // One call claims every matching row on SQL adapters, one row on MongoDB: loop until
    // nothing more matches (see the note at the top of this file).
    for (let guard = 0; remaining.size > 0 && guard <= ids.length; guard += 1) {
      const left = ids.filter((id) => remaining.has(String(id)))
      const claimed = await this.db.updateOne({
        collection: COLLECTION,
        where: { and: [{ id: { in: left } }, this.claimableWhere(from)] },
        data,
        options: { atomic: true },
      })
      if (!claimed) break
      remaining.delete(String((claimed as unknown as Doc).id))
    }
    const { docs } = await this.db.find({
      collection: COLLECTION,
      where: this.inCampaign({ leaseOwner: { equals: token } }),
      limit: 0,
      pagination: false,
      select: ROW_SELECT,
    })
    return { token, rows: docs.map((d) => toRow(d as Doc)) }
  }

  /** Keeps this worker's claims alive. Not atomic, and need not be: only the holder renews. */
  async renew(token: string, leaseUntil: Date): Promise<void> {
    await breathe()
    await this.db.updateMany({
      collection: COLLECTION,
      where: this.inCampaign({ leaseOwner: { equals: token } }, { status: { equals: 'sending' } }),
      data: { leaseUntil: leaseUntil.toISOString() },
      returning: false,
    })
  }

  // --- outcomes -----------------------------------------------------------------------

  async accepted(id: Id, fields: OutcomeFields): Promise<void> {
    await breathe()
    await this.db.updateOne({
      collection: COLLECTION,
      id,
      data: { ...fields, status: 'accepted', leaseOwner: null, leaseUntil: null, nextAttemptAt: null },
      returning: false,
    })
  }

  /** deferred, bounced, failed, skipped or back to queued: only while `token` still holds it. */
  async settle(id: Id, token: string, status: Exclude<DeliveryStatus, 'accepted' | 'sending'>, fields: OutcomeFields): Promise<boolean> {
    await breathe()
    const updated = await this.db.updateOne({
      collection: COLLECTION,
      where: { and: [{ id: { equals: id } }, { leaseOwner: { equals: token } }] },
      data: { ...fields, status, leaseOwner: null, leaseUntil: null, ...(status === 'deferred' ? {} : { nextAttemptAt: null }) },
      options: { atomic: true },
    })
    return Boolean(updated)
  }
}
