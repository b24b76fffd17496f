import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoUsers } from '@/seed/demoContent'
import { apiFrom, artifactPath, launchBrowser, loginAs } from '../support/browser'
import { startNextDev, type NextServer } from '../support/nextServer'

/**
 * The editorial assistant imports the April 2024 chronology into the demo issue through
 * the admin: from the issue to "Import chronology", paste, preview, import, and the entries
 * are there. Then a document with a mistake: the line is left out and the rest imported.
 */

const APRIL = fs.readFileSync(path.resolve(process.cwd(), 'tests/fixtures/chronology-2024-04.txt'), 'utf8')

let server: NextServer
let browser: Awaited<ReturnType<typeof launchBrowser>>
let issueId: number | string

beforeAll(async () => {
  server = await startNextDev()
  browser = await launchBrowser()
  const response = await fetch(`${server.url}/admin/login`)
  expect(response.status).toBe(200)
  const issues = (await (await fetch(`${server.url}/api/issues?where[slug][equals]=demo&depth=0`)).json()) as { docs: Array<{ id: number | string }> }
  issueId = issues.docs[0].id
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const login = (role: (typeof demoUsers)[number]['role']): Promise<Page> =>
  loginAs(browser.context, server.url, demoUsers.find((u) => u.role === role)!)

const api = apiFrom

async function entryCount(page: Page): Promise<number> {
  const { body } = await api<{ totalDocs: number }>(page, '/api/chronology-entries?limit=1&depth=0')
  return body.totalDocs
}

describe('importing a chronology in the admin', () => {
  it('the editorial assistant goes from the issue to Import chronology, pastes April, previews and imports', async () => {
    const page = await login('editorialAssistant')
    const before = await entryCount(page)

    await page.goto(`${server.url}/admin/collections/issues/${issueId}`)
    const link = page.getByRole('link', { name: 'Import chronology' })
    await link.first().waitFor({ timeout: 120_000 })
    await page.screenshot({ path: artifactPath('chronology-import-1-issue.png') })
    // The sidebar button (and the tab beside "Edit") lead to the view.
    await page.locator('a[href$="/import-chronology"]').last().click()
    await page.waitForURL(/\/import-chronology$/, { timeout: 120_000 })
    const textarea = page.locator('textarea#chronology-import-text')
    await textarea.waitFor({ timeout: 120_000 })
    await page.waitForSelector('text=Into ASEAN - Korea Relations')

    await textarea.fill(APRIL)
    await page.getByRole('button', { name: 'Preview' }).click()
    const report = page.getByTestId('chronology-import-report')
    await report.waitFor({ timeout: 60_000 })
    const rows = report.locator('tbody tr')
    expect(await rows.count()).toBe(18)
    expect(await report.locator('tbody tr', { hasText: 'New' }).count()).toBe(18)
    // Day cells in the house style, from the stored dates.
    expect(await report.locator('tr[data-line="5"] td').nth(1).innerText()).toContain('3rd–4th')
    expect(await report.locator('tr[data-line="16"] td').nth(1).innerText()).toContain('23rd–26th')
    expect(await report.innerText()).toContain('0 warnings, 0 errors')
    await page.screenshot({ path: artifactPath('chronology-import-2-preview.png'), fullPage: true })
    expect(await entryCount(page)).toBe(before)

    await page.getByRole('button', { name: 'Import 18 entries' }).click()
    await page.waitForSelector('text=Imported: 18 added, 0 updated, 0 unchanged', { timeout: 60_000 })
    expect(await report.locator('tbody tr', { hasText: 'Added' }).count()).toBe(18)
    await page.screenshot({ path: artifactPath('chronology-import-3-imported.png'), fullPage: true })
    expect(await entryCount(page)).toBe(before + 18)

    // A second preview of the same text finds nothing new.
    await textarea.fill(`${APRIL}\n`)
    await page.getByRole('button', { name: 'Preview' }).click()
    await page.waitForSelector('button:has-text("Nothing to import")', { timeout: 60_000 })
    expect(await report.locator('tbody tr', { hasText: 'Unchanged' }).count()).toBe(18)

    // The entries are in the chronology's list, one row each.
    await page.getByTestId('chronology-entries-link').click()
    await page.waitForURL(/collections\/chronology-entries/, { timeout: 120_000 })
    const listRows = page.locator('.collection-list .table tbody tr')
    await listRows.first().waitFor({ timeout: 120_000 })
    expect(await listRows.count()).toBe(before + 18)
    await page.locator('.collection-list .table tbody tr', { hasText: 'ASEAN - Korea Relations' }).first().waitFor({ timeout: 60_000 })
    await page.screenshot({ path: artifactPath('chronology-import-4-entries.png'), fullPage: false })
    await page.close()
  }, 420_000)

  it('a line with an error blocks the import until it is left out', async () => {
    const page = await login('editorialAssistant')
    const before = await entryCount(page)
    await page.goto(`${server.url}/admin/collections/issues/${issueId}/import-chronology`)
    const textarea = page.locator('textarea#chronology-import-text')
    await textarea.waitFor({ timeout: 120_000 })
    await textarea.fill(
      [
        'June 2024',
        '29th June -4th July\tThe Philippine Navy hosted Korean cadets on a training cruise from Manila to Cebu.',
        '31st\tThe Korea Centre held its mid-year reception.',
        '---------',
      ].join('\n'),
    )
    await page.getByRole('button', { name: 'Preview' }).click()
    await page.getByTestId('chronology-import-report').waitFor({ timeout: 60_000 })
    const importButton = page.getByRole('button', { name: 'Import 1 entry' })
    expect(await importButton.isDisabled()).toBe(true)
    expect(await page.locator('tr[data-line="2"] td').nth(1).innerText()).toContain('29th June – 4th July')
    await page.screenshot({ path: artifactPath('chronology-import-5-error.png'), fullPage: true })

    await page.getByLabel('Leave out line 3').check()
    expect(await importButton.isDisabled()).toBe(false)
    await importButton.click()
    await page.waitForSelector('text=Imported: 1 added', { timeout: 60_000 })
    await page.screenshot({ path: artifactPath('chronology-import-6-left-out.png'), fullPage: true })
    expect(await entryCount(page)).toBe(before + 1)
    await page.close()
  }, 300_000)

  it('the production editor has no import tab and the endpoint refuses them', async () => {
    const page = await login('productionEditor')
    await page.goto(`${server.url}/admin/collections/issues/${issueId}`)
    await page.waitForSelector('text=Korea Bulletin, April–June 2024', { timeout: 120_000 })
    expect(await page.locator('a[href$="/import-chronology"]').count()).toBe(0)
    const response = await api<{ error: string }>(page, `/api/issues/${issueId}/import-chronology`, {
      method: 'POST',
      body: JSON.stringify({ text: APRIL, dryRun: true }),
    })
    expect(response.status).toBe(403)
    await page.close()
  }, 300_000)
})
