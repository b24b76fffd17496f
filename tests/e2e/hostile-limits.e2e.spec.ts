import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoUsers } from '@/seed/demoContent'
import { startNextDev, type NextServer } from '../support/nextServer'

/**
 * Large uploads over real HTTP against `next dev`, as the demo's editorial assistant: every
 * layer in front of the project's own limits (Next, Payload's multipart parser) lets them
 * through, so the answer is the project's message, not "File size limit has been reached".
 */

const MB = 1024 * 1024
let server: NextServer
let token: string
let issueId: number | string

beforeAll(async () => {
  server = await startNextDev()
  const assistant = demoUsers.find((u) => u.role === 'editorialAssistant')!
  const login = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: assistant.email, password: assistant.password }),
  })
  expect(login.status).toBe(200)
  token = ((await login.json()) as { token: string }).token
  const issues = (await (await fetch(`${server.url}/api/issues?where[slug][equals]=demo&depth=0&draft=true`, { headers: { Authorization: `JWT ${token}` } })).json()) as {
    docs: Array<{ id: number | string }>
  }
  issueId = issues.docs[0].id
}, 600_000)

afterAll(async () => server?.stop())

function postFile(path: string, bytes: Uint8Array, filename: string, fields: Record<string, unknown>): Promise<Response> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)]), filename)
  form.append('_payload', JSON.stringify(fields))
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { Authorization: `JWT ${token}` }, body: form })
}

describe('upload limits over HTTP (next dev)', () => {
  it('answers a 60 MB image with the project\'s 40 MB message', async () => {
    const response = await postFile('/api/media', new Uint8Array(60 * MB).fill(0x41), 'poster.jpg', { alt: 'Poster' })
    const body = (await response.json()) as { errors?: Array<{ message: string }> }
    expect(body.errors?.[0]?.message).toBe('"poster.jpg" is 60.0 MB; images may be at most 40 MB.')
    expect(response.status).toBe(400)
  })

  it('answers a 25 MB chronology file with the real cause', async () => {
    const response = await postFile(`/api/issues/${issueId}/import-chronology`, new Uint8Array(25 * MB).fill(0x41), 'year.txt', { dryRun: true })
    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: string }).error).toMatch(/^The file is 25 MB; the chronology import takes at most 2 MB of text or a 10 MB Word file/)
  })
})
