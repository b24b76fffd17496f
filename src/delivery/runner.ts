/**
 * The delivery engine: runs one campaign to its end in this process, alongside any number of
 * other workers on other processes or machines sharing the database.
 *
 * Crash safety rests on the ledger (src/delivery/ledger.ts), never on memory:
 * - The audience is frozen into the ledger page by page under a campaign lease, with a
 *   cursor (./audience.ts); a crash resumes the page it was on, and the unique
 *   (campaign, subscriber) index makes a second row impossible.
 * - A delivery is claimed ("sending", with a lease) before its SMTP transaction and its
 *   outcome written after it (./attempt.ts). Claims are atomic conditional writes, so two
 *   workers never hold one delivery; live workers renew their leases (./leases.ts).
 * - When a worker dies, its "sending" deliveries are abandoned: taken over when the lease
 *   runs out, or at once when the dead worker's process on this same host is gone. Under
 *   at-least-once (the default) they are sent again with the same Message-ID; under
 *   at-most-once they become "unknown" for the editor. A message is sent twice only if its
 *   SMTP transaction was in flight at the crash.
 * - Subscribers read before each page: who unsubscribed or bounced since the start is
 *   skipped. Pause and cancel are read from the campaign every poll interval; messages
 *   already handed to the server finish and are recorded.
 */
import type { Transporter } from 'nodemailer'
import type { Payload } from 'payload'

import { env } from '../env'
import type { Id } from '../ids'
import { dkimSettings } from '../mail/dkim'
import type { Subscriber } from '../payload-types'
import { markSubscriberBounced, sendAttempt, settlementOf, type Recipient } from './attempt'
import { CampaignRunError, freezeAudience, type CampaignDoc } from './audience'
import { CampaignMessageFactory, type FrozenCampaignMessage } from './campaignMessage'
import { campaignSettings, type CampaignSettings } from './campaignSettings'
import { createCampaignTransport } from './campaignTransport'
import { Ledger, type ClaimFrom, type LedgerRow } from './ledger'
import { abandonedOf, DeliveryLeases, newWorkerId } from './leases'
import type { AttemptOutcome } from './smtpOutcome'
import type { CampaignStatus, DeliveryCounts, DeliveryPolicy } from './states'

export { newWorkerId } from './leases'

export interface CampaignProgress {
  campaignId: Id
  status: CampaignStatus
  phase: 'freezing' | 'sending' | 'waiting' | 'done'
  audience: number
  counts: DeliveryCounts
  /** Messages this worker handed over and heard back about, since it started. */
  attemptedHere: number
}

export interface RunCampaignOptions {
  workerId?: string
  settings?: Partial<CampaignSettings>
  /** An SMTP transport to use instead of one built from SMTP_URL (tests, the benchmark). */
  transport?: Transporter
  /** Called about twice a second with fresh counts from the ledger. */
  onProgress?: (progress: CampaignProgress) => void
  /** Stop claiming, let in-flight messages finish, return. */
  signal?: AbortSignal
  /** How often the campaign's status (pause, cancel) is read. Default 500 ms. */
  pollMs?: number
  /** Called after each SMTP attempt with its duration (the benchmark's latencies). */
  onAttempt?: (attempt: { ms: number; outcome: AttemptOutcome['kind'] }) => void
}

export interface RunCampaignResult {
  campaignId: Id
  status: CampaignStatus
  counts: DeliveryCounts
  attemptedHere: number
  elapsedMs: number
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })

/**
 * Works on the campaign until it is sent, paused or cancelled (or `signal` aborts). Safe to
 * call from several processes at once, and again after any crash.
 */
export async function runCampaign(payload: Payload, campaignId: Id, options: RunCampaignOptions = {}): Promise<RunCampaignResult> {
  const runner = new CampaignRunner(payload, campaignId, options)
  return runner.run()
}

interface Slot {
  row: LedgerRow
  token: string
  recipient: Recipient
}

class CampaignRunner {
  private readonly workerId: string
  private readonly settings: CampaignSettings
  private readonly ledger: Ledger
  private readonly leases: DeliveryLeases
  private readonly pollMs: number
  private readonly started = Date.now()
  private readonly newestFirst = Math.random() < 0.5
  private campaign!: CampaignDoc
  private policy: DeliveryPolicy = 'at-least-once'
  private factory!: CampaignMessageFactory
  private transport?: Transporter
  private ownsTransport = false
  private attemptedHere = 0
  /** Claimed, not yet handed to SMTP. */
  private readonly ready: Slot[] = []
  private readonly inFlight = new Set<Promise<void>>()
  private lastProgressAt = 0
  private heartbeat?: NodeJS.Timeout
  private aborted?: Promise<void>
  private lastRecoveryAt = 0
  private lastCountsSavedAt = 0

  constructor(
    private readonly payload: Payload,
    private readonly campaignId: Id,
    private readonly options: RunCampaignOptions,
  ) {
    this.workerId = options.workerId ?? newWorkerId()
    this.settings = campaignSettings(options.settings)
    this.ledger = new Ledger(payload, campaignId)
    this.leases = new DeliveryLeases(payload, this.ledger, campaignId)
    this.pollMs = options.pollMs ?? 500
  }

  private get signal() {
    return this.options.signal
  }

  async run(): Promise<RunCampaignResult> {
    this.campaign = await this.load()
    if (this.campaign.status !== 'sending') return this.result(this.campaign.status)
    this.policy = (this.campaign.policy ?? 'at-least-once') as DeliveryPolicy
    try {
      const stopReason = await freezeAudience({
        payload: this.payload,
        campaignId: this.campaignId,
        workerId: this.workerId,
        settings: this.settings,
        ledger: this.ledger,
        signal: this.signal,
        campaign: () => this.campaign,
        reload: async () => (this.campaign = await this.load()),
        readStatus: () => this.readStatus(),
        reportFreezing: async () => this.options.onProgress?.(this.progress('sending', 'freezing', await this.ledger.counts())),
        wait: () => sleep(this.pollMs, this.signal),
      })
      if (stopReason || this.signal?.aborted) return this.result(stopReason ?? 'sending')
      await this.prepareMessage()
      this.transport = this.options.transport
      if (!this.transport) {
        this.transport = createCampaignTransport(env(), this.settings)
        this.ownsTransport = true
      }
      // Leases are renewed on a timer, not between sends: one slow SMTP transaction must
      // not let this worker's other claims run out.
      this.heartbeat = setInterval(() => void this.leases.renew(this.leaseUntil()), Math.max(250, this.settings.leaseMs / 3))
      const status = await this.sendLoop()
      // Messages already with the server finish and are recorded before we report.
      await Promise.allSettled([...this.inFlight])
      return this.result(status)
    } finally {
      await Promise.allSettled([...this.inFlight])
      if (this.heartbeat) clearInterval(this.heartbeat)
      if (this.ownsTransport) this.transport?.close()
    }
  }

  private async result(status: CampaignStatus): Promise<RunCampaignResult> {
    const counts = await this.ledger.counts()
    this.options.onProgress?.(this.progress(status, status === 'sending' ? 'waiting' : 'done', counts))
    return { campaignId: this.campaignId, status, counts, attemptedHere: this.attemptedHere, elapsedMs: Date.now() - this.started }
  }

  private progress(status: CampaignStatus, phase: CampaignProgress['phase'], counts: DeliveryCounts): CampaignProgress {
    return {
      campaignId: this.campaignId,
      status,
      phase,
      audience: this.campaign.audience?.size ?? Object.values(counts).reduce((a, b) => a + b, 0),
      counts,
      attemptedHere: this.attemptedHere,
    }
  }

  private async load(): Promise<CampaignDoc> {
    const doc = await this.payload.findByID({ collection: 'campaigns', id: this.campaignId, depth: 0, overrideAccess: true })
    return doc as CampaignDoc
  }

  /** The campaign's status as stored now; also tells the admin a worker is on it. */
  private async readStatus(): Promise<CampaignStatus> {
    const { docs } = await this.payload.db.find({
      collection: 'campaigns',
      where: { id: { equals: this.campaignId } },
      limit: 1,
      pagination: false,
      select: { status: true },
    })
    const status = ((docs[0] as { status?: CampaignStatus } | undefined)?.status ?? 'cancelled') as CampaignStatus
    await this.payload.db.updateOne({ collection: 'campaigns', id: this.campaignId, data: { workerSeenAt: new Date().toISOString() }, returning: false })
    return status
  }

  // --- sending --------------------------------------------------------------------------

  private async prepareMessage(): Promise<void> {
    const snapshot = this.campaign.message?.snapshot as FrozenCampaignMessage | undefined
    if (!snapshot || snapshot.version !== 1) throw new CampaignRunError('the campaign has no frozen message')
    this.factory = new CampaignMessageFactory(snapshot, dkimSettings())
    await this.factory.prepare()
  }

  /** How many messages may be claimed and not yet settled at once. */
  private get window(): number {
    return this.settings.connections * 2
  }

  private async sendLoop(): Promise<CampaignStatus> {
    let lastStatusAt = 0
    for (;;) {
      const now = Date.now()
      if (this.signal?.aborted) {
        await this.releaseReady()
        return 'sending'
      }
      if (now - lastStatusAt >= this.pollMs) {
        lastStatusAt = now
        const status = await this.readStatus()
        if (status !== 'sending') {
          await this.releaseReady()
          return status
        }
      }
      if (now - this.lastRecoveryAt >= Math.min(this.pollMs * 4, this.settings.leaseMs / 3)) await this.recoverAbandoned()
      await this.maybeReport(false)

      if (this.ready.length === 0) await this.claimMore()
      while (this.ready.length > 0 && this.inFlight.size < this.window) this.launch(this.ready.shift() as Slot)

      if (this.inFlight.size === 0 && this.ready.length === 0) {
        const open = await this.ledger.openCount()
        if (open === 0) return this.finish()
        // Deferred deliveries not yet due, or others' in flight: wait for the sooner.
        const due = await this.ledger.nextDueAt()
        const wait = due ? Math.max(10, Math.min(this.pollMs, due.getTime() - Date.now())) : this.pollMs
        await sleep(wait, this.signal)
        continue
      }
      if (this.inFlight.size >= this.window || this.ready.length === 0) {
        await Promise.race([...this.inFlight, this.abortedPromise()])
      }
    }
  }

  /**
   * Claims the next deliveries: abandoned ones are handled by recoverAbandoned(); here,
   * queued first, then deferred ones that are due. At-least-once claims a page at a time
   * (cheaper); at-most-once only as many as can go to the server now, because after a
   * crash every claimed delivery of at-most-once becomes "unknown".
   */
  private async claimMore(): Promise<void> {
    const free = this.window - this.inFlight.size
    if (free <= 0) return
    const size = this.policy === 'at-most-once' ? free : Math.max(free, this.settings.batchSize)
    const now = new Date()
    for (const from of [{ kind: 'queued' }, { kind: 'deferred', now }] as ClaimFrom[]) {
      // Another worker may take a page first; then read the next one.
      for (let tries = 0; tries < 5; tries += 1) {
        const candidates = await this.ledger.candidates(from, size, this.newestFirst)
        if (candidates.length === 0) break
        const claimed = await this.ledger.claim(candidates.map((c) => c.id), from, this.workerId, this.leaseUntil())
        if (claimed.rows.length > 0) {
          await this.accept(claimed.rows, claimed.token)
          return
        }
      }
    }
  }

  private leaseUntil(): Date {
    return new Date(Date.now() + this.settings.leaseMs)
  }

  /** Checks the claimed deliveries' subscribers now; queues those still confirmed. */
  private async accept(rows: LedgerRow[], token: string): Promise<void> {
    this.leases.hold(token, rows.length)
    const { docs } = await this.payload.db.find({
      collection: 'subscribers',
      where: { id: { in: rows.map((r) => r.subscriber) } },
      limit: 0,
      pagination: false,
      select: { email: true, name: true, status: true },
    })
    const subscribers = new Map((docs as Array<Pick<Subscriber, 'id' | 'email' | 'name' | 'status'>>).map((s) => [String(s.id), s]))
    for (const row of rows) {
      const subscriber = subscribers.get(String(row.subscriber))
      if (!subscriber || subscriber.status !== 'confirmed') {
        const why = subscriber ? `the subscriber is ${subscriber.status}` : 'the subscriber was deleted'
        await this.settle(row, token, 'skipped', { response: `Not sent: ${why}.` })
        continue
      }
      this.ready.push({ row, token, recipient: { id: String(subscriber.id), email: subscriber.email, name: subscriber.name || undefined } })
    }
  }

  private launch(slot: Slot): void {
    const promise = this.sendOne(slot).catch((error: unknown) => {
      this.payload.logger.error({ err: error, msg: `campaign ${this.campaignId}: delivery ${slot.row.id} could not be recorded` })
    })
    const tracked = promise.finally(() => this.inFlight.delete(tracked))
    this.inFlight.add(tracked)
  }

  private async sendOne(slot: Slot): Promise<void> {
    const { row, token, recipient } = slot
    const { outcome, ms } = await sendAttempt(this.transport as Transporter, this.factory, recipient)
    this.attemptedHere += 1
    this.options.onAttempt?.({ ms, outcome: outcome.kind })
    const settlement = settlementOf(outcome, row, recipient, this.policy, this.settings)
    if (settlement.status === 'accepted') {
      await this.ledger.accepted(row.id, settlement.fields)
      this.leases.release(token)
      return
    }
    await this.settle(row, token, settlement.status, settlement.fields)
    if (settlement.status === 'bounced') await markSubscriberBounced(this.payload, this.campaignId, row.subscriber, outcome.response)
  }

  private async settle(row: LedgerRow, token: string, status: 'skipped' | 'bounced' | 'failed' | 'deferred' | 'unknown' | 'queued', fields: Parameters<Ledger['settle']>[3]): Promise<void> {
    await this.ledger.settle(row.id, token, status, fields)
    this.leases.release(token)
  }

  /** Claimed but never handed over (pause, cancel, stop): back to the queue for later. */
  private async releaseReady(): Promise<void> {
    const pending = this.ready.splice(0)
    for (const slot of pending) await this.settle(slot.row, slot.token, 'queued', {})
  }

  /** Resolves when the caller's signal aborts (never, without one): one listener per run. */
  private abortedPromise(): Promise<void> {
    const signal = this.signal
    this.aborted ??= new Promise<void>((resolve) => {
      if (!signal) return
      if (signal.aborted) return resolve()
      signal.addEventListener('abort', () => resolve(), { once: true })
    })
    return this.aborted
  }

  /**
   * Deliveries whose worker is gone. At-least-once: claimed for sending again (same
   * Message-ID). At-most-once: marked unknown, never sent again by the engine.
   */
  private async recoverAbandoned(): Promise<void> {
    this.lastRecoveryAt = Date.now()
    const now = new Date()
    const sending = await this.ledger.sending(500)
    if (sending.length === 0) return
    const { abandoned, deadOwners } = abandonedOf(sending, this.workerId, now)
    if (abandoned.length === 0) return
    const from: ClaimFrom = { kind: 'abandoned', now, deadOwners }
    if (this.policy === 'at-most-once') {
      await this.ledger.claim(abandoned.map((r) => r.id), from, this.workerId, now, 'unknown')
      return
    }
    const claimed = await this.ledger.claim(abandoned.map((r) => r.id), from, this.workerId, this.leaseUntil())
    if (claimed.rows.length > 0) await this.accept(claimed.rows, claimed.token)
  }

  private async maybeReport(force: boolean): Promise<void> {
    const now = Date.now()
    const wantProgress = this.options.onProgress && (force || now - this.lastProgressAt >= 500)
    const wantSave = force || now - this.lastCountsSavedAt >= 2000
    if (!wantProgress && !wantSave) return
    const counts = await this.ledger.counts()
    if (wantProgress) {
      this.lastProgressAt = now
      this.options.onProgress?.(this.progress('sending', 'sending', counts))
    }
    if (wantSave) {
      this.lastCountsSavedAt = now
      await this.payload.db.updateOne({ collection: 'campaigns', id: this.campaignId, data: { counts }, returning: false })
    }
  }

  /** Nothing is open any more: the first worker to notice marks the campaign sent. */
  private async finish(): Promise<CampaignStatus> {
    const counts = await this.ledger.counts()
    const finished = await this.payload.db.updateOne({
      collection: 'campaigns',
      where: { and: [{ id: { equals: this.campaignId } }, { status: { equals: 'sending' } }] },
      data: { status: 'sent', finishedAt: new Date().toISOString(), counts },
      options: { atomic: true },
    })
    if (finished) return 'sent'
    return (await this.load()).status as CampaignStatus
  }
}
