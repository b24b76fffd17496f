import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { getPayload, handleEndpoints, type Config, type Payload, type SanitizedConfig } from 'payload'
import { pino } from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { paragraph, richText } from '@/seed/lexical'
import { startTestPayload, type TestPayload } from '../../support/payload'

/**
 * Refused requests as an outsider makes them, over REST and GraphQL: each answers a clean
 * 4xx and is logged as one warning with its reason, never as an error with a stack trace.
 */

const PASSWORD = 'a-long-test-password'

let t: TestPayload
let payload: Payload
let config: Promise<SanitizedConfig>
const members: Record<'editor' | 'assistant', User> = {} as never
const tokens: Partial<Record<keyof typeof members, string>> = {}
let lines: Array<{ level: number; msg?: string; err?: unknown; refused?: { status: number; error: string; reason: string } }> = []
let raw = ''

function rest(method: string, path: string, body?: unknown, who?: keyof typeof members): Promise<Response> {
  return handleEndpoints({
    config: payload.config,
    payloadInstanceCacheKey: t.dir,
    request: new Request(`http://localhost:3000/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(who ? { Authorization: `JWT ${tokens[who]}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  })
}

async function graphql(query: string, who?: keyof typeof members): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { statusCode?: number } }> } }> {
  const response = await GRAPHQL_POST(config)(
    new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(who ? { Authorization: `JWT ${tokens[who]}` } : {}) },
      body: JSON.stringify({ query }),
    }),
  )
  return { status: response.status, body: (await response.json()) as never }
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  config = (await import('@payload-config')).default
  for (const [key, role] of [['editor', 'editor'], ['assistant', 'editorialAssistant']] as const) {
    members[key] = await payload.create({ collection: 'users', data: { email: `${key}@example.org`, password: PASSWORD, name: key, role }, overrideAccess: true })
    tokens[key] = (await payload.login({ collection: 'users', data: { email: `${key}@example.org`, password: PASSWORD } })).token
  }
  // The configured logger (options and hooks as payload.config.ts sets them), writing here.
  // GraphQL requests run on the default Payload instance (GRAPHQL_POST takes no cache key).
  const logger = payload.config.logger as Extract<Config['logger'], { options: unknown }>
  expect(logger?.options).toBeDefined()
  const capture = pino({ ...logger.options, level: 'trace' }, {
    write: (line: string) => {
      raw += line
      lines.push(JSON.parse(line) as (typeof lines)[number])
    },
  })
  payload.logger = capture
  ;(await getPayload({ config })).logger = capture
})

afterAll(async () => {
  try {
    // The default instance GraphQL booted on the same file goes first.
    await (await getPayload({ config })).destroy()
  } finally {
    await t?.close()
  }
})

beforeEach(() => {
  lines = []
  raw = ''
})

function expectOneWarning(status: number, error: string, reason: RegExp): void {
  expect(raw).not.toMatch(/"stack"/)
  expect(lines.filter((l) => l.level >= 50), raw).toEqual([])
  const warnings = lines.filter((l) => l.level === 40)
  expect(warnings, raw).toHaveLength(1)
  expect(warnings[0].refused).toMatchObject({ status, error })
  expect(warnings[0].refused?.reason).toMatch(reason)
  expect(warnings[0].msg).toMatch(reason)
  expect(warnings[0].err).toBeUndefined()
}

describe('a refused request is logged as one warning with its reason and no stack', () => {
  it('Forbidden over REST (an assistant unlocking an account)', async () => {
    const response = await rest('POST', '/users/unlock', { email: members.editor.email }, 'assistant')
    expect(response.status).toBe(403)
    expectOneWarning(403, 'Forbidden', /not allowed/)
  })

  it('ValidationError over REST (an essay without a title)', async () => {
    const response = await rest('POST', '/essays?draft=false', { slug: 'no-title', body: richText(paragraph('Text.')) }, 'editor')
    expect(response.status).toBe(400)
    expectOneWarning(400, 'ValidationError', /title/i)
  })

  it('a wrong password over REST', async () => {
    const response = await rest('POST', '/users/login', { email: members.editor.email, password: 'wrong-password' })
    expect(response.status).toBe(401)
    expectOneWarning(401, 'AuthenticationError', /email or password provided is incorrect/)
  })

  it("the workflow's refusal over REST (an assistant approving an essay)", async () => {
    const essay = await payload.create({
      collection: 'essays',
      data: { title: 'An essay', slug: 'an-essay', body: richText(paragraph('Text.')) } as never,
      draft: true,
      overrideAccess: true,
    })
    const response = await rest('PATCH', `/essays/${essay.id}?draft=true`, { reviewStatus: 'approved' }, 'assistant')
    expect(response.status).toBe(403)
    expectOneWarning(403, 'WorkflowRefusal', /Editorial assistants cannot move essay/)
  })

  it('a missing document over REST', async () => {
    const response = await rest('GET', '/essays/999999', undefined, 'editor')
    expect(response.status).toBe(404)
    expectOneWarning(404, 'NotFound', /not found/i)
  })

  it('Forbidden over GraphQL (an anonymous delete)', async () => {
    const { body } = await graphql(`mutation { deleteUser(id: ${members.editor.id}) { id } }`)
    expect(body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expectOneWarning(403, 'Forbidden', /not allowed/)
  })
})

describe('GraphQL Access', () => {
  it('answers an anonymous { Access { canAccessAdmin } } with false, not a 500', async () => {
    const { status, body } = await graphql('{ Access { canAccessAdmin } }')
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data).toEqual({ Access: { canAccessAdmin: false } })
    expect(lines.filter((l) => l.level >= 40)).toEqual([])
  })

  it('answers true for a member of the committee', async () => {
    const { body } = await graphql('{ Access { canAccessAdmin } }', 'assistant')
    expect(body).toEqual({ data: { Access: { canAccessAdmin: true } } })
  })
})
