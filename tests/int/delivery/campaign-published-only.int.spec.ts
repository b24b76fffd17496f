/**
 * Issue 15: a campaign's message holds published content only, never drafts. Drafts saved
 * after publishing (an assistant's essay title and standfirst, an editor's issue intro) stay
 * out of the frozen message and out of every copy sent; the published text is in them.
 */
import nodemailer from 'nodemailer'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createCampaign, frozenMessageOf, startCampaign } from '@/delivery/campaign'
import { runCampaign } from '@/delivery/runner'
import type { Id } from '@/ids'
import { smartQuotes } from '@/issue/smartQuotes'
import type { Essay, Issue, User } from '@/payload-types'
import { seedDemo } from '@/seed/demo'
import { addSubscribers } from '../../support/campaign'
import { startTestPayload, type TestPayload } from '../../support/payload'
import { startSmtpSink, type SmtpSink } from '../../support/smtpSink'

const DRAFT_TITLE = 'Zebra Draft Title Not Yet Published'
const DRAFT_STANDFIRST = 'Zebra draft standfirst that only the committee has seen.'
const DRAFT_INTRO = 'Zebra draft intro from the editor, not published.'

let t: TestPayload
let payload: Payload
let sink: SmtpSink
let essay: Essay
let issue: Issue
let campaign: Id

const user = async (email: string) => (await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0 })).docs[0] as User

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  sink = await startSmtpSink()
  await seedDemo(payload)
  await addSubscribers(payload, 3)
  essay = (await payload.find({ collection: 'essays', where: { slug: { equals: 'festivals-of-the-mekong' } }, depth: 0, limit: 1 })).docs[0]
  issue = (await payload.find({ collection: 'issues', where: { slug: { equals: 'demo' } }, depth: 0, limit: 1 })).docs[0]
  expect([essay._status, issue._status]).toEqual(['published', 'published'])

  // After publishing: the assistant drafts a new title and standfirst, the editor a new intro.
  const assistant = await user('assistant@demo.bulletin.test')
  const editor = await user('editor@demo.bulletin.test')
  await payload.update({ collection: 'essays', id: essay.id, data: { title: DRAFT_TITLE, standfirst: DRAFT_STANDFIRST }, draft: true, depth: 0, user: assistant, overrideAccess: false })
  await payload.update({ collection: 'issues', id: issue.id, data: { editorsIntro: DRAFT_INTRO }, draft: true, depth: 0, user: editor, overrideAccess: false })

  campaign = (await createCampaign(payload, { issue: issue.id }, { user: editor })).id
  await startCampaign(payload, campaign, { actor: { user: editor }, confirm: true, queue: false })
}, 180_000)

afterAll(async () => {
  await sink?.close()
  await t?.close()
})

describe('a campaign started while drafts are pending', () => {
  it('freezes the published content only', async () => {
    const frozen = await frozenMessageOf(payload, campaign)
    expect(frozen).toBeDefined()
    const everything = JSON.stringify(frozen)
    for (const draft of [DRAFT_TITLE, DRAFT_STANDFIRST, DRAFT_INTRO]) expect(everything).not.toContain(draft)
    const essays = frozen!.model.sections.flatMap((s) => (s.kind === 'essays' ? s.essays : []))
    expect(essays.find((e) => e.id === String(essay.id))).toMatchObject({ title: essay.title, standfirst: essay.standfirst })
    // The published intro, with the typographic quotes the model gives all text.
    expect(frozen!.model.editorsIntro).toBe(smartQuotes(issue.editorsIntro ?? ''))
    expect(frozen!.text).toContain(essay.title)
    expect(frozen!.html).toContain(essay.title)
  })

  it('sends every reader the published text, never the drafts', async () => {
    const result = await runCampaign(payload, campaign, {
      transport: nodemailer.createTransport(sink.transportOptions({ maxConnections: 1 })),
      settings: { retryBaseMs: 20, retryMaxMs: 100, batchSize: 10, connections: 1, maxAttempts: 3, leaseMs: 3000 },
      pollMs: 50,
    })
    expect(result.status).toBe('sent')
    expect(sink.messages.map((m) => m.envelope.rcptTo[0]).sort()).toEqual(['r00001@example.test', 'r00002@example.test', 'r00003@example.test'])
    for (const message of sink.messages) {
      const { text, html, subject } = message.parsed
      for (const part of [text ?? '', html || '', subject ?? '']) {
        for (const draft of [DRAFT_TITLE, DRAFT_STANDFIRST, DRAFT_INTRO]) expect(part).not.toContain(draft)
      }
      expect(text).toContain(essay.title)
      expect(text).toContain(essay.standfirst)
    }
  })
})
