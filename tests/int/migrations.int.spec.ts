import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { createClient } from '@libsql/client'
import { afterAll, describe, expect, it } from 'vitest'

import { spawnCli } from '../support/campaign'

/**
 * Production never pushes the schema: a fresh SQLite database must be built by the
 * committed migrations alone, at start, and come out as the schema Payload pushes from the
 * config in development. (Generic: it holds for whatever migrations are committed.)
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-prod-'))
const previousNodeEnv = process.env.NODE_ENV

afterAll(() => {
  Object.assign(process.env, { NODE_ENV: previousNodeEnv })
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('production start on an empty SQLite database', () => {
  it('runs the committed migrations and can store an issue', async () => {
    Object.assign(process.env, {
      NODE_ENV: 'production',
      DATABASE_URI: `file:${path.join(dir, 'prod.db')}`,
      PAYLOAD_SECRET: 'production-like-secret-0123456789abcdef',
      MEDIA_DIR: path.join(dir, 'media'),
      SEED_DEMO_ON_EMPTY: 'false',
    })
    const { default: config } = await import('@payload-config')
    const { getPayload } = await import('payload')
    const payload = await getPayload({ config, key: dir })
    const applied = await payload.find({ collection: 'payload-migrations', depth: 0 })
    expect(applied.docs.map((doc) => doc.name)).toContain('20261128_201742_initial')
    const issue = await payload.create({
      collection: 'issues',
      data: { title: 'Prod check', slug: 'prod-check', volume: 1, number: 1, quarter: '1', year: 2025, publicationDate: '2025-03-31T12:00:00.000Z' },
    })
    expect(issue.id).toBeTruthy()
    await payload.destroy()
  })

  it('builds the same tables, columns, indexes and foreign keys as the schema pushed from the config', async () => {
    // Pushed: a development-mode process (push on) on another empty database.
    const pushDir = path.join(dir, 'push')
    fs.mkdirSync(pushDir)
    const push = spawnCli(pushDir, {}, ['export-subscribers', '--out', path.join(pushDir, 'subscribers.csv')])
    expect(await push.exited, push.output().slice(-3000)).toBe(0)
    const [migrated, pushed] = [await schemaOf(path.join(dir, 'prod.db')), await schemaOf(path.join(pushDir, 'test.db'))]
    expect(Object.keys(migrated).length).toBeGreaterThan(20)
    expect(Object.keys(migrated).sort()).toEqual(Object.keys(pushed).sort())
    // Every table that differs, at once, so one run shows all there is to fix.
    const differing = Object.keys(pushed).filter((table) => !isDeepStrictEqual(migrated[table], pushed[table]))
    const pick = (schema: Record<string, TableSchema>) => Object.fromEntries(differing.map((table) => [table, schema[table]]))
    expect(pick(migrated)).toEqual(pick(pushed))
  }, 180_000)
})

interface TableSchema {
  columns: Array<{ name: string; type: string; notnull: number; dflt_value: unknown; pk: number }>
  indexes: Array<{ name: string; unique: number; partial: number; columns: string[] }>
  foreignKeys: Array<{ table: string; from: string; to: string | null; on_update: string; on_delete: string }>
}

/** What sqlite_master and the table pragmas say of every table of a database file. */
async function schemaOf(file: string): Promise<Record<string, TableSchema>> {
  const client = createClient({ url: `file:${file}` })
  try {
    const rows = async <T>(sql: string): Promise<T[]> => (await client.execute(sql)).rows as unknown as T[]
    const tables = await rows<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    const schema: Record<string, TableSchema> = {}
    for (const { name } of tables) {
      const q = (pragma: string) => `PRAGMA ${pragma}("${name.replace(/"/g, '""')}")`
      const columns = (await rows<TableSchema['columns'][number]>(q('table_info'))).map(({ name, type, notnull, dflt_value, pk }) => ({ name, type: type.toLowerCase(), notnull, dflt_value, pk }))
      const indexes: TableSchema['indexes'] = []
      for (const index of await rows<{ name: string; unique: number; partial: number }>(q('index_list'))) {
        const indexColumns = (await rows<{ name: string }>(`PRAGMA index_info("${index.name.replace(/"/g, '""')}")`)).map((c) => c.name)
        indexes.push({ name: index.name, unique: index.unique, partial: index.partial, columns: indexColumns })
      }
      const foreignKeys = (await rows<TableSchema['foreignKeys'][number]>(q('foreign_key_list'))).map(({ table, from, to, on_update, on_delete }) => ({ table, from, to, on_update, on_delete }))
      schema[name] = {
        columns: columns.sort((a, b) => a.name.localeCompare(b.name)),
        indexes: indexes.sort((a, b) => a.name.localeCompare(b.name)),
        foreignKeys: foreignKeys.sort((a, b) => `${a.from}>${a.table}`.localeCompare(`${b.from}>${b.table}`)),
      }
    }
    return schema
  } finally {
    client.close()
  }
}
