/**
 * The development schema push runs only when the tables the config defines changed
 * (src/database.ts pushOnlyWhenChanged): a mark with their hash is kept beside the file.
 * A stand-in adapter records whether Payload's connect would have pushed.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { pushOnlyWhenChanged } from '@/database'

let dir: string
let file: string
const pushes: boolean[] = []

/** An adapter whose connect "pushes" (creates the file) when push is on, as db-sqlite does outside production. */
function standIn(tables: unknown): DatabaseAdapterObj {
  return {
    name: 'stand-in',
    defaultIDType: 'number',
    init: () => {
      const adapter = {
        push: true,
        rawTables: tables,
        connect: async () => {
          pushes.push(adapter.push)
          fs.writeFileSync(file, 'db')
        },
      }
      return adapter as unknown as ReturnType<DatabaseAdapterObj['init']>
    },
  }
}

async function start(tables: unknown): Promise<void> {
  const adapter = pushOnlyWhenChanged(standIn(tables), file).init({ payload: {} as never })
  await adapter.connect?.()
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-mark-'))
  file = path.join(dir, 'bulletin.db')
  pushes.length = 0
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('the development schema push', () => {
  it('runs on a new database, then not again while the tables are the same', async () => {
    await start({ issues: { columns: ['title'] } })
    await start({ issues: { columns: ['title'] } })
    await start({ issues: { columns: ['title'] } })
    expect(pushes).toEqual([true, false, false])
  })

  it('runs again when a collection changed, the database file is new, or the mark is gone', async () => {
    await start({ issues: { columns: ['title'] } })
    await start({ issues: { columns: ['title', 'subtitle'] } })
    await start({ issues: { columns: ['title', 'subtitle'] } })
    fs.rmSync(file)
    await start({ issues: { columns: ['title', 'subtitle'] } })
    fs.rmSync(`${file}.schema`)
    await start({ issues: { columns: ['title', 'subtitle'] } })
    expect(pushes).toEqual([true, true, false, true, true])
  })

  it('never pushes in production, and leaves no mark there', async () => {
    const nodeEnv = process.env.NODE_ENV
    Object.assign(process.env, { NODE_ENV: 'production' })
    try {
      const adapter = standIn({ issues: {} })
      const wrapped = pushOnlyWhenChanged({ ...adapter, init: (args) => Object.assign(adapter.init(args), { push: false }) }, file)
      await wrapped.init({ payload: {} as never }).connect?.()
      expect(fs.existsSync(`${file}.schema`)).toBe(false)
    } finally {
      Object.assign(process.env, { NODE_ENV: nodeEnv })
    }
  })
})
