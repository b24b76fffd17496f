/**
 * "Send this issue": the one decision behind `bulletin send`, the admin's "Send now" and
 * jobs. Which campaign carries the sending, and what happens to it:
 *   reuse   the campaign is sending or has been sent: nothing is started again (an
 *           interrupted one is carried on by whoever runs it; with `queue` a worker is asked to)
 *   resume  the campaign is paused: it sends again
 *   start   a draft or scheduled campaign starts now
 *   create  the issue has no campaign, or only cancelled or failed ones: a new one is
 *           created and started
 *   none    (the schedule) the campaign is not due yet, or no longer scheduled: nothing happens
 * Starting, resuming and creating need an explicit confirmation; the checks (published,
 * preflight, no other active campaign) are the campaign service's (./campaign.ts).
 *
 * The schedule (the worker's startScheduledCampaign job and its sweep) names its campaign and
 * acts as { schedule: true }: the campaign starts only when it is still scheduled and due,
 * and the issue is decided as `bulletin send` decides it, so an issue another campaign is
 * already sending is reused, never started a second time. A scheduled start that cannot
 * happen fails the campaign with the reason (the editor reads it on the panel) instead of
 * throwing: nobody is there to read an error.
 */
import type { Payload } from 'payload'

import type { Campaign, Issue } from '../payload-types'
import {
  assertMayAct,
  CampaignError,
  createCampaign,
  failScheduledStart,
  getCampaign,
  latestCampaignOfIssue,
  queueSend,
  resumeCampaign,
  startCampaign,
  type CampaignActor,
} from './campaign'
import { idOf, type Id } from '../ids'
import type { DeliveryPolicy } from './states'

export type SendDecision = 'reuse' | 'resume' | 'start' | 'create' | 'none'

/** The issue to send (its latest campaign decides), or the campaign the admin's panel shows. */
export type SendTarget = { issue: Id } | { campaign: Id }

/** The decision and what it is about: the campaign, or for a new one the issue. */
export type SendPlan = { decision: 'create'; issue: Id } | { decision: Exclude<SendDecision, 'create'>; campaign: Campaign }

/** What sending would do now, without doing it: the command line asks its question with it. */
export async function planSend(payload: Payload, target: SendTarget, actor?: CampaignActor): Promise<SendPlan> {
  if ('campaign' in target) {
    const campaign = await getCampaign(payload, target.campaign)
    if (actor && 'schedule' in actor) return planScheduled(payload, campaign)
    // A campaign named by the admin is started or resumed; any other state is refused
    // by startCampaign with its reason.
    return { decision: campaign.status === 'paused' ? 'resume' : 'start', campaign }
  }
  const campaign = await latestCampaignOfIssue(payload, target.issue)
  if (!campaign || campaign.status === 'cancelled' || campaign.status === 'failed') return { decision: 'create', issue: target.issue }
  if (campaign.status === 'sending' || campaign.status === 'sent') return { decision: 'reuse', campaign }
  if (campaign.status === 'paused') return { decision: 'resume', campaign }
  return { decision: 'start', campaign }
}

/** The schedule's plan: its campaign starts when due, unless the issue is already sent by another. */
async function planScheduled(payload: Payload, campaign: Campaign): Promise<SendPlan> {
  // Started by hand before its time: carried on, not started again.
  if (campaign.status === 'sending' || campaign.status === 'sent') return { decision: 'reuse', campaign }
  const due = campaign.scheduledAt !== null && campaign.scheduledAt !== undefined && new Date(campaign.scheduledAt) <= new Date()
  if (campaign.status !== 'scheduled' || !due) return { decision: 'none', campaign }
  const forIssue = await planSend(payload, { issue: idOf(campaign.issue as Id | Issue) as Id })
  if (forIssue.decision === 'reuse' && forIssue.campaign.id !== campaign.id) return forIssue
  return { decision: 'start', campaign }
}

export interface SendIssueOptions {
  actor: CampaignActor
  /** Sending is never implicit: the caller must say yes (not needed to reuse). */
  confirm: boolean
  /** For a new campaign: at-least-once (default) or at-most-once. */
  policy?: DeliveryPolicy
  /** Hand the sending to the workers (default); false when the caller runs the campaign itself. */
  queue?: boolean
}

export interface SendIssueResult {
  decision: SendDecision
  campaign: Campaign
}

/** What the checks refuse a scheduled start for; anything else is a fault the job reports. */
const REFUSALS: CampaignError['code'][] = ['not-published', 'preflight', 'state']

export async function sendIssue(payload: Payload, target: SendTarget, options: SendIssueOptions): Promise<SendIssueResult> {
  assertMayAct(options.actor)
  const queue = options.queue ?? true
  const plan = await planSend(payload, target, options.actor)
  if (plan.decision === 'none') return plan
  if (plan.decision !== 'reuse' && !options.confirm) throw new CampaignError('confirm', 'Sending needs an explicit confirmation.')
  const scheduled = 'schedule' in options.actor && 'campaign' in target ? target.campaign : undefined
  switch (plan.decision) {
    case 'reuse':
      if (scheduled !== undefined && plan.campaign.id !== scheduled) {
        const other = `campaign "${plan.campaign.name ?? plan.campaign.id}"`
        await failScheduledStart(payload, scheduled, `${other} ${plan.campaign.status === 'sent' ? 'has already sent' : 'is already sending'} this issue.`)
      }
      if (queue && plan.campaign.status === 'sending') await queueSend(payload, plan.campaign.id)
      return plan
    case 'resume':
      return { decision: 'resume', campaign: await resumeCampaign(payload, plan.campaign.id, options.actor, { queue }) }
    case 'start':
      try {
        return { decision: 'start', campaign: await startCampaign(payload, plan.campaign.id, { actor: options.actor, confirm: true, queue }) }
      } catch (error) {
        if (scheduled === undefined || !(error instanceof CampaignError) || !REFUSALS.includes(error.code)) throw error
        return { decision: 'start', campaign: await failScheduledStart(payload, scheduled, error.message) }
      }
    case 'create': {
      const created = await createCampaign(payload, { issue: plan.issue, policy: options.policy }, options.actor)
      try {
        return { decision: 'create', campaign: await startCampaign(payload, created.id, { actor: options.actor, confirm: true, queue }) }
      } catch (error) {
        // Refused (not published, preflight, another active campaign): leave no stray draft behind.
        await payload.delete({ collection: 'campaigns', id: created.id, overrideAccess: true }).catch(() => undefined)
        throw error
      }
    }
  }
}

/**
 * The schedule's entry (the startScheduledCampaign job, the worker's sweep): sendIssue as the
 * schedule, for the campaign it names. The campaign to carry on (started, reused, or failed
 * with the reason), or nothing when it is not due or no longer scheduled.
 */
export async function startIfDue(payload: Payload, id: Id): Promise<Campaign | undefined> {
  const result = await sendIssue(payload, { campaign: id }, { actor: { schedule: true }, confirm: true, queue: false })
  return result.decision === 'none' ? undefined : result.campaign
}
