import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll } from 'vitest'

import type { User } from '../../src/payload-types'
import { folderSettings, inFolder, type ScratchPayload } from '../../src/runtime/openPayload'
import { startSmtpSink, type SmtpSink } from './smtpSink'

export type TestPayload = ScratchPayload

export interface TestPayloadOptions {
  /** Extra environment, applied last: e.g. SMTP_URL of a test sink, so mail goes there. */
  env?: Record<string, string>
}

/**
 * A real Payload on its own SQLite file in a temp folder, with media and outbox beside it.
 * Vitest gives each test file fresh modules, so the environment is read anew per file.
 */
export async function startTestPayload(options: TestPayloadOptions = {}): Promise<TestPayload> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-test-'))
  Object.assign(process.env, {
    ...folderSettings(dir, { database: 'test.db', secret: 'test-secret-not-for-production-0123456789' }),
    SEED_DEMO_ON_EMPTY: 'false',
    PUBLIC_URL: 'http://localhost:3000',
  })
  delete process.env.SMTP_URL
  Object.assign(process.env, options.env ?? {})
  const config = await (await import('@payload-config')).default
  const { getPayload } = await import('payload')
  return inFolder(await getPayload({ config, key: dir }), dir)
}

/**
 * The demo issue on its own Payload for the whole test file: started and seeded before its
 * tests (then `ready` gets the Payload, for the file's own setup), closed after them.
 */
export function useDemoPayload(ready: (payload: Payload) => void | Promise<void>): void {
  let t: TestPayload | undefined
  beforeAll(async () => {
    t = await startTestPayload()
    // Loaded once the environment above is set: the seed reads the config.
    const { seedDemo } = await import('../../src/seed/demo')
    await seedDemo(t.payload)
    await ready(t.payload)
  }, 120_000)
  afterAll(async () => t?.close())
}

/**
 * A Payload that mails over real SMTP to a loopback sink, with the demo's publication
 * settings (the sender), for the whole test file: `ready` gets both once they have started.
 */
export function useMailedPayload(ready: (started: { payload: Payload; sink: SmtpSink }) => void): void {
  let t: TestPayload | undefined
  let sink: SmtpSink | undefined
  beforeAll(async () => {
    sink = await startSmtpSink()
    t = await startTestPayload({ env: { SMTP_URL: sink.url } })
    const { demoSettings } = await import('../../src/seed/demoContent')
    await t.payload.updateGlobal({ slug: 'publication-settings', data: demoSettings })
    ready({ payload: t.payload, sink })
  })
  afterAll(async () => {
    await t?.close()
    await sink?.close()
  })
}

/** The password of every member the tests create. */
export const MEMBER_PASSWORD = 'a-long-test-password'

/**
 * One committee member per name, with its role, created as an admin would:
 * `<name>@example.org`, called "The <name>".
 */
export async function createMembers<Name extends string>(payload: Payload, roles: Record<Name, User['role']>): Promise<Record<Name, User>> {
  const members = {} as Record<Name, User>
  for (const name of Object.keys(roles) as Name[]) {
    members[name] = await payload.create({
      collection: 'users',
      data: { email: `${name}@example.org`, password: MEMBER_PASSWORD, name: `The ${name}`, role: roles[name] },
      overrideAccess: true,
    })
  }
  return members
}
