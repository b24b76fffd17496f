import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_publication_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`bulletin_name\` text DEFAULT 'Korea Bulletin' NOT NULL,
  	\`institute\` text NOT NULL,
  	\`centre\` text NOT NULL,
  	\`about_text\` text NOT NULL,
  	\`about_url\` text,
  	\`about_link_text\` text,
  	\`rights_text\` text NOT NULL,
  	\`correspondence_name\` text NOT NULL,
  	\`correspondence_email\` text NOT NULL,
  	\`postal_address\` text,
  	\`email_from_name\` text,
  	\`email_from_address\` text,
  	\`email_reply_to\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_publication_settings\`("id", "bulletin_name", "institute", "centre", "about_text", "about_url", "rights_text", "correspondence_name", "correspondence_email", "postal_address", "email_from_name", "email_from_address", "email_reply_to", "updated_at", "created_at") SELECT "id", "bulletin_name", "institute", "centre", "about_text", "about_url", "rights_text", "correspondence_name", "correspondence_email", "postal_address", "email_from_name", "email_from_address", "email_reply_to", "updated_at", "created_at" FROM \`publication_settings\`;`)
  await db.run(sql`DROP TABLE \`publication_settings\`;`)
  await db.run(sql`ALTER TABLE \`__new_publication_settings\` RENAME TO \`publication_settings\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`ALTER TABLE \`essays\` ADD \`contents_title\` text;`)
  await db.run(sql`ALTER TABLE \`_essays_v\` ADD \`version_contents_title\` text;`)
  await db.run(sql`ALTER TABLE \`publications\` ADD \`contents_title\` text;`)
  await db.run(sql`ALTER TABLE \`_publications_v\` ADD \`version_contents_title\` text;`)
  await db.run(sql`ALTER TABLE \`highlights\` ADD \`caption\` text;`)
  await db.run(sql`ALTER TABLE \`_highlights_v\` ADD \`version_caption\` text;`)
  await db.run(sql`ALTER TABLE \`chronologies\` ADD \`contents_title\` text;`)
  await db.run(sql`ALTER TABLE \`chronologies\` ADD \`period_in_contents\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_chronologies_v\` ADD \`version_contents_title\` text;`)
  await db.run(sql`ALTER TABLE \`_chronologies_v\` ADD \`version_period_in_contents\` integer DEFAULT false;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_publication_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`bulletin_name\` text DEFAULT 'Korea Bulletin' NOT NULL,
  	\`institute\` text NOT NULL,
  	\`centre\` text NOT NULL,
  	\`about_text\` text NOT NULL,
  	\`about_url\` text,
  	\`rights_text\` text NOT NULL,
  	\`correspondence_name\` text NOT NULL,
  	\`correspondence_email\` text NOT NULL,
  	\`postal_address\` text NOT NULL,
  	\`email_from_name\` text,
  	\`email_from_address\` text,
  	\`email_reply_to\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_publication_settings\`("id", "bulletin_name", "institute", "centre", "about_text", "about_url", "rights_text", "correspondence_name", "correspondence_email", "postal_address", "email_from_name", "email_from_address", "email_reply_to", "updated_at", "created_at") SELECT "id", "bulletin_name", "institute", "centre", "about_text", "about_url", "rights_text", "correspondence_name", "correspondence_email", coalesce("postal_address", ''), "email_from_name", "email_from_address", "email_reply_to", "updated_at", "created_at" FROM \`publication_settings\`;`)
  await db.run(sql`DROP TABLE \`publication_settings\`;`)
  await db.run(sql`ALTER TABLE \`__new_publication_settings\` RENAME TO \`publication_settings\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`ALTER TABLE \`essays\` DROP COLUMN \`contents_title\`;`)
  await db.run(sql`ALTER TABLE \`_essays_v\` DROP COLUMN \`version_contents_title\`;`)
  await db.run(sql`ALTER TABLE \`publications\` DROP COLUMN \`contents_title\`;`)
  await db.run(sql`ALTER TABLE \`_publications_v\` DROP COLUMN \`version_contents_title\`;`)
  await db.run(sql`ALTER TABLE \`highlights\` DROP COLUMN \`caption\`;`)
  await db.run(sql`ALTER TABLE \`_highlights_v\` DROP COLUMN \`version_caption\`;`)
  await db.run(sql`ALTER TABLE \`chronologies\` DROP COLUMN \`contents_title\`;`)
  await db.run(sql`ALTER TABLE \`chronologies\` DROP COLUMN \`period_in_contents\`;`)
  await db.run(sql`ALTER TABLE \`_chronologies_v\` DROP COLUMN \`version_contents_title\`;`)
  await db.run(sql`ALTER TABLE \`_chronologies_v\` DROP COLUMN \`version_period_in_contents\`;`)
}
