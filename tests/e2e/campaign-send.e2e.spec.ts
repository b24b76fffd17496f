/**
 * The editor's send, end to end in a real browser: the demo issue to 3,000 test subscribers
 * from the admin's campaign panel, a delivery worker process sending over SMTP to a loopback
 * sink, the progress watched until it says sent; then the panel's counts, the ledger and
 * the sink must agree exactly.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoUsers } from '@/seed/demoContent'
import { artifactPath, launchBrowser, loginAs } from '../support/browser'
import { expectDelivered, FAST_CAMPAIGN_ENV, spawnCli, spawnWorker, type ExpectedRecipient, type WorkerProcess } from '../support/campaign'
import { startNextDev, type NextServer } from '../support/nextServer'
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../support/smtpSink'

const SUBSCRIBERS = 3000
const SECRET = 'e2e-secret-not-for-production-0123456789'

let server: NextServer
let browser: Awaited<ReturnType<typeof launchBrowser>>
let sink: SmtpSink<SinkMessage>
let worker: WorkerProcess | undefined
let env: Record<string, string>

beforeAll(async () => {
  sink = await startSmtpSink({ parse: false })
  server = await startNextDev({ SMTP_URL: sink.url })
  browser = await launchBrowser()
  // The first request compiles the admin and loads the demo issue.
  expect((await fetch(`${server.url}/admin/login`)).status).toBe(200)
  env = { ...FAST_CAMPAIGN_ENV, CAMPAIGN_SMTP_CONNECTIONS: '8', DATABASE_URI: `file:${path.join(server.dir, 'e2e.db')}`, PAYLOAD_SECRET: SECRET, PUBLIC_URL: server.url, SMTP_URL: sink.url }
  const seed = spawnCli(server.dir, env, ['seed-subscribers', String(SUBSCRIBERS)])
  expect(await seed.exited, seed.output()).toBe(0)
  worker = spawnWorker(server.dir, env)
}, 600_000)

afterAll(async () => {
  await worker?.kill('SIGTERM')
  await browser?.close()
  await server?.stop()
  await sink?.close()
})

const login = (): Promise<Page> => loginAs(browser.context, server.url, demoUsers.find((u) => u.role === 'editor')!)

describe('an editor sends the demo issue from the admin', () => {
  it('creates the campaign, sends it, and watches it finish: panel, ledger and sink agree', async () => {
    const page = await login()
    await page.goto(`${server.url}/admin/collections/campaigns/create`)
    // The issue: a relationship select; the demo issue is the only one. A click that lands
    // before the field has hydrated opens no menu (seen once in CI): open it until it shows.
    const option = page.locator('.rs__option', { hasText: 'Korea Bulletin' }).first()
    await expect
      .poll(
        async () => {
          if (!(await page.locator('.rs__menu').isVisible())) await page.locator('#field-issue').click()
          return option.isVisible()
        },
        { timeout: 120_000, interval: 1_000 },
      )
      .toBe(true)
    await option.click()
    await page.click('#action-save')
    await page.waitForURL(/\/admin\/collections\/campaigns\/\d+/, { timeout: 120_000 })
    const panel = page.getByTestId('campaign-panel')
    await panel.getByText(`${SUBSCRIBERS} confirmed subscribers would get it now`).waitFor({ timeout: 120_000 })
    await page.screenshot({ path: artifactPath('campaign-ready.png'), fullPage: true })

    page.once('dialog', (dialog) => void dialog.accept())
    await panel.getByRole('button', { name: 'Send now' }).click()
    await page.getByTestId('campaign-progress').waitFor({ timeout: 60_000 })
    // Watch it: the progress bar moves, then the status says sent.
    await page.waitForFunction(() => document.querySelector('[data-testid="campaign-status"]')?.textContent === 'sent', undefined, { timeout: 420_000, polling: 1000 })
    // The fields under the panel follow: no stale draft status or zero counts.
    await page.waitForFunction((n) => (document.querySelector('#field-counts__accepted') as HTMLInputElement | null)?.value === String(n), SUBSCRIBERS, { timeout: 60_000, polling: 500 })
    expect(await page.locator('#field-status').textContent()).toContain('Sent')
    await page.screenshot({ path: artifactPath('campaign-sent.png'), fullPage: true })

    const count = async (state: string) => Number(await page.getByTestId(`count-${state}`).textContent())
    expect(await count('accepted')).toBe(SUBSCRIBERS)
    for (const state of ['queued', 'sending', 'deferred', 'bounced', 'failed', 'unknown', 'skipped']) expect(await count(state), state).toBe(0)
    expect(await page.getByTestId('campaign-progress-text').textContent()).toContain(`${SUBSCRIBERS} of ${SUBSCRIBERS} done (100%)`)

    // The ledger, through the API as the editor sees it.
    const ledger = await page.evaluate(async () => {
      const response = await fetch('/api/deliveries?limit=1&where[status][equals]=accepted&depth=0', { credentials: 'include' })
      return (await response.json()) as { totalDocs: number }
    })
    expect(ledger.totalDocs).toBe(SUBSCRIBERS)
    // And the sink: every confirmed subscriber (exactly the seeded test readers) once, nobody
    // else, each with the demo issue, their name and their own unsubscribe link.
    const confirmed = await page.evaluate(async () => {
      const response = await fetch('/api/subscribers?limit=0&depth=0&where[status][equals]=confirmed', { credentials: 'include' })
      return ((await response.json()) as { docs: Array<{ id: number; email: string; name?: string | null }> }).docs
    })
    const recipients: ExpectedRecipient[] = confirmed.map((s) => ({ id: String(s.id), email: s.email, name: s.name }))
    expect(recipients.map((r) => r.email).sort()).toEqual(Array.from({ length: SUBSCRIBERS }, (_, i) => `test-${String(i + 1).padStart(5, '0')}@subscribers.example.test`))
    await expectDelivered(sink.messages, {
      recipients,
      // The demo's title already names the bulletin and the period: it is the whole subject.
      subject: 'Korea Bulletin, April–June 2024 (demo)',
      contains: ['Festivals of the Mekong: Korean Popular Culture in Vientiane', 'Fisheries, Treaties and the Sea Between'],
      secret: SECRET,
    })
  }, 900_000)
})
