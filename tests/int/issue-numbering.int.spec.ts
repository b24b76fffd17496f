import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { assembleIssue } from '@/issue/assemble'
import { exportIssuePdf } from '@/export/exportPdf'
import type { User } from '@/payload-types'
import { renderNewsletter } from '@/render/email'
import { seedDemo } from '@/seed/demo'
import { demoUsers } from '@/seed/demoContent'
import { startTestPayload, type TestPayload } from '../support/payload'
import { pdftotext } from '../unit/pdf/pdfTools'

/**
 * Many issues print no volume and number. An editor's save without them is accepted, so
 * the export, the email and the web edition must work without them and print only what is given.
 */

let t: TestPayload
let payload: Payload
const users: Partial<Record<User['role'], User>> = {}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  await seedDemo(payload)
  for (const { email, role } of demoUsers) {
    users[role] = (await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1 })).docs[0]
  }
}, 300_000)

afterAll(async () => t?.close())

async function saveNumbering(volume: number | null, number: number | null): Promise<void> {
  const issue = (await payload.find({ collection: 'issues', where: { slug: { equals: 'demo' } }, depth: 0, limit: 1 })).docs[0]
  await payload.update({ collection: 'issues', id: issue.id, data: { volume, number }, user: users.editor, overrideAccess: false })
}

describe('an issue without volume and number', () => {
  it('exports after a save without them, printing the period and the quarter only', async () => {
    await saveNumbering(null, null)
    const { pdf, report } = await exportIssuePdf(payload, 'demo', { user: users.productionEditor, via: 'admin', kind: 'proof' })
    expect(report.errors).toEqual([])
    const file = path.join(t.dir, 'no-numbering.pdf')
    fs.writeFileSync(file, pdf)
    const text = pdftotext(file)
    expect(text).not.toMatch(/\bVol(ume|\.)\s*(\d|undefined|null)|\bNo\.\s*(\d|undefined|null)|\bNumber\s+(\d|undefined|null)/)
    expect(pdftotext(file, 1)).toContain('SECOND QUARTER 2024')

    const { model } = await assembleIssue(payload, 'demo')
    const base = 'http://localhost:3000'
    const links = { publicUrl: base, issueUrl: `${base}/issues/demo`, pdfUrl: `${base}/issues/demo/pdf`, chronologyUrl: `${base}/issues/demo#chronology`, unsubscribeUrl: `${base}/u?t=x` }
    const { text: email } = await renderNewsletter(model, { email: 'reader@example.org' }, links)
    expect(email).toContain('April–June 2024 · Second Quarter')
    expect(email).not.toMatch(/Volume|undefined/)
  })

  it('prints only the part that is given', async () => {
    await saveNumbering(12, null)
    const { pdf } = await exportIssuePdf(payload, 'demo', { user: users.productionEditor, via: 'admin', kind: 'proof' })
    const file = path.join(t.dir, 'volume-only.pdf')
    fs.writeFileSync(file, pdf)
    const first = pdftotext(file, 1)
    expect(first).toContain('Volume 12')
    expect(first).not.toMatch(/Number|undefined|null/)
  })
})
