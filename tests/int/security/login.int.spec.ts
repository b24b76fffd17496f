import { handleEndpoints, type Payload, type TypeWithID } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { startTestPayload, type TestPayload } from '../../support/payload'

/**
 * Logins as an outsider sees them: who may unlock an account, when an account locks and
 * unlocks, and that a refused login tells nothing about whether the address has an account.
 */

const PASSWORD = 'a-long-test-password'
// The generated auth types ask unlock for a password too; Payload reads only the email.
const unlockData = (email: string) => ({ email, password: '' })
const GENERIC = 'The email or password provided is incorrect.'

let t: TestPayload
let payload: Payload
const members: Record<'admin' | 'editor' | 'production' | 'assistant' | 'victim', User> = {} as never

async function member(key: keyof typeof members, role: User['role']): Promise<User> {
  return payload.create({
    collection: 'users',
    data: { email: `${key}@example.org`, password: PASSWORD, name: key, role },
    overrideAccess: true,
  })
}

type LockState = { loginAttempts?: number | null; lockUntil?: string | null }

async function stored(id: User['id']): Promise<LockState> {
  const doc = await payload.db.findOne<TypeWithID & LockState>({
    collection: 'users',
    where: { id: { equals: id } },
  })
  return doc ?? {}
}

async function setLock(id: User['id'], lockUntil: Date | null, loginAttempts: number): Promise<void> {
  await payload.db.updateOne({
    collection: 'users',
    id,
    data: { lockUntil: lockUntil?.toISOString() ?? null, loginAttempts },
    returning: false,
  })
}

function rest(path: string, init: { method: string; body?: unknown; token?: string }): Promise<Response> {
  return handleEndpoints({
    config: payload.config,
    payloadInstanceCacheKey: t.dir,
    request: new Request(`http://localhost:3000/api${path}`, {
      method: init.method,
      headers: {
        'Content-Type': 'application/json',
        ...(init.token ? { Authorization: `JWT ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
  })
}

async function tokenOf(key: keyof typeof members): Promise<string> {
  const { token } = await payload.login({ collection: 'users', data: { email: members[key].email, password: PASSWORD } })
  if (!token) throw new Error(`no token for ${key}`)
  return token
}

async function loginError(email: string, password: string): Promise<{ name: string; message: string; status?: number }> {
  try {
    await payload.login({ collection: 'users', data: { email, password } })
  } catch (error) {
    const e = error as { name: string; message: string; status?: number }
    return { name: e.name, message: e.message, status: e.status }
  }
  throw new Error(`login of ${email} succeeded`)
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  members.admin = await member('admin', 'admin')
  members.editor = await member('editor', 'editor')
  members.production = await member('production', 'productionEditor')
  members.assistant = await member('assistant', 'editorialAssistant')
  members.victim = await member('victim', 'editorialAssistant')
})

afterAll(async () => {
  await t?.close()
})

beforeEach(async () => {
  await setLock(members.victim.id, null, 0)
})

describe('unlocking an account', () => {
  const locked = () => setLock(members.victim.id, new Date(Date.now() + 10 * 60_000), 5)

  it.each(['assistant', 'production'] as const)('is refused to the %s through the Local API and REST', async (key) => {
    await locked()
    await expect(
      payload.unlock({ collection: 'users', data: unlockData(members.victim.email), overrideAccess: false, req: { user: { ...members[key], collection: 'users' } } }),
    ).rejects.toMatchObject({ name: 'Forbidden', status: 403 })
    const response = await rest('/users/unlock', { method: 'POST', body: { email: members.victim.email }, token: await tokenOf(key) })
    expect(response.status).toBe(403)
    expect((await stored(members.victim.id)).lockUntil).toBeTruthy()
    expect((await stored(members.victim.id)).loginAttempts).toBe(5)
  })

  it('is refused to the public over REST', async () => {
    await locked()
    const response = await rest('/users/unlock', { method: 'POST', body: { email: members.victim.email } })
    expect(response.status).toBe(403)
    expect((await stored(members.victim.id)).loginAttempts).toBe(5)
  })

  it.each(['editor', 'admin'] as const)('is allowed to the %s through the Local API and REST', async (key) => {
    await locked()
    await payload.unlock({ collection: 'users', data: unlockData(members.victim.email), overrideAccess: false, req: { user: { ...members[key], collection: 'users' } } })
    expect((await stored(members.victim.id)).loginAttempts).toBe(0)
    await locked()
    const response = await rest('/users/unlock', { method: 'POST', body: { email: members.victim.email }, token: await tokenOf(key) })
    expect(response.status).toBe(200)
    expect(await stored(members.victim.id)).toMatchObject({ loginAttempts: 0, lockUntil: null })
  })
})

describe('the login lock', () => {
  it('locks after five failures for lockTime (ten minutes): the right password is then refused; once lockUntil has passed it works again', async () => {
    const lockTime = payload.collections.users.config.auth.lockTime
    expect(payload.collections.users.config.auth.maxLoginAttempts).toBe(5)
    expect(lockTime).toBe(10 * 60 * 1000)
    for (let i = 1; i <= 4; i += 1) {
      await loginError(members.victim.email, `wrong-${i}`)
      expect(await stored(members.victim.id)).toMatchObject({ loginAttempts: i })
      expect((await stored(members.victim.id)).lockUntil ?? null).toBeNull()
    }
    // Four failures: the right password still works (and clears the count).
    await expect(payload.login({ collection: 'users', data: { email: members.victim.email, password: PASSWORD } })).resolves.toMatchObject({ token: expect.any(String) })
    expect((await stored(members.victim.id)).loginAttempts).toBe(0)

    const before = Date.now()
    for (let i = 1; i <= 5; i += 1) await loginError(members.victim.email, `wrong-${i}`)
    const lockUntil = Date.parse((await stored(members.victim.id)).lockUntil ?? '')
    expect(lockUntil).toBeGreaterThanOrEqual(before + lockTime)
    expect(lockUntil).toBeLessThanOrEqual(Date.now() + lockTime)
    expect(await loginError(members.victim.email, PASSWORD)).toMatchObject({ status: 401, message: GENERIC })

    // The clock moves on past lockUntil: written one second in the past, as Payload sees it
    // once lockTime has gone by (waiting ten real minutes is not a test).
    await setLock(members.victim.id, new Date(Date.now() - 1000), 5)
    await expect(payload.login({ collection: 'users', data: { email: members.victim.email, password: PASSWORD } })).resolves.toMatchObject({ token: expect.any(String) })
    expect(await stored(members.victim.id)).toMatchObject({ loginAttempts: 0, lockUntil: null })
  })
})

describe('a refused login', () => {
  const unknown = 'nobody-here@example.org'
  const lockVictim = () => setLock(members.victim.id, new Date(Date.now() + 10 * 60_000), 5)

  async function restLogin(email: string, password: string): Promise<{ status: number; body: string; ms: number }> {
    const started = performance.now()
    const response = await rest('/users/login', { method: 'POST', body: { email, password } })
    const body = await response.text()
    return { status: response.status, body, ms: performance.now() - started }
  }

  it('answers a locked account, a wrong password and an unknown address alike over REST (status and body)', async () => {
    const wrong = await restLogin(members.victim.email, 'wrong-password')
    await lockVictim()
    const lockedWrong = await restLogin(members.victim.email, 'wrong-password')
    const lockedRight = await restLogin(members.victim.email, PASSWORD)
    const nobody = await restLogin(unknown, 'wrong-password')
    expect(wrong.status).toBe(401)
    expect(JSON.parse(wrong.body)).toEqual({ errors: [{ message: GENERIC }] })
    for (const other of [lockedWrong, lockedRight, nobody]) {
      expect(other.status).toBe(wrong.status)
      expect(other.body).toBe(wrong.body)
    }
  })

  it('answers parallel wrong guesses that lock the account mid-way alike over REST', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => restLogin(members.victim.email, `guess-${i}`)))
    expect(new Set(answers.map((a) => `${a.status} ${a.body}`))).toEqual(new Set([`401 ${JSON.stringify({ errors: [{ message: GENERIC }] })}`]))
    expect((await stored(members.victim.id)).lockUntil).toBeTruthy()
  })

  it('answers alike through the Local API', async () => {
    const wrong = await loginError(members.victim.email, 'wrong-password')
    await lockVictim()
    expect(await loginError(members.victim.email, PASSWORD)).toEqual(wrong)
    expect(await loginError(unknown, 'wrong-password')).toEqual(wrong)
    expect(wrong).toMatchObject({ status: 401, message: GENERIC })
  })

  it('takes about as long for a locked account, a wrong password and an unknown address (medians within 2x)', async () => {
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
    const times: Record<'wrong' | 'locked' | 'unknown', number[]> = { wrong: [], locked: [], unknown: [] }
    for (let round = 0; round < 7; round += 1) {
      // Interleaved, so a busy moment of the machine weighs on every kind alike.
      await setLock(members.victim.id, null, 0)
      times.wrong.push((await restLogin(members.victim.email, 'wrong-password')).ms)
      await lockVictim()
      times.locked.push((await restLogin(members.victim.email, 'wrong-password')).ms)
      times.unknown.push((await restLogin(`nobody-${round}@example.org`, 'wrong-password')).ms)
    }
    const medians = Object.values(times).map(median)
    const ratio = Math.max(...medians) / Math.min(...medians)
    expect(ratio, `medians (ms) wrong, locked, unknown: ${medians.map((m) => m.toFixed(0)).join(', ')}`).toBeLessThan(2)
  })
})
