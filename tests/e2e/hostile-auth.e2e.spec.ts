import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoUsers } from '@/seed/demoContent'
import { artifactPath, launchBrowser, loginAs } from '../support/browser'
import { startNextDev, type NextServer } from '../support/nextServer'

/**
 * An outsider against the running app, over plain HTTP: logins that tell nothing about
 * which addresses have accounts, unlocking kept to editors, the subscribe form's limits
 * and sizes, anonymous GraphQL, and how refusals are logged.
 */

let server: NextServer
let browser: Awaited<ReturnType<typeof launchBrowser>>
const user = (role: (typeof demoUsers)[number]['role']) => demoUsers.find((u) => u.role === role)!

beforeAll(async () => {
  server = await startNextDev()
  browser = await launchBrowser()
  // The first requests compile the admin (and load the demo) and the public form.
  expect((await fetch(`${server.url}/admin/login`)).status).toBe(200)
  expect((await fetch(`${server.url}/subscribe`)).status).toBe(200)
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function login(email: string, password: string): Promise<{ status: number; body: string; ms: number; token?: string }> {
  const started = performance.now()
  const response = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = await response.text()
  const ms = performance.now() - started
  return { status: response.status, body, ms, token: response.ok ? (JSON.parse(body) as { token: string }).token : undefined }
}

async function unlock(email: string, token: string): Promise<number> {
  const response = await fetch(`${server.url}/api/users/unlock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({ email }),
  })
  return response.status
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

describe('logins', () => {
  const target = user('productionEditor')

  it('lock after five failures; a locked, a wrong and an unknown address answer alike and about as fast; an assistant cannot unlock, an editor can', async () => {
    const wrong = await login(target.email, 'wrong-password')
    expect(wrong.status).toBe(401)
    expect(JSON.parse(wrong.body)).toEqual({ errors: [{ message: 'The email or password provided is incorrect.' }] })
    for (let i = 0; i < 4; i += 1) await login(target.email, `wrong-${i}`)
    // Locked now: the right password is refused, in the same words as everything else.
    const lockedRight = await login(target.email, target.password)
    const unknown = await login('nobody@demo.bulletin.test', 'wrong-password')
    for (const answer of [lockedRight, unknown]) {
      expect(answer.status).toBe(wrong.status)
      expect(answer.body).toBe(wrong.body)
    }

    const times = { wrong: [] as number[], locked: [] as number[], unknown: [] as number[] }
    const editor = user('editor')
    // Wrong passwords alternate between two accounts, so neither locks during the rounds.
    const known = [editor, user('admin')]
    for (let round = 0; round < 5; round += 1) {
      times.locked.push((await login(target.email, 'wrong-password')).ms)
      times.unknown.push((await login(`nobody-${round}@demo.bulletin.test`, 'wrong-password')).ms)
      times.wrong.push((await login(known[round % 2].email, 'wrong-password')).ms)
    }
    const medians = [times.wrong, times.locked, times.unknown].map(median)
    expect(Math.max(...medians) / Math.min(...medians), `medians wrong, locked, unknown (ms): ${medians.map(Math.round).join(', ')}`).toBeLessThan(2)

    const assistant = await login(user('editorialAssistant').email, user('editorialAssistant').password)
    expect(await unlock(target.email, assistant.token!)).toBe(403)
    expect((await login(target.email, target.password)).status).toBe(401)
    const editorLogin = await login(editor.email, editor.password)
    expect(editorLogin.status).toBe(200)
    expect(await unlock(target.email, editorLogin.token!)).toBe(200)
    expect((await login(target.email, target.password)).status).toBe(200)
  })

  it('the admin login screen still signs the demo editor in', async () => {
    const page = await loginAs(browser.context, server.url, user('editor'))
    await page.waitForSelector('text=Essays', { timeout: 60_000 })
    await page.screenshot({ path: artifactPath('hostile-auth-admin-login.png') })
    await page.close()
  }, 240_000)

  it('logs each refused login as one warning with its reason, without a stack trace', () => {
    const log = server.log()
    expect(log).toMatch(/WARN.*Refused \(401 AuthenticationError\): The email or password provided is incorrect\./)
    expect(log).not.toMatch(/at loginOperation/)
    expect(log).not.toMatch(/ERROR.*The email or password provided is incorrect/)
  })
})

/** The subscribe form as a browser without JavaScript posts it: its hidden action fields and ours. */
async function subscribeForm(): Promise<Array<[string, string]>> {
  const html = await (await fetch(`${server.url}/subscribe`)).text()
  const hidden = [...html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)].map(
    ([, name, value]) => [name, (value ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&')] as [string, string],
  )
  expect(hidden.length).toBeGreaterThan(0)
  return hidden
}

async function postSubscribe(fields: Array<[string, string]>, values: { name: string; email: string }, headers: Record<string, string> = {}): Promise<{ status: number; html: string }> {
  const form = new FormData()
  for (const [name, value] of fields) form.append(name, value)
  form.append('name', values.name)
  form.append('email', values.email)
  form.append('website', '')
  form.append('source', '/subscribe')
  const response = await fetch(`${server.url}/subscribe`, { method: 'POST', body: form, headers })
  return { status: response.status, html: await response.text() }
}

describe('the subscribe form', () => {
  it('counts a fresh X-Forwarded-For per request as the same client (TRUSTED_PROXIES unset): the shared bucket runs out', async () => {
    const fields = await subscribeForm()
    const answers: string[] = []
    for (let i = 0; i < 32; i += 1) {
      const { status, html } = await postSubscribe(fields, { name: '', email: `xff-${i}@example.org` }, { 'X-Forwarded-For': `203.0.113.${i + 1}` })
      expect(status).toBe(200)
      answers.push(html.includes('data-testid="subscribe-done"') ? 'done' : html.includes('Too many requests') ? 'limited' : 'other')
    }
    expect(answers.filter((a) => a === 'other')).toEqual([])
    expect(answers.filter((a) => a === 'done').length).toBe(30)
    expect(answers.slice(30)).toEqual(['limited', 'limited'])
  })

  it('answers a 3 MB name with a 413 page, not a 500', async () => {
    const fields = await subscribeForm()
    const { status, html } = await postSubscribe(fields, { name: 'x'.repeat(3 * 1024 * 1024), email: 'big@example.org' })
    expect(status).toBe(413)
    expect(html).toContain('The form is too large')
    expect(html).toContain('A name takes at most 200 characters')
  })
})

describe('anonymous GraphQL', () => {
  it('answers { Access { canAccessAdmin } } with false', async () => {
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ Access { canAccessAdmin } }' }),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ data: { Access: { canAccessAdmin: false } } })
  })
})
