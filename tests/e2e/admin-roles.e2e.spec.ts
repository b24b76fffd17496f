import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoUsers } from '@/seed/demoContent'
import { artifactPath, launchBrowser, loginAs } from '../support/browser'
import { startNextDev, type NextServer } from '../support/nextServer'

/**
 * A new user's first hour, in a real browser: the demo loads itself into an empty
 * database, each role logs in and sees what it may see, and the editorial assistant edits
 * a draft of an essay that has a pull quote and a figure.
 */

let server: NextServer
let browser: Awaited<ReturnType<typeof launchBrowser>>

beforeAll(async () => {
  server = await startNextDev()
  browser = await launchBrowser()
  // The first request compiles the admin and loads the demo issue.
  const response = await fetch(`${server.url}/admin/login`)
  expect(response.status).toBe(200)
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function login(role: (typeof demoUsers)[number]['role']): Promise<Page> {
  const page = await loginAs(browser.context, server.url, demoUsers.find((u) => u.role === role)!)
  await page.waitForSelector('text=Essays', { timeout: 60_000 })
  return page
}

async function api(page: Page, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'include' })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }, path)
}

const linkTo = (page: Page, slug: string) => page.locator(`a[href="/admin/collections/${slug}"]`)

describe('the admin for each demo role', () => {
  it.each([
    ['editorialAssistant', false],
    ['productionEditor', false],
    ['editor', true],
    ['admin', true],
  ] as const)('%s logs in and sees subscribers: %s', async (role, seesSubscribers) => {
    const page = await login(role)
    expect(await linkTo(page, 'essays').count()).toBeGreaterThan(0)
    expect(await linkTo(page, 'chronology-entries').count()).toBeGreaterThan(0)
    expect((await linkTo(page, 'subscribers').count()) > 0).toBe(seesSubscribers)
    const subscribers = await api(page, '/api/subscribers')
    expect(subscribers.status).toBe(seesSubscribers ? 200 : 403)
    await page.screenshot({ path: artifactPath(`roles-${role}-dashboard.png`) })
    await page.close()
  }, 180_000)

  it('the editorial assistant edits a draft of an essay with a pull quote and a figure; the public still reads the published text', async () => {
    const page = await login('editorialAssistant')
    const list = await api(page, '/api/essays?where[slug][equals]=festivals-of-the-mekong&depth=0')
    const essay = (list.body.docs as Array<{ id: number | string; standfirst: string }>)[0]
    await page.goto(`${server.url}/admin/collections/essays/${essay.id}`)
    const standfirst = page.locator('textarea#field-standfirst')
    await standfirst.waitFor({ timeout: 120_000 })
    // The body shows its pull quote and figure blocks.
    await page.waitForSelector('text=The festival stage is not a shop window', { timeout: 60_000 })
    expect(await page.locator('text=Pull quote').count()).toBeGreaterThan(0)
    expect(await page.locator('text=Figure').count()).toBeGreaterThan(0)
    const newStandfirst = 'A revised teaser written by the editorial assistant.'
    await standfirst.fill(newStandfirst)
    // Essays autosave their draft a moment after the last keystroke.
    let draft = await api(page, `/api/essays/${essay.id}?draft=true&depth=0`)
    for (let tries = 0; draft.body.standfirst !== newStandfirst && tries < 60; tries += 1) {
      await page.waitForTimeout(500)
      draft = await api(page, `/api/essays/${essay.id}?draft=true&depth=0`)
    }
    expect(draft.body.standfirst).toBe(newStandfirst)
    await page.screenshot({ path: artifactPath('roles-assistant-draft-saved.png'), fullPage: true })
    expect(JSON.stringify(draft.body.body)).toContain('"blockType":"figure"')
    expect(JSON.stringify(draft.body.body)).toContain('"blockType":"pullQuote"')

    const publicView = await fetch(`${server.url}/api/essays/${essay.id}?depth=0`)
    expect(((await publicView.json()) as { standfirst: string }).standfirst).toBe(essay.standfirst)

    // Publishing is the editors' right: the admin shows the refusal.
    await page.getByRole('button', { name: /Publish/ }).first().click()
    await page.waitForSelector('text=/Only editors can publish/', { timeout: 60_000 })
    await page.close()
  }, 300_000)

  it('the public reads published issues but no drafts, users or subscribers', async () => {
    const issues = (await (await fetch(`${server.url}/api/issues?depth=0`)).json()) as { docs: Array<{ slug: string; _status: string }> }
    expect(issues.docs.map((issue) => issue.slug)).toContain('demo')
    expect(issues.docs.every((issue) => issue._status === 'published')).toBe(true)
    expect((await fetch(`${server.url}/api/users`)).status).toBe(403)
    expect((await fetch(`${server.url}/api/subscribers`)).status).toBe(403)
    const home = await (await fetch(server.url)).text()
    expect(home).toContain('Korea Bulletin')
  }, 120_000)
})
