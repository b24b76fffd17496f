/**
 * The Payload job tasks of campaign delivery, run by `npm run worker` (src/jobs/worker.ts).
 * They call the same services as the admin and the CLI. A job is only the trigger: the
 * state that makes sending crash-safe is the campaign and its ledger, so a job lost with a
 * killed worker costs nothing (the worker's sweep picks the campaign up again).
 */
import type { JobsConfig, TaskConfig } from 'payload'

import { canRunJobs } from '../access/canRunJobs'
import { CAMPAIGN_QUEUE, startIfDue } from '../delivery/campaign'
import { runCampaign } from '../delivery/runner'
import { workerContext } from './context'

const campaignInput = [{ name: 'campaign', type: 'text' as const, required: true }]

/** Sends a started campaign to its end (or until it is paused or cancelled). */
export const sendCampaignTask: TaskConfig<'sendCampaign'> = {
  slug: 'sendCampaign',
  label: 'Send a campaign',
  inputSchema: campaignInput,
  retries: 0,
  handler: async ({ input, req }) => {
    await runCampaign(req.payload, input.campaign, workerContext())
    return { output: {} }
  },
}

/** Starts a scheduled campaign when its time has come, then sends it. */
export const startScheduledCampaignTask: TaskConfig<'startScheduledCampaign'> = {
  slug: 'startScheduledCampaign',
  label: 'Start a scheduled campaign',
  inputSchema: campaignInput,
  retries: 0,
  handler: async ({ input, req }) => {
    const started = await startIfDue(req.payload, input.campaign)
    if (started?.status === 'sending') await runCampaign(req.payload, input.campaign, workerContext())
    return { output: {} }
  },
}

/**
 * Payload's own queue: the scheduled publication (`schedulePublish`, added by
 * Payload when an issue's drafts have schedulePublish). Quick jobs, so the app runs them
 * itself every minute (jobs.autoRun starts only where Payload is opened with crons: the
 * Next.js app, not the command line or tests) and `npm run worker` runs them each round.
 */
export const PUBLISHING_QUEUE = 'default'

export const campaignJobs: JobsConfig = {
  tasks: [sendCampaignTask, startScheduledCampaignTask],
  autoRun: [{ cron: '* * * * *', queue: PUBLISHING_QUEUE, limit: 10 }],
  access: { run: canRunJobs, queue: canRunJobs, cancel: canRunJobs },
  deleteJobOnComplete: false,
  processingOrder: { queues: { [CAMPAIGN_QUEUE]: 'createdAt' } },
}
