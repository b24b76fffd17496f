import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { liveProof, nextLiveProof } from '@/export/proof'
import type { Issue, User } from '@/payload-types'
import { createMembers, useDemoPayload } from '../support/payload'

/**
 * The Proof tab asks for the proof that follows the one it shows (nextLiveProof): the answer
 * comes as soon as a save changes the issue, not at the tab's next check. Saves are made as
 * the committee makes them (Local API, a real user, overrideAccess: false).
 */

let payload: Payload
let members: Record<'production' | 'editor', User>
let issue: { id: string; slug: string }
let firstEssay: number | string

useDemoPayload(async (started) => {
  payload = started
  members = await createMembers(payload, { production: 'productionEditor', editor: 'editor' })
  const found = (await payload.find({ collection: 'issues', where: { slug: { equals: 'demo' } }, draft: true, depth: 0 })).docs[0] as Issue
  issue = { id: String(found.id), slug: found.slug }
  const essays = found.sections?.find((s) => s.blockType === 'essaysSection')
  const first = essays && 'essays' in essays ? essays.essays?.[0] : undefined
  if (first === undefined || first === null) throw new Error('The demo issue has an essay')
  firstEssay = typeof first === 'object' ? first.id : first
})

const saveStandfirst = (standfirst: string) =>
  payload.update({ collection: 'essays', id: firstEssay, data: { standfirst }, draft: true, user: members.editor, overrideAccess: false })

describe('the live proof after a save', () => {
  it('answers with the changed proof as soon as an essay of the issue is saved', async () => {
    const shown = await liveProof(payload, issue, { user: members.production })
    // Far longer than the test takes when the save wakes it: a missed save answers "unchanged" only after this.
    const next = nextLiveProof(payload, issue, { user: members.production, since: shown.hash, waitMs: 60_000 })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await saveStandfirst('Proofed at once: the standfirst as the editor saved it.')
    const proof = await next
    expect(proof.hash).not.toBe(shown.hash)
    expect(String(proof.changed?.id)).toBe(String(firstEssay))
  }, 120_000)

  it('answers with the same proof when a save changes nothing the issue prints', async () => {
    const shown = await liveProof(payload, issue, { user: members.production })
    const next = nextLiveProof(payload, issue, { user: members.production, since: shown.hash, waitMs: 1_500 })
    // An author no essay of the issue names.
    await payload.create({ collection: 'authors', data: { name: 'A contributor of another issue' }, user: members.editor, overrideAccess: false })
    expect((await next).hash).toBe(shown.hash)
  }, 60_000)
})
