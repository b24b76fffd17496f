import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { toStoredDate } from '@/fields/dayDate'
import { startTestPayload, type TestPayload } from '../../support/payload'

/**
 * The chronology import endpoint as a hostile (or careless) editorial assistant meets it:
 * real HTTP requests through Payload's REST handler (the one Next's /api route calls), with
 * the assistant's JWT. Limits are checked before the work, and say which limit, the size and
 * where.
 */

let t: TestPayload
let payload: Payload
let token: string
let issueId: number | string

const MB = 1024 * 1024
const PASSWORD = 'assistant-password-2024'

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  await payload.create({
    collection: 'users',
    data: { email: 'assistant@example.org', password: PASSWORD, name: 'Assistant', role: 'editorialAssistant' },
  })
  const issue = await payload.create({
    collection: 'issues',
    data: { title: 'Limits issue', slug: 'limits', volume: 1, number: 2, quarter: '2', year: 2024, publicationDate: toStoredDate('2024-06-30') },
    draft: true,
    depth: 0,
  })
  issueId = issue.id
  await payload.create({
    collection: 'chronologies',
    data: { title: 'Chronology', issue: issue.id, compiler: 'A. Compiler', periodStart: toStoredDate('2024-04-01'), periodEnd: toStoredDate('2024-06-30') },
    draft: true,
    depth: 0,
  })
  const login = await payload.login({ collection: 'users', data: { email: 'assistant@example.org', password: PASSWORD } })
  token = login.token!
}, 300_000)

afterAll(async () => t?.close())

function post(body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`http://localhost:3000/api/issues/${issueId}/import-chronology`, {
    method: 'POST',
    headers: { Authorization: `JWT ${token}`, ...headers },
    body,
  })
  return handleEndpoints({ config: payload.config, request, payloadInstanceCacheKey: t.dir })
}

function postText(text: string, dryRun = true): Promise<Response> {
  return post(JSON.stringify({ text, dryRun }), { 'Content-Type': 'application/json' })
}

function postFile(bytes: Uint8Array, filename: string, headers: Record<string, string> = {}): Promise<Response> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)]), filename)
  form.append('_payload', JSON.stringify({ dryRun: true }))
  return post(form, headers)
}

async function entryCount(): Promise<number> {
  return (await payload.count({ collection: 'chronology-entries' })).totalDocs
}

/** "April 2024" then n entries, one a line. */
function aprilWith(n: number): string {
  return ['April 2024', ...Array.from({ length: n }, (_, k) => `${(k % 30) + 1}\tEvent number ${k + 1} took place.`)].join('\n')
}

describe('chronology import limits, over HTTP as an editorial assistant', () => {
  it('imports a small chronology (the requests below are refused for their content, not for who sends them)', async () => {
    const response = await postText(aprilWith(3), false)
    expect(response.status).toBe(200)
    expect((await response.json()) as { added: number }).toMatchObject({ added: 3, committed: true })
  })

  it('refuses pasted text over the size limit, saying how large it is and what the limit is', async () => {
    const line = '1\tAn event of some length, repeated to make a large paste.\n'
    const text = `April 2024\n${line.repeat(Math.ceil((2.5 * MB) / line.length))}`.slice(0, 2.5 * MB)
    const response = await postText(text, false)
    expect(response.status).toBe(413)
    const { error: message } = (await response.json()) as { error: string }
    expect(message).toMatch(/^The pasted text is 2\.5 MB; the chronology import takes at most 2 MB of text at a time/)
    expect(await entryCount()).toBe(3)
  })

  it('refuses a 25 MB file with the real cause, not "send the text as JSON"', async () => {
    const bytes = new Uint8Array(25 * MB).fill(0x41)
    const response = await postFile(bytes, 'year.txt')
    expect(response.status).toBe(413)
    const { error: message } = (await response.json()) as { error: string }
    expect(message).toMatch(/^The file "year\.txt" is 25 MB; the chronology import takes at most 2 MB of text at a time/)
  })

  it('refuses a request whose declared length is over the limit before reading it', async () => {
    const bytes = new Uint8Array(25 * MB).fill(0x41)
    const form = new FormData()
    form.append('file', new Blob([bytes]), 'year.txt')
    const body = await new Response(form).arrayBuffer()
    const contentType = new Response(form).headers.get('content-type')!
    const response = await post(body, { 'Content-Type': contentType, 'Content-Length': String(body.byteLength) })
    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: string }).error).toMatch(/^The file is 25 MB; the chronology import takes at most 2 MB of text or a 10 MB Word file/)
  })

  it('takes pasted text within the limit as the admin form sends it, in a multipart field', async () => {
    const long = 'The delegations met again and discussed the matters left open at the previous round. '.repeat(9)
    const text = ['April 2024', ...Array.from({ length: 1900 }, (_, k) => `${(k % 30) + 1}\t${long}Round ${k + 1}.`)].join('\n')
    expect(text.length).toBeGreaterThan(1.2 * MB)
    const form = new FormData()
    form.append('_payload', JSON.stringify({ text, dryRun: true }))
    const response = await post(form)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { added: number }).added).toBe(1900)
  })

  it('refuses more entries than the limit, saying on which line the limit was passed', async () => {
    const response = await postFile(new TextEncoder().encode(aprilWith(2500)), 'year.txt')
    expect(response.status).toBe(413)
    const { error: message } = (await response.json()) as { error: string }
    expect(message).toBe(
      '"year.txt" has more than 2,000 entries (entry 2,001 is on line 2,002); the chronology import takes at most 2,000 entries at a time (a quarter has about 300). Split it, e.g. by month, and import the parts one after the other.',
    )
    expect(await entryCount()).toBe(3)
  })

  it('calls an empty file, or one with no entries, an error', async () => {
    const empty = await postFile(new Uint8Array(0), 'empty.txt')
    expect(empty.status).toBe(422)
    expect(((await empty.json()) as { error: string }).error).toMatch(
      /^No chronology entries found in "empty\.txt": expected a month heading \("April 2024"\) then one entry a line/,
    )
    const headingOnly = await postText('April 2024\n\nSome words, but no day.\n')
    expect(headingOnly.status).toBe(422)
    expect(((await headingOnly.json()) as { error: string }).error).toMatch(/^No chronology entries found in the pasted text/)
  })

  it('answers a large but allowed document with a short report: the lists are capped and what was left out counted', async () => {
    // One entry, then 200,000 lines that are each skipped with a warning.
    const junk = 'x\n'.repeat(200_000)
    const response = await postText(`April 2024\n1\tThe one real event.\n${junk}`)
    expect(response.status).toBe(200)
    const body = await response.text()
    expect(body.length).toBeLessThan(100_000)
    const report = JSON.parse(body) as { entries: unknown[]; warnings: unknown[]; omitted: { warnings: number } }
    expect(report.entries).toHaveLength(1)
    expect(report.warnings).toHaveLength(200)
    expect(report.omitted.warnings).toBe(200_000 - 200)
  })
})
