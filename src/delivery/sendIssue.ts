/**
 * "Send this issue": the one decision behind `bulletin send`, the admin's "Send now" and
 * jobs. Which campaign carries the sending, and what happens to it:
 *   reuse   the campaign is sending or has been sent: nothing is started again (an
 *           interrupted one is carried on by whoever runs it; with `queue` a worker is asked to)
 *   resume  the campaign is paused: it sends again
 *   start   a draft or scheduled campaign starts now
 *   create  the issue has no campaign, or only cancelled or failed ones: a new one is
 *           created and started
 * Starting, resuming and creating need an explicit confirmation; the checks (published,
 * preflight, no other active campaign) are the campaign service's (./campaign.ts).
 */
import type { Payload } from 'payload'

import type { Campaign } from '../payload-types'
import {
  assertMayAct,
  CampaignError,
  createCampaign,
  getCampaign,
  latestCampaignOfIssue,
  queueSend,
  resumeCampaign,
  startCampaign,
  type CampaignActor,
} from './campaign'
import type { Id } from '../ids'
import type { DeliveryPolicy } from './states'

export type SendDecision = 'reuse' | 'resume' | 'start' | 'create'

/** The issue to send (its latest campaign decides), or the campaign the admin's panel shows. */
export type SendTarget = { issue: Id } | { campaign: Id }

/** The decision and what it is about: the campaign, or for a new one the issue. */
export type SendPlan = { decision: 'create'; issue: Id } | { decision: Exclude<SendDecision, 'create'>; campaign: Campaign }

/** What sending would do now, without doing it: the command line asks its question with it. */
export async function planSend(payload: Payload, target: SendTarget): Promise<SendPlan> {
  if ('campaign' in target) {
    // A campaign named by the admin is started or resumed; any other state is refused
    // by startCampaign with its reason.
    const campaign = await getCampaign(payload, target.campaign)
    return { decision: campaign.status === 'paused' ? 'resume' : 'start', campaign }
  }
  const campaign = await latestCampaignOfIssue(payload, target.issue)
  if (!campaign || campaign.status === 'cancelled' || campaign.status === 'failed') return { decision: 'create', issue: target.issue }
  if (campaign.status === 'sending' || campaign.status === 'sent') return { decision: 'reuse', campaign }
  if (campaign.status === 'paused') return { decision: 'resume', campaign }
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

export async function sendIssue(payload: Payload, target: SendTarget, options: SendIssueOptions): Promise<SendIssueResult> {
  assertMayAct(options.actor)
  const queue = options.queue ?? true
  const plan = await planSend(payload, target)
  if (plan.decision !== 'reuse' && !options.confirm) throw new CampaignError('confirm', 'Sending needs an explicit confirmation.')
  switch (plan.decision) {
    case 'reuse':
      if (queue && plan.campaign.status === 'sending') await queueSend(payload, plan.campaign.id)
      return plan
    case 'resume':
      return { decision: 'resume', campaign: await resumeCampaign(payload, plan.campaign.id, options.actor, { queue }) }
    case 'start':
      return { decision: 'start', campaign: await startCampaign(payload, plan.campaign.id, { actor: options.actor, confirm: true, queue }) }
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
