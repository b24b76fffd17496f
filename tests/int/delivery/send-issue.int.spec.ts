/**
 * sendIssue, the one decision behind `bulletin send`, the admin's "Send now" and jobs:
 * which campaign carries the issue (reuse, resume, start or create) and what becomes of
 * it. Nothing is sent here: the campaigns are started for the workers (queue) or left
 * sending for the caller, and the decision is read from the campaigns and the job queue.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CAMPAIGN_QUEUE, cancelCampaign, createCampaign, pauseCampaign, scheduleCampaign, startCampaign } from '@/delivery/campaign'
import type { Id } from '@/ids'
import { planSend, sendIssue } from '@/delivery/sendIssue'
import type { User } from '@/payload-types'
import { addSubscribers, createPublishedIssue } from '../../support/campaign'
import { startTestPayload, type TestPayload } from '../../support/payload'

let t: TestPayload
let payload: Payload
let editor: User
let assistant: User

const cli = { cli: true } as const

async function campaignsOf(issue: Id) {
  const { docs } = await payload.find({ collection: 'campaigns', where: { issue: { equals: issue } }, sort: 'createdAt', depth: 0, overrideAccess: true })
  return docs
}

async function sendJobsFor(campaign: Id): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'sendCampaign' } }, { 'input.campaign': { equals: String(campaign) } }] },
    overrideAccess: true,
  })
  return totalDocs
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  const user = async (role: User['role']) =>
    (await payload.create({ collection: 'users', data: { email: `${role}@example.org`, password: 'a-long-test-password', name: role, role }, overrideAccess: true })) as User
  editor = await user('editor')
  assistant = await user('editorialAssistant')
  await addSubscribers(payload, 3)
}, 180_000)

afterAll(async () => {
  await t?.close()
})

describe('sendIssue decides which campaign carries the issue', () => {
  it('create: an issue without a campaign gets a new one, started', async () => {
    const issue = await createPublishedIssue(payload, 'send-new')
    expect(await planSend(payload, { issue })).toEqual({ decision: 'create', issue })
    const result = await sendIssue(payload, { issue }, { actor: cli, confirm: true, queue: false, policy: 'at-most-once' })
    expect(result.decision).toBe('create')
    expect(result.campaign).toMatchObject({ status: 'sending', startedVia: 'cli', policy: 'at-most-once' })
    expect((await campaignsOf(issue)).map((c) => c.id)).toEqual([result.campaign.id])
    expect(await sendJobsFor(result.campaign.id)).toBe(0)
  })

  it('create: after a cancelled campaign a new one is made; the cancelled one stays as it is', async () => {
    const issue = await createPublishedIssue(payload, 'send-after-cancel')
    const cancelled = await createCampaign(payload, { issue }, { user: editor })
    await cancelCampaign(payload, cancelled.id, { user: editor })
    const result = await sendIssue(payload, { issue }, { actor: { user: editor }, confirm: true })
    expect(result.decision).toBe('create')
    expect(result.campaign.id).not.toBe(cancelled.id)
    expect(result.campaign).toMatchObject({ status: 'sending', startedVia: 'admin' })
    expect((await campaignsOf(issue)).map((c) => c.status)).toEqual(['cancelled', 'sending'])
    expect(await sendJobsFor(result.campaign.id)).toBe(1)
  })

  it('start: the draft campaign an editor prepared is the one started, no second one', async () => {
    const issue = await createPublishedIssue(payload, 'send-draft')
    const draft = await createCampaign(payload, { issue, name: 'Prepared in the admin' }, { user: editor })
    const result = await sendIssue(payload, { issue }, { actor: cli, confirm: true, queue: false })
    expect(result.decision).toBe('start')
    expect(result.campaign).toMatchObject({ id: draft.id, status: 'sending', name: 'Prepared in the admin' })
    expect(await campaignsOf(issue)).toHaveLength(1)
  })

  it('resume: a paused campaign sends again, the same one', async () => {
    const issue = await createPublishedIssue(payload, 'send-paused')
    const campaign = await createCampaign(payload, { issue }, { user: editor })
    const started = await startCampaign(payload, campaign.id, { actor: { user: editor }, confirm: true, queue: false })
    await pauseCampaign(payload, campaign.id, { user: editor })
    const result = await sendIssue(payload, { issue }, { actor: cli, confirm: true })
    expect(result.decision).toBe('resume')
    expect(result.campaign).toMatchObject({ id: campaign.id, status: 'sending', startedAt: started.startedAt })
    expect(await campaignsOf(issue)).toHaveLength(1)
    expect(await sendJobsFor(campaign.id)).toBe(1)
  })

  it('reuse: a campaign already sending is carried on as it is, never started again', async () => {
    const issue = await createPublishedIssue(payload, 'send-interrupted')
    const campaign = await createCampaign(payload, { issue }, { user: editor })
    const started = await startCampaign(payload, campaign.id, { actor: cli, confirm: true, queue: false })
    // No confirmation needed: nothing new is sent that was not confirmed already.
    const here = await sendIssue(payload, { issue }, { actor: cli, confirm: false, queue: false })
    expect(here.decision).toBe('reuse')
    expect(here.campaign).toMatchObject({ id: campaign.id, status: 'sending', startedAt: started.startedAt })
    expect(await sendJobsFor(campaign.id)).toBe(0)
    // Detached: the workers are asked to carry it on.
    await sendIssue(payload, { issue }, { actor: cli, confirm: false, queue: true })
    expect(await sendJobsFor(campaign.id)).toBe(1)
    expect(await campaignsOf(issue)).toHaveLength(1)
  })

  it('reuse: a sent issue is not sent again', async () => {
    const issue = await createPublishedIssue(payload, 'send-done')
    const campaign = await createCampaign(payload, { issue }, { user: editor })
    await startCampaign(payload, campaign.id, { actor: cli, confirm: true, queue: false })
    await payload.db.updateOne({ collection: 'campaigns', id: campaign.id, data: { status: 'sent' }, returning: false })
    const result = await sendIssue(payload, { issue }, { actor: cli, confirm: true })
    expect(result).toMatchObject({ decision: 'reuse', campaign: { id: campaign.id, status: 'sent' } })
    expect(await sendJobsFor(campaign.id)).toBe(0)
    expect(await campaignsOf(issue)).toHaveLength(1)
  })

  it("the admin's panel names its campaign: a draft starts, a paused one resumes", async () => {
    const issue = await createPublishedIssue(payload, 'send-panel')
    const campaign = await createCampaign(payload, { issue }, { user: editor })
    expect((await sendIssue(payload, { campaign: campaign.id }, { actor: { user: editor }, confirm: true })).decision).toBe('start')
    await pauseCampaign(payload, campaign.id, { user: editor })
    const resumed = await sendIssue(payload, { campaign: campaign.id }, { actor: { user: editor }, confirm: true })
    expect(resumed).toMatchObject({ decision: 'resume', campaign: { id: campaign.id, status: 'sending' } })
    // A campaign that is sending is not started twice from the panel.
    await expect(sendIssue(payload, { campaign: campaign.id }, { actor: { user: editor }, confirm: true })).rejects.toMatchObject({ code: 'state' })
  })
})

describe('sendIssue refuses, and leaves nothing behind', () => {
  it('without a confirmation, or for a member who may not send', async () => {
    const issue = await createPublishedIssue(payload, 'send-refused')
    await expect(sendIssue(payload, { issue }, { actor: cli, confirm: false })).rejects.toMatchObject({ code: 'confirm' })
    await expect(sendIssue(payload, { issue }, { actor: { user: assistant }, confirm: true })).rejects.toMatchObject({ code: 'not-allowed' })
    expect(await campaignsOf(issue)).toEqual([])
  })

  it('an issue that is not published: no stray draft campaign', async () => {
    const draftIssue = await payload.create({
      collection: 'issues',
      data: { title: 'Not yet', slug: 'send-unpublished', volume: 1, number: 9, quarter: '1', year: 2025, publicationDate: '2025-03-31T12:00:00.000Z', _status: 'draft' },
      overrideAccess: true,
    })
    await expect(sendIssue(payload, { issue: draftIssue.id }, { actor: cli, confirm: true })).rejects.toMatchObject({ code: 'not-published' })
    expect(await campaignsOf(draftIssue.id)).toEqual([])
  })
})

describe('the schedule goes through sendIssue, as the command line does', () => {
  /** The job scheduleCampaign queues, run as the worker runs it (this one only: others wait in the queue). */
  async function runScheduledJob(campaign: Id) {
    const job = await payload.jobs.queue({ task: 'startScheduledCampaign', input: { campaign: String(campaign) }, queue: CAMPAIGN_QUEUE })
    await payload.jobs.runByID({ id: job.id })
    return payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0, overrideAccess: true })
  }
  const campaign = (id: Id) => payload.findByID({ collection: 'campaigns', id, depth: 0, overrideAccess: true })

  it('a due schedule whose issue is already being sent reuses that campaign: nothing starts a second time', async () => {
    const issue = await createPublishedIssue(payload, 'send-scheduled-reuse')
    const scheduled = await createCampaign(payload, { issue, name: 'Scheduled' }, { user: editor })
    const sending = await createCampaign(payload, { issue, name: 'Sent now' }, { user: editor })
    await startCampaign(payload, sending.id, { actor: { user: editor }, confirm: true, queue: false })
    // Scheduled while the other was starting (two editors at once: each check passed before
    // the other's write), and its time has come.
    await payload.db.updateOne({ collection: 'campaigns', id: scheduled.id, data: { status: 'scheduled', scheduledAt: new Date(Date.now() - 1000).toISOString() }, returning: false })
    // What `bulletin send` decides for this issue.
    expect(await planSend(payload, { issue })).toMatchObject({ decision: 'reuse', campaign: { id: sending.id } })

    const job = await runScheduledJob(scheduled.id)
    expect(job.hasError).toBeFalsy()
    // The job reused the campaign that is sending and carried it to its end, as the command line would.
    expect(await campaign(sending.id)).toMatchObject({ status: 'sent', startedVia: 'admin' })
    const scheduledNow = await campaign(scheduled.id)
    expect(scheduledNow.startedAt ?? undefined).toBeUndefined()
    expect(scheduledNow).toMatchObject({ status: 'failed' })
    expect(scheduledNow.lastError).toContain('"Sent now"')
    expect(await campaignsOf(issue)).toHaveLength(2)
  })

  it('a schedule whose issue is no longer published fails the campaign with the reason, and sends nothing', async () => {
    const issue = await createPublishedIssue(payload, 'send-scheduled-unpublished')
    const scheduled = await createCampaign(payload, { issue }, { user: editor })
    await scheduleCampaign(payload, scheduled.id, new Date(Date.now() + 3_600_000), { actor: { user: editor }, confirm: true })
    await payload.update({ collection: 'issues', id: issue, data: { _status: 'draft' }, overrideAccess: true })
    await payload.db.updateOne({ collection: 'campaigns', id: scheduled.id, data: { scheduledAt: new Date(Date.now() - 1000).toISOString() }, returning: false })
    const job = await runScheduledJob(scheduled.id)
    expect(job.hasError).toBeFalsy()
    const failed = await campaign(scheduled.id)
    expect(failed).toMatchObject({ status: 'failed' })
    expect(failed.lastError).toMatch(/^The scheduled start was refused: The issue .* is not published/)
    expect(failed.startedAt ?? undefined).toBeUndefined()
  })
})
