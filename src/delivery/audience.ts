/**
 * Freezing a campaign's audience into the ledger: "confirmed subscribers at the moment
 * sending starts", one ledger row each, written page by page under the campaign lease with
 * a cursor, so a crash resumes the page it was on and the unique (campaign, subscriber)
 * index makes a second row impossible.
 */
import type { Payload, Where } from 'payload'

import type { Id } from '../ids'
import type { Campaign, Subscriber } from '../payload-types'
import { CampaignMessageFactory, type FrozenCampaignMessage } from './campaignMessage'
import type { CampaignSettings } from './campaignSettings'
import { idFromText, type Ledger } from './ledger'
import { releaseCampaignLease, takeCampaignLease } from './leases'
import type { CampaignStatus } from './states'

export type CampaignDoc = Campaign & { id: Id }

export class CampaignRunError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CampaignRunError'
  }
}

/** What freezing needs from the worker that runs the campaign. */
export interface AudienceRun {
  payload: Payload
  campaignId: Id
  workerId: string
  settings: CampaignSettings
  ledger: Ledger
  signal?: AbortSignal
  /** The campaign as last read. */
  campaign(): CampaignDoc
  /** Reads the campaign again (it becomes campaign()). */
  reload(): Promise<CampaignDoc>
  /** The stored status; also tells the admin a worker is on it. */
  readStatus(): Promise<CampaignStatus>
  reportFreezing(): Promise<void>
  /** Waits one poll interval (less if the signal aborts). */
  wait(): Promise<void>
}

/**
 * Every subscriber that existed at startedAt and was confirmed then (from the status
 * history when they changed since), less those an earlier campaign of this issue already
 * reached. Those who left between the start and now are recorded as skipped. Returns the
 * campaign's status when it stopped being "sending" meanwhile (paused, cancelled).
 */
export async function freezeAudience(run: AudienceRun): Promise<CampaignStatus | undefined> {
  while (!run.campaign().audience?.frozen) {
    if (run.signal?.aborted) return undefined
    const status = await run.readStatus()
    if (status !== 'sending') return status
    const holder = run.campaign().lease?.owner
    if (!(await takeCampaignLease(run.payload, run.campaignId, run.workerId, holder, run.settings.leaseMs))) {
      await run.reportFreezing()
      await run.wait()
      await run.reload()
      continue
    }
    try {
      await freezePages(run)
    } finally {
      await releaseCampaignLease(run.payload, run.campaignId, run.workerId)
    }
    await run.reload()
  }
  return undefined
}

async function freezePages(run: AudienceRun): Promise<void> {
  const { payload, campaignId, ledger, settings } = run
  const campaign = run.campaign()
  const startedAt = campaign.startedAt ?? new Date().toISOString()
  const snapshot = campaign.message?.snapshot as FrozenCampaignMessage | undefined
  if (!snapshot) throw new CampaignRunError('the campaign has no frozen message')
  const factory = new CampaignMessageFactory(snapshot)
  const toId = (value: string): Id => idFromText(value, payload.db.defaultIDType)
  const earlier = await earlierCampaignsOfIssue(payload, campaign, campaignId)
  let cursor = campaign.audience?.cursor ?? undefined
  let alreadySent = campaign.audience?.alreadySent ?? 0
  for (;;) {
    if (run.signal?.aborted) return
    const where: Where[] = [{ createdAt: { less_than_equal: startedAt } }]
    if (cursor) where.push({ id: { greater_than: toId(cursor) } })
    const { docs } = await payload.db.find({
      collection: 'subscribers',
      where: { and: where },
      sort: 'id',
      limit: settings.batchSize,
      pagination: false,
      select: { email: true, name: true, status: true, updatedAt: true },
    })
    const page = docs as Array<Pick<Subscriber, 'id' | 'email' | 'name' | 'status' | 'updatedAt'>>
    if (page.length === 0) break
    const statusAtStart = await statusesAt(payload, page, startedAt)
    const members = page.filter((s) => statusAtStart.get(String(s.id)) === 'confirmed')
    const reached = await reachedBefore(payload, earlier, members.map((s) => s.id))
    const existing = await ledger.existingSubscribers(members.map((s) => s.id))
    for (const s of members) {
      if (reached.has(String(s.id))) {
        if (!existing.has(String(s.id))) alreadySent += 1
        continue
      }
      if (existing.has(String(s.id))) continue
      const messageId = factory.messageIdFor({ id: String(s.id), email: s.email })
      if (s.status === 'confirmed') await ledger.add(s.id, s.email, 'queued', messageId)
      else await ledger.add(s.id, s.email, 'skipped', messageId, `Not sent: the subscriber was ${s.status} before their turn.`)
    }
    cursor = String(page[page.length - 1].id)
    // Progress is kept with the lease: a crash resumes at this page.
    await payload.db.updateOne({
      collection: 'campaigns',
      id: campaignId,
      data: {
        audience: { ...campaign.audience, frozen: false, cursor, alreadySent },
        lease: { owner: run.workerId, until: new Date(Date.now() + settings.leaseMs).toISOString() },
      },
      returning: false,
    })
    await run.reportFreezing()
  }
  const counts = await ledger.counts()
  const size = Object.values(counts).reduce((a, b) => a + b, 0)
  await payload.db.updateOne({
    collection: 'campaigns',
    id: campaignId,
    data: { audience: { frozen: true, size, alreadySent, cursor, frozenAt: new Date().toISOString() }, counts },
    returning: false,
  })
}

/** Each subscriber's status at `at`: the current one, or from the history if changed since. */
async function statusesAt(payload: Payload, page: Array<Pick<Subscriber, 'id' | 'status' | 'updatedAt'>>, at: string): Promise<Map<string, string>> {
  const result = new Map<string, string>()
  const changed: Id[] = []
  for (const s of page) {
    if (s.updatedAt && s.updatedAt > at) changed.push(s.id)
    else result.set(String(s.id), s.status)
  }
  if (changed.length > 0) {
    const { docs } = await payload.db.find({
      collection: 'subscribers',
      where: { id: { in: changed } },
      limit: 0,
      pagination: false,
      select: { status: true, history: true },
    })
    for (const doc of docs as Array<Pick<Subscriber, 'id' | 'status' | 'history'>>) {
      result.set(String(doc.id), statusAt(doc, at))
    }
  }
  return result
}

async function earlierCampaignsOfIssue(payload: Payload, campaign: CampaignDoc, campaignId: Id): Promise<Id[]> {
  const issue = campaign.issue
  const issueId = typeof issue === 'object' && issue ? issue.id : issue
  const { docs } = await payload.db.find({
    collection: 'campaigns',
    where: { and: [{ issue: { equals: issueId } }, { id: { not_equals: campaignId } }] },
    limit: 0,
    pagination: false,
    select: { id: true },
  })
  return docs.map((d) => (d as { id: Id }).id)
}

async function reachedBefore(payload: Payload, campaigns: Id[], subscribers: Id[]): Promise<Set<string>> {
  if (campaigns.length === 0 || subscribers.length === 0) return new Set()
  const { docs } = await payload.db.find({
    collection: 'deliveries',
    where: { and: [{ campaign: { in: campaigns } }, { subscriber: { in: subscribers } }, { status: { in: ['accepted', 'unknown'] } }] },
    limit: 0,
    pagination: false,
    select: { subscriber: true },
  })
  return new Set(docs.map((d) => String((d as unknown as { subscriber: Id }).subscriber)))
}

/** A subscriber's status at a moment, from the history the subscriber hook keeps. */
export function statusAt(subscriber: Pick<Subscriber, 'status' | 'history'>, at: string): string {
  const history = [...(subscriber.history ?? [])].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
  let status: string | undefined
  for (const entry of history) {
    if (entry.at <= at) status = entry.to
  }
  if (status) return status
  // Nothing recorded before `at`: the status before the first change, if recorded.
  const first = history[0]
  return first?.from ?? subscriber.status
}
