/**
 * Leases: who may work on what, for how long. A worker holds the campaign lease while it
 * freezes the audience, and a lease on each delivery it claimed until its outcome is
 * written; live workers renew theirs on a timer. When a worker dies its leases run out (or
 * end at once when its process on this same host is gone) and another worker takes over.
 */
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import type { Payload, Where } from 'payload'

import type { Id } from '../ids'
import type { Ledger, LedgerRow } from './ledger'

/** host/pid/random: unique per process, and says where to look whether it is still alive. */
export function newWorkerId(): string {
  return `${os.hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`
}

/**
 * True when a lease holder is certainly dead: it ran on this host under a pid that no longer
 * exists. Anything else (another host, a live or reused pid) waits for the lease to expire.
 */
export function isDeadLocalOwner(owner: string): boolean {
  const [host, pidText] = owner.split('#')[0].split('/')
  const pid = Number(pidText)
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

// --- the campaign lease (freezing the audience) ---------------------------------------------

/** Takes the campaign lease when it is free, expired, ours, or held by a dead local process. */
export async function takeCampaignLease(payload: Payload, campaignId: Id, workerId: string, holder: string | null | undefined, leaseMs: number): Promise<boolean> {
  const now = new Date()
  const free: Where[] = [{ 'lease.until': { exists: false } }, { 'lease.until': { less_than: now.toISOString() } }, { 'lease.owner': { equals: workerId } }]
  if (holder && isDeadLocalOwner(holder)) free.push({ 'lease.owner': { equals: holder } })
  const taken = await payload.db.updateOne({
    collection: 'campaigns',
    where: { and: [{ id: { equals: campaignId } }, { or: free }] },
    data: { lease: { owner: workerId, until: new Date(now.getTime() + leaseMs).toISOString() } },
    options: { atomic: true },
  })
  return Boolean(taken)
}

export async function releaseCampaignLease(payload: Payload, campaignId: Id, workerId: string): Promise<void> {
  await payload.db.updateOne({
    collection: 'campaigns',
    where: { and: [{ id: { equals: campaignId } }, { 'lease.owner': { equals: workerId } }] },
    data: { lease: { owner: null, until: null } },
    options: { atomic: true },
  })
}

// --- delivery leases ----------------------------------------------------------------------

/** The lease tokens this worker holds with unsettled deliveries, and how many each. */
export class DeliveryLeases {
  private readonly tokens = new Map<string, number>()
  private renewing = false

  constructor(
    private readonly payload: Payload,
    private readonly ledger: Ledger,
    private readonly campaignId: Id,
  ) {}

  hold(token: string, deliveries: number): void {
    this.tokens.set(token, (this.tokens.get(token) ?? 0) + deliveries)
  }

  /** One delivery of this token is settled. */
  release(token: string): void {
    const left = (this.tokens.get(token) ?? 1) - 1
    if (left <= 0) this.tokens.delete(token)
    else this.tokens.set(token, left)
  }

  /** Moves every held lease on to `until`; skipped while the previous renewal still runs. */
  async renew(until: Date): Promise<void> {
    if (this.renewing) return
    this.renewing = true
    try {
      for (const token of [...this.tokens.keys()]) await this.ledger.renew(token, until)
    } catch (error) {
      this.payload.logger.error({ err: error, msg: `campaign ${this.campaignId}: could not renew leases` })
    } finally {
      this.renewing = false
    }
  }
}

/**
 * Of the deliveries in "sending", those whose worker is gone: not ours, and either held by a
 * dead local process or past their lease.
 */
export function abandonedOf(sending: LedgerRow[], workerId: string, now: Date): { abandoned: LedgerRow[]; deadOwners: string[] } {
  const owners = new Set(sending.map((r) => r.leaseOwner ?? '').filter((o) => o && !o.startsWith(`${workerId}#`)))
  const deadOwners = [...owners].filter(isDeadLocalOwner)
  const abandoned = sending.filter(
    (r) => !r.leaseOwner?.startsWith(`${workerId}#`) && ((r.leaseOwner && deadOwners.includes(r.leaseOwner)) || !r.leaseUntil || new Date(r.leaseUntil) < now),
  )
  return { abandoned, deadOwners }
}
