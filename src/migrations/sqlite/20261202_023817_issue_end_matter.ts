import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`issues\` ADD \`layout_end_matter\` text DEFAULT 'none';`)
  await db.run(sql`ALTER TABLE \`_issues_v\` ADD \`version_layout_end_matter\` text DEFAULT 'none';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`issues\` DROP COLUMN \`layout_end_matter\`;`)
  await db.run(sql`ALTER TABLE \`_issues_v\` DROP COLUMN \`version_layout_end_matter\`;`)
}
