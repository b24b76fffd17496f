/**
 * The Payload job tasks of campaign delivery and of PDF export, run by `npm run worker`
 * (src/jobs/worker.ts).
 * They call the same services as the admin and the CLI. A job is only the trigger: the
 * state that makes sending crash-safe is the campaign and its ledger, so a job lost with a
 * killed worker costs nothing (the worker's sweep picks the campaign up again).
 */
import type { JobsConfig, Payload, TaskConfig } from 'payload'

import { canRunJobs } from '../access/canRunJobs'
import { CAMPAIGN_QUEUE } from '../delivery/campaign'
import { runCampaign } from '../delivery/runner'
import { startIfDue } from '../delivery/sendIssue'
import type { Id } from '../ids'
import { PDF_KINDS, PDF_KIND_LABELS, isPdfKind, type PdfKind } from '../issue/pdfKind'
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

/**
 * Starts a scheduled campaign when its time has come, then sends it: sendIssue as the
 * schedule decides (src/delivery/sendIssue.ts), so an issue already being sent by another
 * campaign is carried on by that one, as `bulletin send` would.
 */
export const startScheduledCampaignTask: TaskConfig<'startScheduledCampaign'> = {
  slug: 'startScheduledCampaign',
  label: 'Start a scheduled campaign',
  inputSchema: campaignInput,
  retries: 0,
  handler: async ({ input, req }) => {
    const campaign = await startIfDue(req.payload, input.campaign)
    if (campaign?.status === 'sending') await runCampaign(req.payload, campaign.id, workerContext())
    return { output: {} }
  },
}

/**
 * Exports an issue's print PDF and stores it with the issue, as the admin button and
 * `bulletin export-pdf` do (the export is recorded as made by a job). Preflight errors fail
 * the job, with the errors as its message, unless `force`. The exporter, and with it the
 * PDF renderer, is loaded only when an export runs: every process loads this file.
 */
export const exportIssuePdfTask: TaskConfig<'exportIssuePdf'> = {
  slug: 'exportIssuePdf',
  label: 'Export the print PDF',
  inputSchema: [
    { name: 'slug', type: 'text', required: true },
    { name: 'kind', type: 'select', required: true, options: PDF_KINDS.map((value) => ({ value, label: PDF_KIND_LABELS[value] })) },
    { name: 'force', type: 'checkbox' },
  ],
  outputSchema: [
    { name: 'exportId', type: 'text', required: true },
    { name: 'pageCount', type: 'number', required: true },
    { name: 'contentHash', type: 'text', required: true },
  ],
  retries: 0,
  handler: async ({ input, req }) => {
    if (!isPdfKind(input.kind)) throw new Error(`exportIssuePdf: kind must be one of ${PDF_KINDS.join(', ')}, not "${String(input.kind)}".`)
    const { exportIssuePdf } = await import('../export/exportPdf')
    const { record } = await exportIssuePdf(req.payload, input.slug, { kind: input.kind, force: input.force ?? false, via: 'job' })
    return { output: { exportId: String(record.id), pageCount: record.pageCount, contentHash: record.contentHash } }
  },
}

/**
 * Payload's own queue: the issue's scheduled publication (`schedulePublish`, added by
 * Payload when an issue's drafts have schedulePublish). Quick jobs, so the app runs them
 * itself every minute (jobs.autoRun starts only where Payload is opened with crons: the
 * Next.js app, not the command line or tests) and `npm run worker` runs them each round.
 */
export const PUBLISHING_QUEUE = 'default'

export const campaignJobs: JobsConfig = {
  tasks: [sendCampaignTask, startScheduledCampaignTask, exportIssuePdfTask],
  autoRun: [{ cron: '* * * * *', queue: PUBLISHING_QUEUE, limit: 10 }],
  access: { run: canRunJobs, queue: canRunJobs, cancel: canRunJobs },
  deleteJobOnComplete: false,
  processingOrder: { queues: { [CAMPAIGN_QUEUE]: 'createdAt' } },
}

/**
 * Asks for an export in the background: the worker (or the app's job cron) runs it on
 * Payload's default queue; the job's output names the stored export.
 */
export async function queueIssueExport(payload: Payload, input: { slug: string; kind: PdfKind; force?: boolean }): Promise<Id> {
  const job = await payload.jobs.queue({ task: 'exportIssuePdf', input, queue: PUBLISHING_QUEUE })
  return job.id
}
