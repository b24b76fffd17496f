import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { campaignReadiness } from '@/delivery/campaign'
import { preflightIssue } from '@/export/preflight'
import type { Issue } from '@/payload-types'
import { useDemoPayload } from '../support/payload'

/**
 * Issue 13: campaign readiness has its own email checks. A character the print fonts lack
 * blocks the print PDF, not the newsletter: the reader's mail client sets it in its own fonts.
 */

let payload: Payload
let issue: Issue

useDemoPayload(async (started) => {
  payload = started
  const essay = (await payload.find({ collection: 'essays', sort: 'id', limit: 1, depth: 0 })).docs[0]
  // A rocket: in no bulletin font (Noto Serif, Noto Sans, Noto Sans KR).
  await payload.update({ collection: 'essays', id: essay.id, data: { title: `${essay.title} 🚀`, _status: 'published' } })
  issue = (await payload.find({ collection: 'issues', where: { slug: { equals: 'demo' } }, depth: 0, limit: 1 })).docs[0]
})

describe('a character outside the print fonts', () => {
  it('leaves the issue ready for a campaign', async () => {
    const readiness = await campaignReadiness(payload, issue)
    expect(readiness.preflight.errors).toEqual([])
    expect(readiness.problems).toEqual([])
    expect(readiness.ok).toBe(true)
  })

  it('is an error of the print preflight of the edition', async () => {
    const report = await preflightIssue(payload, 'demo', { kind: 'edition' })
    expect(report.ok).toBe(false)
    const glyphs = report.errors.filter((e) => e.code === 'uncovered-glyph')
    // The title is printed twice: above the essay and in the contents.
    expect(glyphs.length).toBeGreaterThan(0)
    expect(glyphs.every((e) => e.message.includes('U+1F680'))).toBe(true)
  })
})
