/**
 * The reader's side in a real browser, against `next dev` with the demo issue and the
 * development outbox: the public web edition on a phone, then subscribe on the web page ->
 * confirm from the email -> a test send of the demo issue from the admin -> one-click
 * unsubscribe, and the unsubscribe page with its confirm button.
 */
import fs from 'node:fs'
import path from 'node:path'
import { simpleParser, type ParsedMail } from 'mailparser'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoUsers } from '@/seed/demoContent'
import { apiFrom, artifactPath, launchBrowser, loginAs, postOneClickUnsubscribe } from '../support/browser'
import { startNextDev, type NextServer } from '../support/nextServer'

let server: NextServer
let browser: Awaited<ReturnType<typeof launchBrowser>>
const PHONE = { width: 390, height: 844 }

beforeAll(async () => {
  server = await startNextDev()
  browser = await launchBrowser()
  // The first request loads the demo issue; each first visit compiles a route (minutes on
  // two cores for the admin), so compile them all here rather than inside the tests.
  for (const route of ['/issues', '/issues/demo', '/subscribe', '/confirm', '/unsubscribe', '/admin/login']) {
    const response = await fetch(`${server.url}${route}`)
    expect(response.status, route).toBe(200)
  }
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

// --- the outbox: one .eml file per message -----------------------------------------

interface OutboxMail {
  file: string
  mail: ParsedMail
}

const seen = new Set<string>()

/** Waits for a new message in the outbox to `to` whose subject matches. */
async function nextMail(to: string, subject: RegExp, timeoutMs = 60_000): Promise<OutboxMail> {
  const dir = path.join(server.dir, 'outbox')
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).sort() : []
    for (const name of files) {
      const file = path.join(dir, name)
      if (seen.has(file)) continue
      const mail = await simpleParser(fs.readFileSync(file))
      const recipients = mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []
      if (recipients.includes(to) && subject.test(mail.subject ?? '')) {
        seen.add(file)
        return { file, mail }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`no mail to ${to} matching ${subject} in ${dir}`)
}

function headerLine(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? ''
  return line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()
}

// --- pages --------------------------------------------------------------------------

async function phonePage(): Promise<Page> {
  const page = await browser.context.newPage()
  await page.setViewportSize(PHONE)
  return page
}

/** Images load lazily: scroll through the page so a full-page screenshot shows them all. */
async function loadAllImages(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 500) {
      window.scrollTo(0, y)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    window.scrollTo(0, 0)
  })
  await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0), undefined, { timeout: 60_000 })
  // Chromium drops decoded pictures far from the viewport: keep them for the full-page shot.
  await page.evaluate(async () => {
    for (const img of [...document.images]) {
      img.loading = 'eager'
      img.decoding = 'sync'
      await img.decode().catch(() => undefined)
    }
  })
}

async function subscribeOnTheWeb(page: Page, name: string, email: string): Promise<void> {
  await page.goto(`${server.url}/subscribe`)
  await page.getByLabel('Your name').fill(name)
  await page.getByLabel('Email address').fill(email)
  await page.getByRole('button', { name: 'Subscribe' }).click()
  await page.getByTestId('subscribe-done').waitFor()
}

const editorPage = (): Promise<Page> => loginAs(browser.context, server.url, demoUsers.find((u) => u.role === 'editor')!)

const api = apiFrom

describe('the web edition', () => {
  it('lists the published issues, newest first, with an RSS feed', async () => {
    const page = await browser.context.newPage()
    await page.goto(`${server.url}/issues`)
    await page.getByRole('heading', { level: 1, name: 'All issues' }).waitFor()
    expect(await page.locator('a[href="/issues/demo"]').count()).toBeGreaterThan(0)
    expect(await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href')).toContain('/issues/rss.xml')
    await page.screenshot({ path: artifactPath('web-archive-desktop.png'), fullPage: true })
    await page.close()

    const rss = await fetch(`${server.url}/issues/rss.xml`)
    expect(rss.headers.get('content-type')).toContain('application/rss+xml')
    const xml = await rss.text()
    expect(xml).toContain('<rss version="2.0"')
    expect(xml).toContain(`<link>${server.url}/issues/demo</link>`)
    expect(xml).toContain('<title>Korea Bulletin, April–June 2024 (demo)</title>')
  }, 180_000)

  it('shows the whole demo issue readably on a phone, with anchors, alt text and Open Graph tags', async () => {
    const page = await phonePage()
    const response = await page.goto(`${server.url}/issues/demo`)
    expect(response?.status()).toBe(200)
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.locator('h1').count()).toBe(1)
    expect(await page.locator('h1').textContent()).toBe('Korea Bulletin, April–June 2024 (demo)')
    // The anchors the newsletter links to.
    for (const id of ['essay-festivals-of-the-mekong', 'essay-fisheries-treaties-and-the-sea-between', 'chronology']) {
      expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1)
    }
    expect(await page.locator('#chronology table.chronology-table tbody tr').count()).toBeGreaterThan(5)
    expect(await page.locator('#chronology h3', { hasText: 'April 2024' }).count()).toBe(1)
    expect(await page.locator('figure img').count()).toBeGreaterThan(3)
    const alts = await page.locator('img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('alt') ?? ''))
    expect(alts.every((alt) => alt.trim().length > 0)).toBe(true)
    expect(await page.locator('a[href="/issues/demo/pdf"]').count()).toBeGreaterThan(0)
    // Open Graph for shared links.
    const meta = async (property: string) => page.locator(`meta[property="${property}"]`).first().getAttribute('content')
    expect(await meta('og:title')).toBe('Korea Bulletin, April–June 2024 (demo)')
    expect(await meta('og:type')).toBe('article')
    expect(await meta('og:description')).toContain('festival stages of Vientiane')
    expect(await meta('og:image')).toMatch(/^http.*\/api\/media\/file\//)
    expect(await meta('og:url')).toBe(`${server.url}/issues/demo`)
    // Nothing wider than the phone: no sideways scrolling.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    // Every image loads (the media route answers).
    await loadAllImages(page)
    await page.screenshot({ path: artifactPath('web-issue-phone-top.png') })
    await page.screenshot({ path: artifactPath('web-issue-phone-full.png'), fullPage: true })
    await page.locator('#chronology').scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifactPath('web-issue-phone-chronology.png') })
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${server.url}/issues/demo`)
    await loadAllImages(page)
    await page.screenshot({ path: artifactPath('web-issue-desktop.png'), fullPage: true })
    await page.close()
  }, 180_000)

  it('says the PDF is not yet available, with a 404', async () => {
    const response = await fetch(`${server.url}/issues/demo/pdf`)
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('The PDF is not yet available')
  }, 120_000)

  it('shows only published issues', async () => {
    const page = await editorPage()
    const created = await api<{ doc: { id: number } }>(page, '/api/issues?draft=true', {
      method: 'POST',
      body: JSON.stringify({
        title: 'Unpublished draft issue',
        slug: 'unpublished-draft',
        volume: 99,
        number: 1,
        quarter: '3',
        year: 2030,
        publicationDate: '2030-09-30T12:00:00.000Z',
        _status: 'draft',
      }),
    })
    expect(created.status).toBe(201)
    expect((await fetch(`${server.url}/issues/unpublished-draft`)).status).toBe(404)
    expect(await (await fetch(`${server.url}/issues`)).text()).not.toContain('Unpublished draft issue')
    expect(await (await fetch(`${server.url}/issues/rss.xml`)).text()).not.toContain('unpublished-draft')
    await page.close()
  }, 300_000)
})

describe('a reader subscribes, confirms, receives a test send and unsubscribes', () => {
  const reader = { name: 'Kim Minji', email: 'kim.minji@example.net' }
  let issueId: number | string

  it('subscribes on the web page and confirms from the email', async () => {
    const page = await phonePage()
    await subscribeOnTheWeb(page, reader.name, reader.email)
    await page.screenshot({ path: artifactPath('subscribe-phone-done.png') })

    const { mail } = await nextMail(reader.email, /confirm your subscription/i)
    expect(mail.from?.value[0]).toMatchObject({ name: 'Korea Bulletin', address: 'korea-bulletin@example.org' })
    // The confirmation repeats nothing a stranger typed: no name, a plain greeting.
    expect(mail.text).toContain('Hello,')
    expect(mail.text).not.toContain(reader.name)
    const link = /(https?:\/\/\S+\/confirm\?token=\S+)/.exec(mail.text ?? '')?.[1] ?? ''
    expect(link.startsWith(`${server.url}/confirm?token=`)).toBe(true)
    expect(mail.html).toContain(link)

    await page.goto(link)
    expect(await page.getByTestId('confirmed').textContent()).toBe('Thank you: you are subscribed')
    await page.screenshot({ path: artifactPath('confirm-phone.png') })
    // A tampered link is refused.
    await page.goto(`${link.slice(0, -3)}abc`)
    await page.getByRole('heading', { level: 1, name: 'This link is not valid' }).waitFor()
    await page.close()
  }, 300_000)

  it('receives a test send of the demo issue from the admin that reads well in both parts', async () => {
    const page = await editorPage()
    const issues = await api<{ docs: Array<{ id: number }> }>(page, '/api/issues?where[slug][equals]=demo&depth=0')
    issueId = issues.body.docs[0].id
    const subscribers = await api<{ docs: Array<{ status: string; history: Array<{ to: string }> }> }>(
      page,
      `/api/subscribers?where[email][equals]=${encodeURIComponent(reader.email)}`,
    )
    expect(subscribers.body.docs[0]).toMatchObject({ status: 'confirmed', history: [{ to: 'pending' }, { to: 'confirmed' }] })

    await page.goto(`${server.url}/admin/collections/issues/${issueId}/newsletter`)
    const address = page.getByLabel('Send a test to')
    await address.waitFor({ timeout: 180_000 })
    await page.frameLocator('iframe[title="Newsletter, HTML part"]').getByText(/Dear Sample Reader/).waitFor()
    await page.screenshot({ path: artifactPath('admin-newsletter-desktop.png') })
    await page.getByRole('button', { name: 'Phone' }).click()
    await page.frameLocator('iframe[title="Newsletter, HTML part"]').getByText(/Dear Sample Reader/).waitFor()
    await page.screenshot({ path: artifactPath('admin-newsletter-phone.png') })
    await page.getByRole('button', { name: 'Plain text' }).click()
    await page.getByTestId('newsletter-text').getByText(/Dear Sample Reader/).waitFor()
    await page.screenshot({ path: artifactPath('admin-newsletter-text.png') })

    await address.fill(reader.email)
    await page.getByRole('button', { name: 'Send test' }).click()
    await page.getByTestId('send-test-result').getByText(`Sent to ${reader.email}`).waitFor()
    await page.close()

    const { mail } = await nextMail(reader.email, /^\[Test\] Korea Bulletin/)
    // The title already names the bulletin and the period: the subject says them once.
    expect(mail.subject).toBe('[Test] Korea Bulletin, April–June 2024 (demo)')
    expect(mail.from?.value[0]).toMatchObject({ name: 'Korea Bulletin', address: 'korea-bulletin@example.org' })
    expect(mail.replyTo?.value[0].address).toBe('korea-bulletin@example.org')
    for (const part of [mail.html || '', mail.text ?? '']) {
      expect(part).toContain(`Dear ${reader.name},`)
      expect(part).toContain(`${server.url}/issues/demo#essay-festivals-of-the-mekong`)
      expect(part).toContain(`${server.url}/issues/demo/pdf`)
    }
    expect(headerLine(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')

    // The essay link lands on its essay.
    const reading = await phonePage()
    await reading.goto(`${server.url}/issues/demo#essay-festivals-of-the-mekong`)
    expect(await reading.locator('#essay-festivals-of-the-mekong h3').textContent()).toContain('Festivals of the Mekong')
    await reading.close()

    // One click, as a mail provider does it: a POST without cookies or login.
    const unsubscribeUrl = /^<([^>]+)>/.exec(headerLine(mail, 'List-Unsubscribe'))?.[1] ?? ''
    expect(unsubscribeUrl.startsWith(`${server.url}/unsubscribe?token=`)).toBe(true)
    const oneClick = await postOneClickUnsubscribe(unsubscribeUrl)
    expect(oneClick.status).toBe(200)
    expect(await oneClick.text()).toContain(`Unsubscribed: ${reader.email}`)
    const after = await fetch(unsubscribeUrl)
    expect(await after.text()).toContain('You are unsubscribed')
    // A forged one is refused.
    const forged = await fetch(unsubscribeUrl.replace(/token=[^&]+/, 'token=eyJ2IjoxfQ.AAAA'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(forged.status).toBe(400)
  }, 600_000)

  it('the unsubscribe page asks first, then confirms, and offers to subscribe again', async () => {
    const other = { name: 'Lee Jiwoo', email: 'lee.jiwoo@example.net' }
    const page = await phonePage()
    await subscribeOnTheWeb(page, other.name, other.email)
    const confirmMail = await nextMail(other.email, /confirm your subscription/i)
    await page.goto(/(https?:\/\/\S+\/confirm\?token=\S+)/.exec(confirmMail.mail.text ?? '')?.[1] ?? '')
    await page.getByTestId('confirmed').waitFor()

    const editor = await editorPage()
    const sent = await api<{ ok: boolean }>(editor, `/api/issues/${issueId}/send-test`, { method: 'POST', body: JSON.stringify({ to: other.email }) })
    expect(sent).toMatchObject({ status: 200, body: { ok: true } })
    const { mail } = await nextMail(other.email, /^\[Test\]/)
    const link = /href="([^"]*\/unsubscribe\?token=[^"]*)"/.exec(mail.html || '')?.[1]?.replace(/&amp;/g, '&') ?? ''

    await page.goto(link)
    await page.getByRole('heading', { level: 1, name: 'Unsubscribe from the Korea Bulletin?' }).waitFor()
    await page.screenshot({ path: artifactPath('unsubscribe-phone-ask.png') })
    // Opening the page alone changes nothing.
    const before = await api<{ docs: Array<{ status: string }> }>(editor, `/api/subscribers?where[email][equals]=${encodeURIComponent(other.email)}`)
    expect(before.body.docs[0].status).toBe('confirmed')

    await page.getByRole('button', { name: 'Unsubscribe' }).click()
    await page.getByTestId('unsubscribed').waitFor()
    expect(page.url()).toBe(link)
    await page.screenshot({ path: artifactPath('unsubscribe-phone-done.png') })
    const history = await api<{ docs: Array<{ status: string; history: Array<{ to: string; reason: string }> }> }>(
      editor,
      `/api/subscribers?where[email][equals]=${encodeURIComponent(other.email)}`,
    )
    expect(history.body.docs[0].status).toBe('unsubscribed')
    expect(history.body.docs[0].history.at(-1)).toMatchObject({ to: 'unsubscribed', reason: 'Unsubscribed on the web page' })

    // Subscribing again needs a new confirmation.
    await page.getByRole('link', { name: 'Subscribe again' }).click()
    await subscribeOnTheWeb(page, other.name, other.email)
    await nextMail(other.email, /confirm your subscription/i)
    const pending = await api<{ docs: Array<{ status: string }> }>(editor, `/api/subscribers?where[email][equals]=${encodeURIComponent(other.email)}`)
    expect(pending.body.docs[0].status).toBe('pending')
    await editor.close()
    await page.close()
  }, 600_000)
})

describe('the subscriber list in the admin', () => {
  it('imports a CSV list all or nothing, with errors by line, and exports it', async () => {
    const page = await editorPage()
    await page.goto(`${server.url}/admin/collections/subscribers`)
    const file = page.getByLabel('Import a CSV list')
    await file.waitFor({ timeout: 180_000 })

    const upload = async (name: string, csv: string) => {
      await file.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) })
      await page.getByRole('button', { name: 'Import', exact: true }).click()
      return page.getByTestId('import-result')
    }
    const failed = await upload('bad.csv', 'email,name\nnew.one@example.net,New One\nnot-an-address,Somebody\n')
    await failed.getByText('Nothing was imported.').waitFor()
    expect(await failed.textContent()).toContain('line 3:')
    await page.screenshot({ path: artifactPath('admin-subscribers-import-errors.png') })

    await page.getByRole('combobox').selectOption('confirmed')
    const done = await upload('members.csv', 'email,name\nnew.one@example.net,New One\nNEW.ONE@example.net,\nsecond@example.net,Second\n')
    await done.getByText(/Imported 3 rows \(2 addresses\)/).waitFor()
    expect(await done.textContent()).toContain('2 new (confirmed)')

    const csv = await page.evaluate(async () => (await fetch('/api/subscribers/export?status=confirmed', { credentials: 'include' })).text())
    expect(csv.split('\r\n')[0]).toBe('email,name,status,consent_at,consent_method,consent_source,created_at')
    expect(csv).toContain('new.one@example.net,New One,confirmed,')
    expect(csv).toContain('Import of members.csv by editor@demo.bulletin.test')
    // Not for the public.
    expect((await fetch(`${server.url}/api/subscribers/export`)).status).toBe(401)
    await page.close()
  }, 600_000)
})
