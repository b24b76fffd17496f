import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Chronology entries carry whether their chronology's publication included them
 * (collections/hooks/withholdChangedEntry). The MongoDB twin is
 * ../mongodb/20261129_024138_entries_published_with_chronology.ts.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`chronology_entries\` ADD \`published_with_chronology\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`chronology_entries_published_with_chronology_idx\` ON \`chronology_entries\` (\`published_with_chronology\`);`)
  // Hand-written: what readers see today stays public; entries of unpublished chronologies
  // wait for their first publication.
  await db.run(
    sql`UPDATE \`chronology_entries\` SET \`published_with_chronology\` = 1 WHERE \`chronology_id\` IN (SELECT \`id\` FROM \`chronologies\` WHERE \`_status\` = 'published');`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`chronology_entries_published_with_chronology_idx\`;`)
  await db.run(sql`ALTER TABLE \`chronology_entries\` DROP COLUMN \`published_with_chronology\`;`)
}
