import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Exports record their kind: a proof (latest drafts, committee only) or the edition
 * (published content, what /issues/<slug>/pdf serves). Every earlier export was rendered
 * from the latest drafts, so it is a proof and is no longer served to readers. The MongoDB
 * twin is ../mongodb/20261202_023619_export_kind.ts.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`issue_exports\` ADD \`kind\` text DEFAULT 'proof' NOT NULL;`)
  await db.run(sql`CREATE INDEX \`issue_exports_kind_idx\` ON \`issue_exports\` (\`kind\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`issue_exports_kind_idx\`;`)
  await db.run(sql`ALTER TABLE \`issue_exports\` DROP COLUMN \`kind\`;`)
}
