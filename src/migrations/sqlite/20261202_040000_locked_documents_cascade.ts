import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

const TABLE = 'payload_locked_documents_rels'

type Row = Record<string, unknown>

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

/**
 * payload_locked_documents_rels: the columns later migrations added with ALTER TABLE (issue
 * exports, campaigns, deliveries, audit log) reference their collection without ON DELETE
 * CASCADE (SQLite's ADD COLUMN cannot carry it, and drizzle-kit left it out), while the schema
 * Payload pushes from the config cascades every reference of this table
 * (tests/int/migrations.int.spec.ts compares the two). SQLite cannot change a foreign key,
 * so the table is rebuilt, with whatever columns it has by now, every reference cascading.
 * A lock row whose document is already gone is not copied: the cascade would have removed it.
 * MongoDB needs no twin: it has no foreign keys.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  const rows = async (query: string): Promise<Row[]> => (await db.run(sql.raw(query))).rows as unknown as Row[]
  const columns = await rows(`PRAGMA table_info(${quote(TABLE)})`)
  const references = await rows(`PRAGMA foreign_key_list(${quote(TABLE)})`)
  const indexes = await rows(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '${TABLE}' AND sql IS NOT NULL`)
  if (columns.length === 0) return

  const definitions = columns.map((c) => {
    let definition = `${quote(String(c.name))} ${String(c.type)}`
    if (Number(c.pk) > 0) definition += ' PRIMARY KEY'
    if (Number(c.notnull) === 1) definition += ' NOT NULL'
    if (c.dflt_value !== null && c.dflt_value !== undefined) definition += ` DEFAULT ${String(c.dflt_value)}`
    return definition
  })
  const foreignKeys = references.map(
    (r) => `FOREIGN KEY (${quote(String(r.from))}) REFERENCES ${quote(String(r.table))}(${quote(String(r.to ?? 'id'))}) ON UPDATE no action ON DELETE cascade`,
  )
  const names = columns.map((c) => quote(String(c.name))).join(', ')
  const alive = references.map((r) => {
    const from = `${quote(TABLE)}.${quote(String(r.from))}`
    return `(${from} IS NULL OR EXISTS (SELECT 1 FROM ${quote(String(r.table))} WHERE ${quote(String(r.to ?? 'id'))} = ${from}))`
  })

  const rebuilt = `__new_${TABLE}`
  await db.run(sql.raw(`CREATE TABLE ${quote(rebuilt)} (\n  ${[...definitions, ...foreignKeys].join(',\n  ')}\n);`))
  await db.run(sql.raw(`INSERT INTO ${quote(rebuilt)} (${names}) SELECT ${names} FROM ${quote(TABLE)}${alive.length > 0 ? ` WHERE ${alive.join(' AND ')}` : ''};`))
  await db.run(sql.raw(`DROP TABLE ${quote(TABLE)};`))
  await db.run(sql.raw(`ALTER TABLE ${quote(rebuilt)} RENAME TO ${quote(TABLE)};`))
  for (const index of indexes) await db.run(sql.raw(`${String(index.sql)};`))
}

/** Nothing to undo: the cascading references are what the config asks for. */
export async function down(_args: MigrateDownArgs): Promise<void> {}
