/**
 * The export job (src/jobs/tasks.ts): queued, run by Payload's job runner as the worker
 * runs it, it stores the PDF with the issue as made by a job; preflight errors fail the job
 * and store nothing, unless forced.
 */
import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { PUBLISHING_QUEUE, queueIssueExport } from '@/jobs/tasks'
import { useDemoPayload } from '../support/payload'

let payload: Payload

const exports = async () => (await payload.find({ collection: 'issue-exports', sort: 'createdAt', depth: 0, overrideAccess: true })).docs

async function runJob(id: number | string) {
  await payload.jobs.run({ queue: PUBLISHING_QUEUE, limit: 10 })
  return payload.findByID({ collection: 'payload-jobs', id, depth: 0, overrideAccess: true })
}

useDemoPayload((started) => {
  payload = started
})

describe('the export job', () => {
  it('exports the proof and stores it with the issue, made by a job', async () => {
    const job = await runJob(await queueIssueExport(payload, { slug: 'demo', kind: 'proof' }))
    expect(job.hasError).toBeFalsy()
    expect(job.completedAt).toBeTruthy()
    const [record] = await exports()
    expect(record).toMatchObject({ kind: 'proof', exportedVia: 'job', forced: false })
    expect(record.pageCount).toBeGreaterThanOrEqual(8)
    const output = job.log?.find((entry) => entry.taskSlug === 'exportIssuePdf')?.output
    expect(output).toEqual({ exportId: String(record.id), pageCount: record.pageCount, contentHash: record.contentHash })
    const { docs } = await payload.find({ collection: 'audit-log', where: { action: { equals: 'exported' } }, depth: 0, overrideAccess: true })
    expect(docs.map((d) => d.details)).toContainEqual(expect.objectContaining({ exportId: record.id, via: 'job' }))
  })

  it('fails on preflight errors and stores nothing; forced, it exports and says so', async () => {
    const kim = (await payload.find({ collection: 'authors', where: { name: { equals: 'KIM Minji' } }, depth: 0 })).docs[0]
    await payload.update({ collection: 'authors', id: kim.id, data: { affiliations: [] } })
    const before = (await exports()).length
    const refused = await runJob(await queueIssueExport(payload, { slug: 'demo', kind: 'proof' }))
    expect(refused.hasError).toBe(true)
    expect(JSON.stringify(refused.log)).toContain('Preflight found')
    expect(await exports()).toHaveLength(before)
    const forced = await runJob(await queueIssueExport(payload, { slug: 'demo', kind: 'proof', force: true }))
    expect(forced.hasError).toBeFalsy()
    expect((await exports()).at(-1)).toMatchObject({ exportedVia: 'job', forced: true })
  })
})
