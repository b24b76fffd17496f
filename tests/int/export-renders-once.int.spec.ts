import type { Payload } from 'payload'
import { describe, expect, it, vi } from 'vitest'

import { exportIssuePdf } from '@/export/exportPdf'
import { useDemoPayload } from '../support/payload'

/**
 * Issue 14: an export sets the issue once. Preflight checks the laid-out document the export
 * is about to store, instead of rendering one of its own and throwing it away.
 */

const renders = vi.hoisted(() => ({ count: 0 }))

vi.mock('@/render/pdf', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/render/pdf')>()
  return {
    ...original,
    renderIssuePdf: (...args: Parameters<typeof original.renderIssuePdf>) => {
      renders.count += 1
      return original.renderIssuePdf(...args)
    },
  }
})

let payload: Payload

useDemoPayload((started) => {
  payload = started
})

describe('an export renders the issue once', () => {
  it('the proof: one render, checked and stored', async () => {
    renders.count = 0
    const { record, report } = await exportIssuePdf(payload, 'demo', { kind: 'proof', via: 'cli' })
    expect(renders.count).toBe(1)
    expect(report.pageCount).toBe(record.pageCount)
  })

  it('the edition: one render, checked and stored', async () => {
    renders.count = 0
    const { record, report } = await exportIssuePdf(payload, 'demo', { kind: 'edition', via: 'cli' })
    expect(renders.count).toBe(1)
    expect(report.pageCount).toBe(record.pageCount)
  })
})
