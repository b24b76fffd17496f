import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { expect } from 'vitest'

/** Debian's Chromium, headless, with a fresh profile and no background network traffic. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  // The dev server compiles each admin page on first visit: minutes on two cores, not seconds.
  context.setDefaultTimeout(120_000)
  return {
    context,
    close: async () => {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Where browser tests leave their screenshots for people to look at. */
export function artifactPath(name: string): string {
  const dir = path.resolve(process.cwd(), 'test-results/screenshots')
  fs.mkdirSync(dir, { recursive: true })
  return path.join(dir, name)
}

/**
 * A new page signed in to the admin as this user. The browser profile is shared by a test
 * file, so the page starts from signed-out cookies.
 */
export async function loginAs(context: BrowserContext, baseUrl: string, user: { email: string; password: string }): Promise<Page> {
  const page = await context.newPage()
  await page.context().clearCookies()
  await page.goto(`${baseUrl}/admin/login`)
  await page.fill('input[name="email"]', user.email)
  await page.fill('input[name="password"]', user.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 180_000 })
  return page
}

/** A request from inside the page, with its session cookie: what the admin itself can do. */
export async function apiFrom<T>(page: Page, url: string, init?: { method: string; body: string }): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ url, init }) => {
      const response = await fetch(url, {
        credentials: 'include',
        ...(init ? { method: init.method, body: init.body, headers: { 'Content-Type': 'application/json' } } : {}),
      })
      return { status: response.status, body: (await response.json()) as T }
    },
    { url, init },
  )
}

/**
 * The Print PDF tab as a production editor uses it, the page already open on it:
 * run preflight (it must pass: a failure throws with the panel's message), screenshot the
 * report to `preflightShot`, export, download the PDF to `file`. Returns its text
 * (pdftotext). `waitMs` bounds the clicks and the download link, `preflightMs` the report.
 */
export async function exportFromPrintTab(page: Page, options: { file: string; preflightShot: string; waitMs: number; preflightMs: number }): Promise<string> {
  await page.getByRole('button', { name: 'Run preflight' }).click({ timeout: options.waitMs })
  const report = page.getByTestId('preflight-report')
  const problem = page.getByTestId('export-pdf-panel').getByRole('alert')
  await report.or(problem).first().waitFor({ timeout: options.preflightMs })
  if (await problem.isVisible()) throw new Error(`preflight failed: ${await problem.innerText()}`)
  expect(await report.innerText()).toMatch(/Preflight passed — 0 error\(s\)/)
  await page.screenshot({ path: artifactPath(options.preflightShot), fullPage: true })

  await page.getByRole('button', { name: 'Export PDF' }).click()
  const link = page.getByTestId('export-result').locator('a')
  await link.waitFor({ timeout: options.waitMs })
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  await download.saveAs(options.file)
  return execFileSync('pdftotext', [options.file, '-'], { encoding: 'utf8' })
}

/**
 * What a mail provider does for a one-click unsubscribe (RFC 8058): a POST to the
 * List-Unsubscribe address, without cookies or login.
 */
export function postOneClickUnsubscribe(url: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
    redirect: 'manual',
  })
}
