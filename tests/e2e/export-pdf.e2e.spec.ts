import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoUsers } from '@/seed/demoContent'
import { artifactPath, exportFromPrintTab, launchBrowser, loginAs } from '../support/browser'
import { startNextDev, type NextServer } from '../support/nextServer'

/**
 * The production editor's job in a real browser: open the demo issue, run preflight,
 * export the PDF, download it, and find it listed with the issue's earlier exports.
 */

let server: NextServer
let browser: Awaited<ReturnType<typeof launchBrowser>>

beforeAll(async () => {
  server = await startNextDev()
  browser = await launchBrowser()
  expect((await fetch(`${server.url}/admin/login`)).status).toBe(200)
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('exporting the print PDF from the admin', () => {
  it('the production editor runs preflight, exports and downloads the PDF', async () => {
    const page = await loginAs(browser.context, server.url, demoUsers.find((u) => u.role === 'productionEditor')!)

    const issues = (await page.evaluate(async () => (await fetch('/api/issues?where[slug][equals]=demo&depth=0')).json())) as {
      docs: Array<{ id: number | string }>
    }
    await page.goto(`${server.url}/admin/collections/issues/${issues.docs[0].id}/print`)
    const file = path.join(server.dir, 'downloaded.pdf')
    const text = await exportFromPrintTab(page, { file, preflightShot: 'export-preflight.png', waitMs: 120_000, preflightMs: 120_000 })
    expect(text).toContain('IN THIS ISSUE')
    expect(text).toContain('Festivals of the Mekong')
    expect(fs.statSync(file).size).toBeGreaterThan(50_000)

    // The demo is published, so the tab exported its edition; readers download it from the
    // web edition, without signing in.
    const reader = await fetch(`${server.url}/issues/demo/pdf`)
    expect(reader.status).toBe(200)
    expect(reader.headers.get('content-type')).toMatch(/application\/pdf/)
    expect(Buffer.from(await reader.arrayBuffer()).equals(fs.readFileSync(file))).toBe(true)

    // A proof exported after it (latest drafts) stays with the committee: readers still get
    // the edition, and the proof's own file is refused to them.
    const proof = await page.evaluate(async (issue) => {
      const response = await fetch('/api/issue-exports/export', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ issue, kind: 'proof' }),
      })
      return { status: response.status, body: (await response.json()) as { export?: { url: string; kind: string } } }
    }, issues.docs[0].id)
    expect(proof.status).toBe(200)
    expect(proof.body.export?.kind).toBe('proof')
    const again = await fetch(`${server.url}/issues/demo/pdf`)
    expect(Buffer.from(await again.arrayBuffer()).equals(fs.readFileSync(file))).toBe(true)
    const proofUrl = new URL(proof.body.export!.url, server.url)
    expect((await fetch(proofUrl)).status).toBeGreaterThanOrEqual(400)

    await page.reload()
    const history = page.getByTestId('export-history')
    await history.waitFor({ timeout: 60_000 })
    expect(await history.innerText()).toMatch(/Ms Priya Raman/)
    await page.screenshot({ path: artifactPath('export-done.png'), fullPage: true })
    await page.close()
  }, 300_000)

  it('the editorial assistant sees no export button and the API refuses the export', async () => {
    const page = await loginAs(browser.context, server.url, demoUsers.find((u) => u.role === 'editorialAssistant')!)
    const status = await page.evaluate(async () => {
      const issues = (await (await fetch('/api/issues?where[slug][equals]=demo&depth=0')).json()) as { docs: Array<{ id: number }> }
      const response = await fetch('/api/issue-exports/export', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ issue: issues.docs[0].id }),
      })
      return response.status
    })
    expect(status).toBe(403)
    await page.close()
  }, 120_000)
})
