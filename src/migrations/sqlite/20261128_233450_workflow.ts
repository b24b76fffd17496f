import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`essays_review_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`author_id\` integer,
  	\`created_at\` text,
  	\`text\` text,
  	\`resolved\` integer DEFAULT false,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`essays\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`essays_review_notes_order_idx\` ON \`essays_review_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`essays_review_notes_parent_id_idx\` ON \`essays_review_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`essays_review_notes_author_idx\` ON \`essays_review_notes\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`_essays_v_version_review_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`author_id\` integer,
  	\`created_at\` text,
  	\`text\` text,
  	\`resolved\` integer DEFAULT false,
  	\`_uuid\` text,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_essays_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_essays_v_version_review_notes_order_idx\` ON \`_essays_v_version_review_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_essays_v_version_review_notes_parent_id_idx\` ON \`_essays_v_version_review_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_essays_v_version_review_notes_author_idx\` ON \`_essays_v_version_review_notes\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`publications_review_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`author_id\` integer,
  	\`created_at\` text,
  	\`text\` text,
  	\`resolved\` integer DEFAULT false,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`publications\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`publications_review_notes_order_idx\` ON \`publications_review_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`publications_review_notes_parent_id_idx\` ON \`publications_review_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`publications_review_notes_author_idx\` ON \`publications_review_notes\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`_publications_v_version_review_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`author_id\` integer,
  	\`created_at\` text,
  	\`text\` text,
  	\`resolved\` integer DEFAULT false,
  	\`_uuid\` text,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_publications_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_publications_v_version_review_notes_order_idx\` ON \`_publications_v_version_review_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_review_notes_parent_id_idx\` ON \`_publications_v_version_review_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_review_notes_author_idx\` ON \`_publications_v_version_review_notes\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`highlights_review_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`author_id\` integer,
  	\`created_at\` text,
  	\`text\` text,
  	\`resolved\` integer DEFAULT false,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`highlights\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`highlights_review_notes_order_idx\` ON \`highlights_review_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`highlights_review_notes_parent_id_idx\` ON \`highlights_review_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`highlights_review_notes_author_idx\` ON \`highlights_review_notes\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`_highlights_v_version_review_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`author_id\` integer,
  	\`created_at\` text,
  	\`text\` text,
  	\`resolved\` integer DEFAULT false,
  	\`_uuid\` text,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_highlights_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_review_notes_order_idx\` ON \`_highlights_v_version_review_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_review_notes_parent_id_idx\` ON \`_highlights_v_version_review_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_review_notes_author_idx\` ON \`_highlights_v_version_review_notes\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`chronologies_review_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`author_id\` integer,
  	\`created_at\` text,
  	\`text\` text,
  	\`resolved\` integer DEFAULT false,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`chronologies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`chronologies_review_notes_order_idx\` ON \`chronologies_review_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`chronologies_review_notes_parent_id_idx\` ON \`chronologies_review_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`chronologies_review_notes_author_idx\` ON \`chronologies_review_notes\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`_chronologies_v_version_review_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`author_id\` integer,
  	\`created_at\` text,
  	\`text\` text,
  	\`resolved\` integer DEFAULT false,
  	\`_uuid\` text,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_chronologies_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_chronologies_v_version_review_notes_order_idx\` ON \`_chronologies_v_version_review_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_version_review_notes_parent_id_idx\` ON \`_chronologies_v_version_review_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_version_review_notes_author_idx\` ON \`_chronologies_v_version_review_notes\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`summary\` text,
  	\`collection_slug\` text,
  	\`document_id\` text,
  	\`document_title\` text,
  	\`from\` text,
  	\`to\` text,
  	\`user_id\` integer,
  	\`user_email\` text,
  	\`details\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_at_idx\` ON \`audit_log\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_action_idx\` ON \`audit_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_collection_slug_idx\` ON \`audit_log\` (\`collection_slug\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_document_id_idx\` ON \`audit_log\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_user_idx\` ON \`audit_log\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`essays\` ADD \`review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`essays\` ADD \`assignee_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`essays\` ADD \`layout_ready\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`essays_review_status_idx\` ON \`essays\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`essays_assignee_idx\` ON \`essays\` (\`assignee_id\`);`)
  await db.run(sql`ALTER TABLE \`_essays_v\` ADD \`version_review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_essays_v\` ADD \`version_assignee_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_essays_v\` ADD \`version_layout_ready\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`_essays_v_version_version_review_status_idx\` ON \`_essays_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_essays_v_version_version_assignee_idx\` ON \`_essays_v\` (\`version_assignee_id\`);`)
  await db.run(sql`ALTER TABLE \`publications\` ADD \`review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`publications\` ADD \`assignee_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`publications\` ADD \`layout_ready\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`publications_review_status_idx\` ON \`publications\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`publications_assignee_idx\` ON \`publications\` (\`assignee_id\`);`)
  await db.run(sql`ALTER TABLE \`_publications_v\` ADD \`version_review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_publications_v\` ADD \`version_assignee_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_publications_v\` ADD \`version_layout_ready\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_version_review_status_idx\` ON \`_publications_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_version_assignee_idx\` ON \`_publications_v\` (\`version_assignee_id\`);`)
  await db.run(sql`ALTER TABLE \`highlights\` ADD \`review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`highlights\` ADD \`assignee_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`highlights\` ADD \`layout_ready\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`highlights_review_status_idx\` ON \`highlights\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`highlights_assignee_idx\` ON \`highlights\` (\`assignee_id\`);`)
  await db.run(sql`ALTER TABLE \`_highlights_v\` ADD \`version_review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_highlights_v\` ADD \`version_assignee_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_highlights_v\` ADD \`version_layout_ready\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_version_review_status_idx\` ON \`_highlights_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_version_assignee_idx\` ON \`_highlights_v\` (\`version_assignee_id\`);`)
  await db.run(sql`ALTER TABLE \`chronologies\` ADD \`review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`chronologies\` ADD \`assignee_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`chronologies\` ADD \`layout_ready\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`chronologies_review_status_idx\` ON \`chronologies\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`chronologies_assignee_idx\` ON \`chronologies\` (\`assignee_id\`);`)
  await db.run(sql`ALTER TABLE \`_chronologies_v\` ADD \`version_review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_chronologies_v\` ADD \`version_assignee_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_chronologies_v\` ADD \`version_layout_ready\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_version_version_review_status_idx\` ON \`_chronologies_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_version_version_assignee_idx\` ON \`_chronologies_v\` (\`version_assignee_id\`);`)
  // Hand-written: what was published before the review workflow counts as approved, so
  // saving it again is not refused (only approved items can be published).
  for (const table of ['essays', 'publications', 'highlights', 'chronologies']) {
    await db.run(sql.raw(`UPDATE \`${table}\` SET \`review_status\` = 'approved' WHERE \`_status\` = 'published';`))
    await db.run(sql.raw(`UPDATE \`_${table}_v\` SET \`version_review_status\` = 'approved' WHERE \`version__status\` = 'published';`))
  }
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`audit_log_id\` integer REFERENCES audit_log(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`essays_review_notes\`;`)
  await db.run(sql`DROP TABLE \`_essays_v_version_review_notes\`;`)
  await db.run(sql`DROP TABLE \`publications_review_notes\`;`)
  await db.run(sql`DROP TABLE \`_publications_v_version_review_notes\`;`)
  await db.run(sql`DROP TABLE \`highlights_review_notes\`;`)
  await db.run(sql`DROP TABLE \`_highlights_v_version_review_notes\`;`)
  await db.run(sql`DROP TABLE \`chronologies_review_notes\`;`)
  await db.run(sql`DROP TABLE \`_chronologies_v_version_review_notes\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_essays\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`standfirst\` text,
  	\`body\` text,
  	\`issue_id\` integer,
  	\`order\` numeric DEFAULT 1,
  	\`layout_start_on_new_page\` integer DEFAULT false,
  	\`layout_pull_quote_size\` text DEFAULT 'large',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`issue_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_essays\`("id", "title", "slug", "standfirst", "body", "issue_id", "order", "layout_start_on_new_page", "layout_pull_quote_size", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "standfirst", "body", "issue_id", "order", "layout_start_on_new_page", "layout_pull_quote_size", "updated_at", "created_at", "_status" FROM \`essays\`;`)
  await db.run(sql`DROP TABLE \`essays\`;`)
  await db.run(sql`ALTER TABLE \`__new_essays\` RENAME TO \`essays\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`essays_slug_idx\` ON \`essays\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`essays_issue_idx\` ON \`essays\` (\`issue_id\`);`)
  await db.run(sql`CREATE INDEX \`essays_updated_at_idx\` ON \`essays\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`essays_created_at_idx\` ON \`essays\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`essays__status_idx\` ON \`essays\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__essays_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_standfirst\` text,
  	\`version_body\` text,
  	\`version_issue_id\` integer,
  	\`version_order\` numeric DEFAULT 1,
  	\`version_layout_start_on_new_page\` integer DEFAULT false,
  	\`version_layout_pull_quote_size\` text DEFAULT 'large',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`essays\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_issue_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__essays_v\`("id", "parent_id", "version_title", "version_slug", "version_standfirst", "version_body", "version_issue_id", "version_order", "version_layout_start_on_new_page", "version_layout_pull_quote_size", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_slug", "version_standfirst", "version_body", "version_issue_id", "version_order", "version_layout_start_on_new_page", "version_layout_pull_quote_size", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_essays_v\`;`)
  await db.run(sql`DROP TABLE \`_essays_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__essays_v\` RENAME TO \`_essays_v\`;`)
  await db.run(sql`CREATE INDEX \`_essays_v_parent_idx\` ON \`_essays_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_essays_v_version_version_slug_idx\` ON \`_essays_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_essays_v_version_version_issue_idx\` ON \`_essays_v\` (\`version_issue_id\`);`)
  await db.run(sql`CREATE INDEX \`_essays_v_version_version_updated_at_idx\` ON \`_essays_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_essays_v_version_version_created_at_idx\` ON \`_essays_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_essays_v_version_version__status_idx\` ON \`_essays_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_essays_v_created_at_idx\` ON \`_essays_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_essays_v_updated_at_idx\` ON \`_essays_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_essays_v_latest_idx\` ON \`_essays_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_essays_v_autosave_idx\` ON \`_essays_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_publications\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'recent',
  	\`title\` text,
  	\`subtitle\` text,
  	\`publisher\` text,
  	\`place\` text,
  	\`year\` numeric,
  	\`isbn\` text,
  	\`cover_id\` integer,
  	\`description\` text,
  	\`url\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_publications\`("id", "kind", "title", "subtitle", "publisher", "place", "year", "isbn", "cover_id", "description", "url", "updated_at", "created_at", "_status") SELECT "id", "kind", "title", "subtitle", "publisher", "place", "year", "isbn", "cover_id", "description", "url", "updated_at", "created_at", "_status" FROM \`publications\`;`)
  await db.run(sql`DROP TABLE \`publications\`;`)
  await db.run(sql`ALTER TABLE \`__new_publications\` RENAME TO \`publications\`;`)
  await db.run(sql`CREATE INDEX \`publications_cover_idx\` ON \`publications\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`publications_updated_at_idx\` ON \`publications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`publications_created_at_idx\` ON \`publications\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`publications__status_idx\` ON \`publications\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__publications_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_kind\` text DEFAULT 'recent',
  	\`version_title\` text,
  	\`version_subtitle\` text,
  	\`version_publisher\` text,
  	\`version_place\` text,
  	\`version_year\` numeric,
  	\`version_isbn\` text,
  	\`version_cover_id\` integer,
  	\`version_description\` text,
  	\`version_url\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`publications\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__publications_v\`("id", "parent_id", "version_kind", "version_title", "version_subtitle", "version_publisher", "version_place", "version_year", "version_isbn", "version_cover_id", "version_description", "version_url", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_kind", "version_title", "version_subtitle", "version_publisher", "version_place", "version_year", "version_isbn", "version_cover_id", "version_description", "version_url", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_publications_v\`;`)
  await db.run(sql`DROP TABLE \`_publications_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__publications_v\` RENAME TO \`_publications_v\`;`)
  await db.run(sql`CREATE INDEX \`_publications_v_parent_idx\` ON \`_publications_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_version_cover_idx\` ON \`_publications_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_version_updated_at_idx\` ON \`_publications_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_version_created_at_idx\` ON \`_publications_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_version__status_idx\` ON \`_publications_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_created_at_idx\` ON \`_publications_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_updated_at_idx\` ON \`_publications_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_latest_idx\` ON \`_publications_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_autosave_idx\` ON \`_publications_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_highlights\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`event_date\` text,
  	\`issue_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`issue_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_highlights\`("id", "title", "event_date", "issue_id", "updated_at", "created_at", "_status") SELECT "id", "title", "event_date", "issue_id", "updated_at", "created_at", "_status" FROM \`highlights\`;`)
  await db.run(sql`DROP TABLE \`highlights\`;`)
  await db.run(sql`ALTER TABLE \`__new_highlights\` RENAME TO \`highlights\`;`)
  await db.run(sql`CREATE INDEX \`highlights_issue_idx\` ON \`highlights\` (\`issue_id\`);`)
  await db.run(sql`CREATE INDEX \`highlights_updated_at_idx\` ON \`highlights\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`highlights_created_at_idx\` ON \`highlights\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`highlights__status_idx\` ON \`highlights\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__highlights_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_event_date\` text,
  	\`version_issue_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`highlights\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_issue_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__highlights_v\`("id", "parent_id", "version_title", "version_event_date", "version_issue_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_event_date", "version_issue_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_highlights_v\`;`)
  await db.run(sql`DROP TABLE \`_highlights_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__highlights_v\` RENAME TO \`_highlights_v\`;`)
  await db.run(sql`CREATE INDEX \`_highlights_v_parent_idx\` ON \`_highlights_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_version_issue_idx\` ON \`_highlights_v\` (\`version_issue_id\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_version_updated_at_idx\` ON \`_highlights_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_version_created_at_idx\` ON \`_highlights_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_version__status_idx\` ON \`_highlights_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_created_at_idx\` ON \`_highlights_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_updated_at_idx\` ON \`_highlights_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_latest_idx\` ON \`_highlights_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_autosave_idx\` ON \`_highlights_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_chronologies\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text DEFAULT 'ASEAN - Korea Relations: A Chronology of Key Events',
  	\`issue_id\` integer,
  	\`period_start\` text,
  	\`period_end\` text,
  	\`compiler\` text,
  	\`compiler_affiliation\` text,
  	\`intro\` text,
  	\`sources_note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`issue_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_chronologies\`("id", "title", "issue_id", "period_start", "period_end", "compiler", "compiler_affiliation", "intro", "sources_note", "updated_at", "created_at", "_status") SELECT "id", "title", "issue_id", "period_start", "period_end", "compiler", "compiler_affiliation", "intro", "sources_note", "updated_at", "created_at", "_status" FROM \`chronologies\`;`)
  await db.run(sql`DROP TABLE \`chronologies\`;`)
  await db.run(sql`ALTER TABLE \`__new_chronologies\` RENAME TO \`chronologies\`;`)
  await db.run(sql`CREATE INDEX \`chronologies_issue_idx\` ON \`chronologies\` (\`issue_id\`);`)
  await db.run(sql`CREATE INDEX \`chronologies_updated_at_idx\` ON \`chronologies\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`chronologies_created_at_idx\` ON \`chronologies\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`chronologies__status_idx\` ON \`chronologies\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__chronologies_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text DEFAULT 'ASEAN - Korea Relations: A Chronology of Key Events',
  	\`version_issue_id\` integer,
  	\`version_period_start\` text,
  	\`version_period_end\` text,
  	\`version_compiler\` text,
  	\`version_compiler_affiliation\` text,
  	\`version_intro\` text,
  	\`version_sources_note\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`chronologies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_issue_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__chronologies_v\`("id", "parent_id", "version_title", "version_issue_id", "version_period_start", "version_period_end", "version_compiler", "version_compiler_affiliation", "version_intro", "version_sources_note", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_issue_id", "version_period_start", "version_period_end", "version_compiler", "version_compiler_affiliation", "version_intro", "version_sources_note", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_chronologies_v\`;`)
  await db.run(sql`DROP TABLE \`_chronologies_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__chronologies_v\` RENAME TO \`_chronologies_v\`;`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_parent_idx\` ON \`_chronologies_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_version_version_issue_idx\` ON \`_chronologies_v\` (\`version_issue_id\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_version_version_updated_at_idx\` ON \`_chronologies_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_version_version_created_at_idx\` ON \`_chronologies_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_version_version__status_idx\` ON \`_chronologies_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_created_at_idx\` ON \`_chronologies_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_updated_at_idx\` ON \`_chronologies_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_latest_idx\` ON \`_chronologies_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_autosave_idx\` ON \`_chronologies_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`issues_id\` integer,
  	\`essays_id\` integer,
  	\`authors_id\` integer,
  	\`publications_id\` integer,
  	\`highlights_id\` integer,
  	\`chronologies_id\` integer,
  	\`chronology_entries_id\` integer,
  	\`media_id\` integer,
  	\`issue_exports_id\` integer,
  	\`subscribers_id\` integer,
  	\`campaigns_id\` integer,
  	\`deliveries_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`issues_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`essays_id\`) REFERENCES \`essays\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`authors_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`publications_id\`) REFERENCES \`publications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`highlights_id\`) REFERENCES \`highlights\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`chronologies_id\`) REFERENCES \`chronologies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`chronology_entries_id\`) REFERENCES \`chronology_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`issue_exports_id\`) REFERENCES \`issue_exports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subscribers_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`deliveries_id\`) REFERENCES \`deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "issues_id", "essays_id", "authors_id", "publications_id", "highlights_id", "chronologies_id", "chronology_entries_id", "media_id", "issue_exports_id", "subscribers_id", "campaigns_id", "deliveries_id", "users_id") SELECT "id", "order", "parent_id", "path", "issues_id", "essays_id", "authors_id", "publications_id", "highlights_id", "chronologies_id", "chronology_entries_id", "media_id", "issue_exports_id", "subscribers_id", "campaigns_id", "deliveries_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_issues_id_idx\` ON \`payload_locked_documents_rels\` (\`issues_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_essays_id_idx\` ON \`payload_locked_documents_rels\` (\`essays_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_authors_id_idx\` ON \`payload_locked_documents_rels\` (\`authors_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_publications_id_idx\` ON \`payload_locked_documents_rels\` (\`publications_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_highlights_id_idx\` ON \`payload_locked_documents_rels\` (\`highlights_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_chronologies_id_idx\` ON \`payload_locked_documents_rels\` (\`chronologies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_chronology_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`chronology_entries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_issue_exports_id_idx\` ON \`payload_locked_documents_rels\` (\`issue_exports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`subscribers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_campaigns_id_idx\` ON \`payload_locked_documents_rels\` (\`campaigns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  // Hand-moved: last, once no table refers to it any more.
  await db.run(sql`DROP TABLE \`audit_log\`;`)
}
