import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Exports record the hash of the content they were made from (src/issue/modelHash.ts). Older
 * exports keep none; the dashboard compares dates for those. MongoDB needs no twin: a new
 * optional field is simply absent on older documents.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`issue_exports\` ADD \`model_hash\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`issue_exports\` DROP COLUMN \`model_hash\`;`)
}
