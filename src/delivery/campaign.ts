/**
 * Campaigns: the one service behind the admin's campaign panel, `bulletin send` /
 * `bulletin campaign-status` and the worker's jobs. Start, schedule, pause, resume, cancel,
 * and the status report with counts and the server's words for every failure.
 *
 * Sending needs an explicit confirmation and a published issue whose preflight has no
 * errors (checked on the published issue, the one that is sent). When a campaign starts,
 * its message is frozen (src/delivery/campaignMessage.ts); its audience is frozen into the
 * ledger by the first worker (src/delivery/runner.ts).
 */
import type { Payload } from 'payload'

import { hasRole } from '../access/roles'
import { ServiceError } from '../errors'
import { recordAuditAfter } from '../audit/record'
import { idOf, type Id } from '../ids'
import { assembleIssue, IssueNotFoundError } from '../issue/assemble'
import { reportOf, type PreflightReport } from '../issue/checks'
import { checkIssueForEmail } from '../render/email/checks'
import type { Campaign, Issue, User } from '../payload-types'
import { freezeCampaignMessage, type FrozenCampaignMessage } from './campaignMessage'
import { Ledger } from './ledger'
import type { CampaignStatus, DeliveryCounts, DeliveryPolicy, DeliveryStatus } from './states'
import { emptyCounts } from './states'

export const CAMPAIGN_QUEUE = 'campaigns'

/** Who acts: a signed-in member of the committee, the command line, or the schedule. */
export type CampaignActor = { user: User | null | undefined } | { cli: true } | { schedule: true }

export type CampaignErrorCode = 'not-found' | 'not-allowed' | 'not-published' | 'preflight' | 'confirm' | 'state'

const CAMPAIGN_ERROR_STATUS: Record<CampaignErrorCode, number> = { 'not-found': 404, 'not-allowed': 403, 'not-published': 409, preflight: 422, confirm: 428, state: 409 }

export class CampaignError extends ServiceError {
  constructor(
    readonly code: CampaignErrorCode,
    message: string,
    readonly preflight?: PreflightReport,
  ) {
    super(code, CAMPAIGN_ERROR_STATUS[code], message, { details: preflight ? { preflight } : undefined })
    this.name = 'CampaignError'
  }
}

type CampaignDoc = Campaign

export function assertMayAct(actor: CampaignActor): void {
  if ('user' in actor && !hasRole(actor.user, 'admin', 'editor')) {
    throw new CampaignError('not-allowed', 'Only editors and admins can send the newsletter.')
  }
}

function via(actor: CampaignActor): 'admin' | 'cli' | 'schedule' {
  return 'user' in actor ? 'admin' : 'cli' in actor ? 'cli' : 'schedule'
}

/** The campaign; with an actor (the admin), only for those who may send. */
export async function getCampaign(payload: Payload, id: Id, actor?: CampaignActor): Promise<CampaignDoc> {
  if (actor) assertMayAct(actor)
  try {
    return await payload.findByID({ collection: 'campaigns', id, depth: 0, overrideAccess: true })
  } catch {
    throw new CampaignError('not-found', `No campaign ${id}.`)
  }
}

async function issueOf(payload: Payload, campaign: CampaignDoc): Promise<Issue> {
  const id = idOf(campaign.issue as Id | Issue)
  if (id === undefined) throw new CampaignError('not-found', 'The campaign has no issue.')
  return payload.findByID({ collection: 'issues', id, depth: 0, draft: true, overrideAccess: true })
}

export async function findIssueBySlug(payload: Payload, slug: string): Promise<Issue> {
  const { docs } = await payload.find({ collection: 'issues', where: { slug: { equals: slug } }, depth: 0, draft: true, limit: 1, overrideAccess: true })
  if (!docs[0]) throw new CampaignError('not-found', `No issue with the slug "${slug}".`)
  return docs[0]
}

// --- before sending -------------------------------------------------------------------

export interface Readiness {
  issue: { id: Id; slug: string; title: string; published: boolean }
  preflight: PreflightReport
  /** Confirmed subscribers now: who would get it if it started this moment. */
  audienceEstimate: number
  ok: boolean
  problems: string[]
  /** What does not stop the sending but the editor should know, e.g. a footer without a postal address. */
  warnings: string[]
}

/** The bulk-mail laws of some countries (e.g. CAN-SPAM in the US) ask for the sender's postal address. */
export const NO_POSTAL_ADDRESS_WARNING =
  'The publication settings have no postal address: the newsletter footer will print none, and the bulk-mail law of some countries (e.g. CAN-SPAM in the US) asks for one. Add it under Settings › Publication settings.'

/**
 * Whether the issue may be sent: published, and its published version passes the email's
 * checks (src/render/email/checks.ts: the model's, none of print's).
 */
export async function campaignReadiness(payload: Payload, issue: Issue): Promise<Readiness> {
  const published = await payload.find({
    collection: 'issues',
    where: { and: [{ id: { equals: issue.id } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  const isPublished = published.docs.length > 0
  let preflight: PreflightReport = { slug: issue.slug, ok: true, errors: [], warnings: [] }
  const warnings: string[] = []
  if (isPublished) {
    try {
      const { model, brokenReferences } = await assembleIssue(payload, issue.slug, { draft: false })
      preflight = reportOf(issue.slug, checkIssueForEmail(model, { brokenReferences }))
      if (!model.publisher.postalAddress?.trim()) warnings.push(NO_POSTAL_ADDRESS_WARNING)
    } catch (error) {
      if (!(error instanceof IssueNotFoundError)) throw error
    }
  }
  const { totalDocs } = await payload.count({ collection: 'subscribers', where: { status: { equals: 'confirmed' } }, overrideAccess: true })
  const problems: string[] = []
  if (!isPublished) problems.push(`The issue "${issue.title}" is not published: publish it before sending it to subscribers.`)
  if (!preflight.ok) problems.push(`Preflight found ${preflight.errors.length} error(s) in the published issue: fix them first.`)
  return {
    issue: { id: issue.id, slug: issue.slug, title: issue.title, published: isPublished },
    preflight,
    audienceEstimate: totalDocs,
    ok: problems.length === 0,
    problems,
    warnings,
  }
}

async function assertReady(payload: Payload, issue: Issue): Promise<Readiness> {
  const readiness = await campaignReadiness(payload, issue)
  if (!readiness.issue.published) throw new CampaignError('not-published', readiness.problems[0])
  if (!readiness.preflight.ok) {
    const lines = readiness.preflight.errors.map((e) => `  - ${e.where}: ${e.message}`).join('\n')
    throw new CampaignError('preflight', `${readiness.problems.find((p) => p.startsWith('Preflight'))}\n${lines}`, readiness.preflight)
  }
  return readiness
}

async function assertNoOtherActive(payload: Payload, campaign: CampaignDoc): Promise<void> {
  const { docs } = await payload.find({
    collection: 'campaigns',
    where: {
      and: [
        { issue: { equals: idOf(campaign.issue as Id | Issue) } },
        { id: { not_equals: campaign.id } },
        { status: { in: ['scheduled', 'sending', 'paused'] } },
      ],
    },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  if (docs[0]) {
    throw new CampaignError('state', `Another campaign of this issue ("${docs[0].name}") is ${docs[0].status}: finish or cancel it first.`)
  }
}

// --- creating and starting ------------------------------------------------------------

export async function createCampaign(
  payload: Payload,
  input: { issue: Id; policy?: DeliveryPolicy; name?: string },
  actor: CampaignActor,
): Promise<CampaignDoc> {
  assertMayAct(actor)
  return payload.create({
    collection: 'campaigns',
    data: { issue: input.issue as number, policy: input.policy ?? 'at-least-once', name: input.name, status: 'draft' },
    overrideAccess: true,
  })
}

/** The issue's newest campaign, if any. */
export async function latestCampaignOfIssue(payload: Payload, issueId: Id): Promise<CampaignDoc | undefined> {
  const { docs } = await payload.find({
    collection: 'campaigns',
    where: { issue: { equals: issueId } },
    sort: '-createdAt',
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  return docs[0]
}

export interface StartOptions {
  actor: CampaignActor
  /** Sending is never implicit: the caller must say yes. */
  confirm: boolean
  /** Queue a job for the workers (default). The CLI runs the campaign itself instead. */
  queue?: boolean
}

/**
 * Starts sending now: checks, freezes the message with its content hash, records who and
 * when, and hands the campaign to the workers.
 */
export async function startCampaign(payload: Payload, id: Id, options: StartOptions): Promise<CampaignDoc> {
  assertMayAct(options.actor)
  if (!options.confirm) throw new CampaignError('confirm', 'Sending needs an explicit confirmation.')
  const campaign = await getCampaign(payload, id)
  if (campaign.status !== 'draft' && campaign.status !== 'scheduled') {
    throw new CampaignError('state', `The campaign is ${campaign.status}; only a draft or scheduled campaign can start.`)
  }
  const issue = await issueOf(payload, campaign)
  await assertReady(payload, issue)
  await assertNoOtherActive(payload, campaign)
  const startedAt = new Date()
  const { snapshot, contentHash } = await freezeCampaignMessage(payload, issue.slug, startedAt)
  const user = 'user' in options.actor ? options.actor.user : undefined
  // Conditional: of two starts at once, one wins.
  const started = await payload.db.updateOne({
    collection: 'campaigns',
    where: { and: [{ id: { equals: id } }, { status: { in: ['draft', 'scheduled'] } }] },
    data: {
      status: 'sending',
      startedAt: startedAt.toISOString(),
      startedBy: user?.id ?? null,
      startedVia: via(options.actor),
      message: { subject: snapshot.subject, contentHash, snapshot },
      audience: { frozen: false, size: null, alreadySent: 0, cursor: null, frozenAt: null },
      counts: emptyCounts(),
      lastError: null,
    },
    options: { atomic: true },
  })
  if (!started) throw new CampaignError('state', 'The campaign was started or cancelled by someone else just now.')
  await recordAuditAfter(payload, user, {
    action: 'campaignStarted',
    collection: 'campaigns',
    documentId: id,
    title: campaign.name ?? issue.title,
    from: campaign.status,
    to: 'sending',
    actor: user ?? `the ${via(options.actor) === 'cli' ? 'command line' : via(options.actor)}`,
    details: { issue: issue.id, issueSlug: issue.slug, subject: snapshot.subject, contentHash, via: via(options.actor) },
  })
  if (options.queue ?? true) await queueSend(payload, id)
  payload.logger.info({ msg: `Campaign ${id} ("${campaign.name}") started via ${via(options.actor)}${user ? ` by ${user.email}` : ''}; content ${contentHash.slice(0, 12)}` })
  return getCampaign(payload, id)
}

export async function queueSend(payload: Payload, id: Id): Promise<void> {
  await payload.jobs.queue({ task: 'sendCampaign', input: { campaign: String(id) }, queue: CAMPAIGN_QUEUE })
}

/** Start later: the worker starts it when the time comes (checks run again then). */
export async function scheduleCampaign(payload: Payload, id: Id, at: Date, options: StartOptions): Promise<CampaignDoc> {
  assertMayAct(options.actor)
  if (!options.confirm) throw new CampaignError('confirm', 'Scheduling a send needs an explicit confirmation.')
  if (!(at.getTime() > Date.now())) throw new CampaignError('state', 'Pick a time in the future.')
  const campaign = await getCampaign(payload, id)
  if (campaign.status !== 'draft' && campaign.status !== 'scheduled') {
    throw new CampaignError('state', `The campaign is ${campaign.status}; only a draft can be scheduled.`)
  }
  await assertReady(payload, await issueOf(payload, campaign))
  await assertNoOtherActive(payload, campaign)
  const updated = await payload.db.updateOne({
    collection: 'campaigns',
    where: { and: [{ id: { equals: id } }, { status: { in: ['draft', 'scheduled'] } }] },
    data: { status: 'scheduled', scheduledAt: at.toISOString() },
    options: { atomic: true },
  })
  if (!updated) throw new CampaignError('state', 'The campaign changed just now; reload it.')
  await payload.jobs.queue({ task: 'startScheduledCampaign', input: { campaign: String(id) }, queue: CAMPAIGN_QUEUE, waitUntil: at })
  return getCampaign(payload, id)
}

/**
 * A scheduled start that cannot happen (the issue unpublished, preflight errors, the issue
 * sent by another campaign): the campaign fails with the reason, for the editor's panel.
 * Conditional, so a campaign someone started meanwhile is left as it is.
 */
export async function failScheduledStart(payload: Payload, id: Id, reason: string): Promise<CampaignDoc> {
  await payload.db.updateOne({
    collection: 'campaigns',
    where: { and: [{ id: { equals: id } }, { status: { equals: 'scheduled' } }] },
    data: { status: 'failed', lastError: `The scheduled start was refused: ${reason}` },
    options: { atomic: true },
  })
  return getCampaign(payload, id)
}

async function transition(payload: Payload, id: Id, from: CampaignStatus[], to: CampaignStatus, actor: CampaignActor, extra: Record<string, unknown> = {}): Promise<CampaignDoc> {
  assertMayAct(actor)
  const campaign = await getCampaign(payload, id)
  if (!from.includes(campaign.status as CampaignStatus)) {
    throw new CampaignError('state', `The campaign is ${campaign.status}; it cannot be ${to === 'sending' ? 'resumed' : to} from there.`)
  }
  const updated = await payload.db.updateOne({
    collection: 'campaigns',
    where: { and: [{ id: { equals: id } }, { status: { in: from } }] },
    data: { status: to, ...extra },
    options: { atomic: true },
  })
  if (!updated) throw new CampaignError('state', 'The campaign changed just now; reload it.')
  const who = 'user' in actor ? actor.user?.email : via(actor)
  payload.logger.info({ msg: `Campaign ${id}: ${campaign.status} -> ${to} (${who})` })
  return getCampaign(payload, id)
}

/** Workers stop claiming; messages already with the server finish and are recorded. */
export function pauseCampaign(payload: Payload, id: Id, actor: CampaignActor): Promise<CampaignDoc> {
  return transition(payload, id, ['sending'], 'paused', actor)
}

export async function resumeCampaign(payload: Payload, id: Id, actor: CampaignActor, options: { queue?: boolean } = {}): Promise<CampaignDoc> {
  const campaign = await transition(payload, id, ['paused'], 'sending', actor)
  if (options.queue ?? true) await queueSend(payload, id)
  return campaign
}

/** Nothing more is sent; deliveries not yet sent stay in the ledger as they are. */
export function cancelCampaign(payload: Payload, id: Id, actor: CampaignActor): Promise<CampaignDoc> {
  return transition(payload, id, ['draft', 'scheduled', 'sending', 'paused'], 'cancelled', actor, { finishedAt: new Date().toISOString() })
}

/**
 * The editor's decision on "unknown" deliveries (at-most-once, in flight at a crash): send
 * them again (same Message-ID). The campaign goes back to sending if it had finished.
 */
export async function resendUnknown(payload: Payload, id: Id, actor: CampaignActor, options: { queue?: boolean } = {}): Promise<{ requeued: number; campaign: CampaignDoc }> {
  assertMayAct(actor)
  const campaign = await getCampaign(payload, id)
  if (!['sending', 'paused', 'sent'].includes(campaign.status)) {
    throw new CampaignError('state', `The campaign is ${campaign.status}; there is nothing to resend.`)
  }
  const { totalDocs } = await payload.db.count({ collection: 'deliveries', where: { and: [{ campaign: { equals: id } }, { status: { equals: 'unknown' } }] } })
  if (totalDocs === 0) return { requeued: 0, campaign }
  await payload.db.updateMany({
    collection: 'deliveries',
    where: { and: [{ campaign: { equals: id } }, { status: { equals: 'unknown' } }] },
    data: { status: 'queued', leaseOwner: null, leaseUntil: null, response: 'Sent again at the editor\'s request (it was unknown).' },
    returning: false,
  })
  if (campaign.status === 'sent') {
    await payload.db.updateOne({ collection: 'campaigns', where: { and: [{ id: { equals: id } }, { status: { equals: 'sent' } }] }, data: { status: 'sending', finishedAt: null }, options: { atomic: true } })
  }
  const updated = await getCampaign(payload, id)
  if (updated.status === 'sending' && (options.queue ?? true)) await queueSend(payload, id)
  return { requeued: totalDocs, campaign: updated }
}

// --- status ---------------------------------------------------------------------------

export interface DeliveryProblem {
  id: Id
  email: string
  status: DeliveryStatus
  attempts: number
  response: string
  responseCode?: number
  nextAttemptAt?: string
  at?: string
}

export interface CampaignStatusReport {
  id: Id
  name: string
  issue: { id: Id; slug: string; title: string }
  status: CampaignStatus
  policy: DeliveryPolicy
  scheduledAt?: string
  startedAt?: string
  startedVia?: string
  startedBy?: string
  finishedAt?: string
  subject?: string
  contentHash?: string
  audience: { frozen: boolean; size?: number; alreadySent: number }
  counts: DeliveryCounts
  /** Deliveries with a final outcome / all deliveries: the progress bar. */
  progress: { settled: number; total: number; fraction: number }
  /** A worker reported in the last 15 seconds. */
  workerActive: boolean
  workerSeenAt?: string
  lastError?: string
  /** Bounced, failed, unknown and deferred deliveries, with the server's words. */
  problems: DeliveryProblem[]
  problemsTotal: number
}

export const PROBLEM_STATUSES: DeliveryStatus[] = ['bounced', 'failed', 'unknown', 'deferred']

export async function campaignStatus(
  payload: Payload,
  id: Id,
  options: { problems?: number; problemsPage?: number; actor?: CampaignActor } = {},
): Promise<CampaignStatusReport> {
  if (options.actor) assertMayAct(options.actor)
  const { docs } = await payload.db.find({
    collection: 'campaigns',
    where: { id: { equals: id } },
    limit: 1,
    pagination: false,
    select: {
      name: true, issue: true, status: true, policy: true, scheduledAt: true, startedAt: true, startedVia: true, startedBy: true,
      finishedAt: true, audience: true, workerSeenAt: true, lastError: true, message: { subject: true, contentHash: true },
    },
  })
  const campaign = docs[0] as unknown as CampaignDoc | undefined
  if (!campaign) throw new CampaignError('not-found', `No campaign ${id}.`)
  const issueId = idOf(campaign.issue as Id | Issue) as Id
  const issue = await payload.findByID({ collection: 'issues', id: issueId, depth: 0, draft: true, overrideAccess: true, select: { slug: true, title: true } })
  const startedById = idOf(campaign.startedBy as Id | User | null | undefined)
  const startedBy = startedById !== undefined
    ? await payload.findByID({ collection: 'users', id: startedById, depth: 0, overrideAccess: true, select: { email: true } }).then((u) => u.email).catch(() => undefined)
    : undefined
  const ledger = new Ledger(payload, id)
  const counts = await ledger.counts()
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  const settled = counts.accepted + counts.bounced + counts.failed + counts.unknown + counts.skipped
  const limit = options.problems ?? 50
  const page = Math.max(1, options.problemsPage ?? 1)
  const problems = await payload.db.find({
    collection: 'deliveries',
    where: { and: [{ campaign: { equals: id } }, { status: { in: PROBLEM_STATUSES } }] },
    limit,
    page,
    sort: '-updatedAt',
    select: { email: true, status: true, attempts: true, response: true, responseCode: true, nextAttemptAt: true, lastAttemptAt: true },
  })
  const seen = campaign.workerSeenAt ? new Date(campaign.workerSeenAt).getTime() : 0
  const snapshotless = campaign.message as { subject?: string | null; contentHash?: string | null } | undefined
  return {
    id,
    name: campaign.name ?? `Campaign ${id}`,
    issue: { id: issueId, slug: issue.slug, title: issue.title },
    status: campaign.status as CampaignStatus,
    policy: (campaign.policy ?? 'at-least-once') as DeliveryPolicy,
    scheduledAt: campaign.scheduledAt ?? undefined,
    startedAt: campaign.startedAt ?? undefined,
    startedVia: campaign.startedVia ?? undefined,
    startedBy,
    finishedAt: campaign.finishedAt ?? undefined,
    subject: snapshotless?.subject ?? undefined,
    contentHash: snapshotless?.contentHash ?? undefined,
    audience: { frozen: Boolean(campaign.audience?.frozen), size: campaign.audience?.size ?? undefined, alreadySent: campaign.audience?.alreadySent ?? 0 },
    counts,
    progress: { settled, total, fraction: total > 0 ? settled / total : campaign.status === 'sent' ? 1 : 0 },
    workerActive: Date.now() - seen < 15_000,
    workerSeenAt: campaign.workerSeenAt ?? undefined,
    lastError: campaign.lastError ?? undefined,
    problems: problems.docs.map((raw) => {
      const d = raw as unknown as { id: Id; email: string; status: DeliveryStatus; attempts?: number; response?: string; responseCode?: number; nextAttemptAt?: string; lastAttemptAt?: string }
      return {
        id: d.id,
        email: d.email,
        status: d.status,
        attempts: d.attempts ?? 0,
        response: d.response ?? '',
        responseCode: d.responseCode ?? undefined,
        nextAttemptAt: d.nextAttemptAt ?? undefined,
        at: d.lastAttemptAt ?? undefined,
      }
    }),
    problemsTotal: problems.totalDocs,
  }
}

/** The frozen message of a started campaign. */
export async function frozenMessageOf(payload: Payload, id: Id): Promise<FrozenCampaignMessage | undefined> {
  const campaign = await getCampaign(payload, id)
  return (campaign.message?.snapshot as FrozenCampaignMessage | undefined) ?? undefined
}
