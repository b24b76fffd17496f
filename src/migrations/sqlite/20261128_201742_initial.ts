import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`issues_editorial_committee\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`honorific\` text,
  	\`name\` text,
  	\`role\` text,
  	\`email\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`issues_editorial_committee_order_idx\` ON \`issues_editorial_committee\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`issues_editorial_committee_parent_id_idx\` ON \`issues_editorial_committee\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`issues_blocks_essays_section\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text DEFAULT 'Essays',
  	\`block_name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`issues_blocks_essays_section_order_idx\` ON \`issues_blocks_essays_section\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`issues_blocks_essays_section_parent_id_idx\` ON \`issues_blocks_essays_section\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`issues_blocks_essays_section_path_idx\` ON \`issues_blocks_essays_section\` (\`_path\`);`)
  await db.run(sql`CREATE TABLE \`issues_blocks_highlights_section\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text DEFAULT 'Highlights at the Korea Centre',
  	\`block_name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`issues_blocks_highlights_section_order_idx\` ON \`issues_blocks_highlights_section\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`issues_blocks_highlights_section_parent_id_idx\` ON \`issues_blocks_highlights_section\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`issues_blocks_highlights_section_path_idx\` ON \`issues_blocks_highlights_section\` (\`_path\`);`)
  await db.run(sql`CREATE TABLE \`issues_blocks_publications_section\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text DEFAULT 'Recent Publications',
  	\`kind\` text DEFAULT 'recent',
  	\`block_name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`issues_blocks_publications_section_order_idx\` ON \`issues_blocks_publications_section\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`issues_blocks_publications_section_parent_id_idx\` ON \`issues_blocks_publications_section\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`issues_blocks_publications_section_path_idx\` ON \`issues_blocks_publications_section\` (\`_path\`);`)
  await db.run(sql`CREATE TABLE \`issues_blocks_chronology_section\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text DEFAULT 'Primary Documents and Resources',
  	\`chronology_id\` integer,
  	\`block_name\` text,
  	FOREIGN KEY (\`chronology_id\`) REFERENCES \`chronologies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`issues_blocks_chronology_section_order_idx\` ON \`issues_blocks_chronology_section\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`issues_blocks_chronology_section_parent_id_idx\` ON \`issues_blocks_chronology_section\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`issues_blocks_chronology_section_path_idx\` ON \`issues_blocks_chronology_section\` (\`_path\`);`)
  await db.run(sql`CREATE INDEX \`issues_blocks_chronology_section_chronology_idx\` ON \`issues_blocks_chronology_section\` (\`chronology_id\`);`)
  await db.run(sql`CREATE TABLE \`issues\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`volume\` numeric,
  	\`number\` numeric,
  	\`quarter\` text,
  	\`year\` numeric,
  	\`publication_date\` text,
  	\`cover_pull_quote_text\` text,
  	\`cover_pull_quote_attribution\` text,
  	\`masthead_override\` text,
  	\`editors_intro\` text,
  	\`layout_chronology_on_new_page\` integer DEFAULT true,
  	\`layout_highlights_on_new_page\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`issues_slug_idx\` ON \`issues\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`issues_updated_at_idx\` ON \`issues\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`issues_created_at_idx\` ON \`issues\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`issues__status_idx\` ON \`issues\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`issues_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`essays_id\` integer,
  	\`highlights_id\` integer,
  	\`publications_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`essays_id\`) REFERENCES \`essays\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`highlights_id\`) REFERENCES \`highlights\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`publications_id\`) REFERENCES \`publications\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`issues_rels_order_idx\` ON \`issues_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`issues_rels_parent_idx\` ON \`issues_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`issues_rels_path_idx\` ON \`issues_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`issues_rels_essays_id_idx\` ON \`issues_rels\` (\`essays_id\`);`)
  await db.run(sql`CREATE INDEX \`issues_rels_highlights_id_idx\` ON \`issues_rels\` (\`highlights_id\`);`)
  await db.run(sql`CREATE INDEX \`issues_rels_publications_id_idx\` ON \`issues_rels\` (\`publications_id\`);`)
  await db.run(sql`CREATE TABLE \`_issues_v_version_editorial_committee\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`honorific\` text,
  	\`name\` text,
  	\`role\` text,
  	\`email\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_issues_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_issues_v_version_editorial_committee_order_idx\` ON \`_issues_v_version_editorial_committee\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_version_editorial_committee_parent_id_idx\` ON \`_issues_v_version_editorial_committee\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_issues_v_blocks_essays_section\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text DEFAULT 'Essays',
  	\`_uuid\` text,
  	\`block_name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_issues_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_issues_v_blocks_essays_section_order_idx\` ON \`_issues_v_blocks_essays_section\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_blocks_essays_section_parent_id_idx\` ON \`_issues_v_blocks_essays_section\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_blocks_essays_section_path_idx\` ON \`_issues_v_blocks_essays_section\` (\`_path\`);`)
  await db.run(sql`CREATE TABLE \`_issues_v_blocks_highlights_section\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text DEFAULT 'Highlights at the Korea Centre',
  	\`_uuid\` text,
  	\`block_name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_issues_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_issues_v_blocks_highlights_section_order_idx\` ON \`_issues_v_blocks_highlights_section\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_blocks_highlights_section_parent_id_idx\` ON \`_issues_v_blocks_highlights_section\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_blocks_highlights_section_path_idx\` ON \`_issues_v_blocks_highlights_section\` (\`_path\`);`)
  await db.run(sql`CREATE TABLE \`_issues_v_blocks_publications_section\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text DEFAULT 'Recent Publications',
  	\`kind\` text DEFAULT 'recent',
  	\`_uuid\` text,
  	\`block_name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_issues_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_issues_v_blocks_publications_section_order_idx\` ON \`_issues_v_blocks_publications_section\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_blocks_publications_section_parent_id_idx\` ON \`_issues_v_blocks_publications_section\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_blocks_publications_section_path_idx\` ON \`_issues_v_blocks_publications_section\` (\`_path\`);`)
  await db.run(sql`CREATE TABLE \`_issues_v_blocks_chronology_section\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text DEFAULT 'Primary Documents and Resources',
  	\`chronology_id\` integer,
  	\`_uuid\` text,
  	\`block_name\` text,
  	FOREIGN KEY (\`chronology_id\`) REFERENCES \`chronologies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_issues_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_issues_v_blocks_chronology_section_order_idx\` ON \`_issues_v_blocks_chronology_section\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_blocks_chronology_section_parent_id_idx\` ON \`_issues_v_blocks_chronology_section\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_blocks_chronology_section_path_idx\` ON \`_issues_v_blocks_chronology_section\` (\`_path\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_blocks_chronology_section_chronology_idx\` ON \`_issues_v_blocks_chronology_section\` (\`chronology_id\`);`)
  await db.run(sql`CREATE TABLE \`_issues_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_volume\` numeric,
  	\`version_number\` numeric,
  	\`version_quarter\` text,
  	\`version_year\` numeric,
  	\`version_publication_date\` text,
  	\`version_cover_pull_quote_text\` text,
  	\`version_cover_pull_quote_attribution\` text,
  	\`version_masthead_override\` text,
  	\`version_editors_intro\` text,
  	\`version_layout_chronology_on_new_page\` integer DEFAULT true,
  	\`version_layout_highlights_on_new_page\` integer DEFAULT true,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_issues_v_parent_idx\` ON \`_issues_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_version_version_slug_idx\` ON \`_issues_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_version_version_updated_at_idx\` ON \`_issues_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_version_version_created_at_idx\` ON \`_issues_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_version_version__status_idx\` ON \`_issues_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_created_at_idx\` ON \`_issues_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_updated_at_idx\` ON \`_issues_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_latest_idx\` ON \`_issues_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_autosave_idx\` ON \`_issues_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`_issues_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`essays_id\` integer,
  	\`highlights_id\` integer,
  	\`publications_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_issues_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`essays_id\`) REFERENCES \`essays\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`highlights_id\`) REFERENCES \`highlights\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`publications_id\`) REFERENCES \`publications\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_issues_v_rels_order_idx\` ON \`_issues_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_rels_parent_idx\` ON \`_issues_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_rels_path_idx\` ON \`_issues_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_rels_essays_id_idx\` ON \`_issues_v_rels\` (\`essays_id\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_rels_highlights_id_idx\` ON \`_issues_v_rels\` (\`highlights_id\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_rels_publications_id_idx\` ON \`_issues_v_rels\` (\`publications_id\`);`)
  await db.run(sql`CREATE TABLE \`essays\` (
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
  await db.run(sql`CREATE UNIQUE INDEX \`essays_slug_idx\` ON \`essays\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`essays_issue_idx\` ON \`essays\` (\`issue_id\`);`)
  await db.run(sql`CREATE INDEX \`essays_updated_at_idx\` ON \`essays\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`essays_created_at_idx\` ON \`essays\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`essays__status_idx\` ON \`essays\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`essays_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`authors_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`essays\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`authors_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`essays_rels_order_idx\` ON \`essays_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`essays_rels_parent_idx\` ON \`essays_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`essays_rels_path_idx\` ON \`essays_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`essays_rels_authors_id_idx\` ON \`essays_rels\` (\`authors_id\`);`)
  await db.run(sql`CREATE TABLE \`_essays_v\` (
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
  await db.run(sql`CREATE TABLE \`_essays_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`authors_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_essays_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`authors_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_essays_v_rels_order_idx\` ON \`_essays_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_essays_v_rels_parent_idx\` ON \`_essays_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_essays_v_rels_path_idx\` ON \`_essays_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_essays_v_rels_authors_id_idx\` ON \`_essays_v_rels\` (\`authors_id\`);`)
  await db.run(sql`CREATE TABLE \`authors_affiliations\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`line\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`authors_affiliations_order_idx\` ON \`authors_affiliations\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`authors_affiliations_parent_id_idx\` ON \`authors_affiliations\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`authors\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`honorific\` text,
  	\`name\` text NOT NULL,
  	\`name_in_script\` text,
  	\`photo_id\` integer,
  	\`private_email\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`authors_photo_idx\` ON \`authors\` (\`photo_id\`);`)
  await db.run(sql`CREATE INDEX \`authors_updated_at_idx\` ON \`authors\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`authors_created_at_idx\` ON \`authors\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`publications_editors\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`publications\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`publications_editors_order_idx\` ON \`publications_editors\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`publications_editors_parent_id_idx\` ON \`publications_editors\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`publications_contents_chapters_authors\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`publications_contents_chapters\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`publications_contents_chapters_authors_order_idx\` ON \`publications_contents_chapters_authors\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`publications_contents_chapters_authors_parent_id_idx\` ON \`publications_contents_chapters_authors\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`publications_contents_chapters\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`number\` numeric,
  	\`title\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`publications_contents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`publications_contents_chapters_order_idx\` ON \`publications_contents_chapters\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`publications_contents_chapters_parent_id_idx\` ON \`publications_contents_chapters\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`publications_contents\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`publications\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`publications_contents_order_idx\` ON \`publications_contents\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`publications_contents_parent_id_idx\` ON \`publications_contents\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`publications\` (
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
  await db.run(sql`CREATE INDEX \`publications_cover_idx\` ON \`publications\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`publications_updated_at_idx\` ON \`publications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`publications_created_at_idx\` ON \`publications\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`publications__status_idx\` ON \`publications\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_publications_v_version_editors\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_publications_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_publications_v_version_editors_order_idx\` ON \`_publications_v_version_editors\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_editors_parent_id_idx\` ON \`_publications_v_version_editors\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_publications_v_version_contents_chapters_authors\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_publications_v_version_contents_chapters\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_publications_v_version_contents_chapters_authors_order_idx\` ON \`_publications_v_version_contents_chapters_authors\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_contents_chapters_authors_parent_id_idx\` ON \`_publications_v_version_contents_chapters_authors\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_publications_v_version_contents_chapters\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`number\` numeric,
  	\`title\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_publications_v_version_contents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_publications_v_version_contents_chapters_order_idx\` ON \`_publications_v_version_contents_chapters\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_contents_chapters_parent_id_idx\` ON \`_publications_v_version_contents_chapters\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_publications_v_version_contents\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_publications_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_publications_v_version_contents_order_idx\` ON \`_publications_v_version_contents\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_contents_parent_id_idx\` ON \`_publications_v_version_contents\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_publications_v\` (
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
  await db.run(sql`CREATE INDEX \`_publications_v_parent_idx\` ON \`_publications_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_version_cover_idx\` ON \`_publications_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_version_updated_at_idx\` ON \`_publications_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_version_created_at_idx\` ON \`_publications_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_version_version__status_idx\` ON \`_publications_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_created_at_idx\` ON \`_publications_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_updated_at_idx\` ON \`_publications_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_latest_idx\` ON \`_publications_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_publications_v_autosave_idx\` ON \`_publications_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`highlights_photos\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`image_id\` integer,
  	\`caption\` text,
  	\`position_cue\` text,
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`highlights\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`highlights_photos_order_idx\` ON \`highlights_photos\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`highlights_photos_parent_id_idx\` ON \`highlights_photos\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`highlights_photos_image_idx\` ON \`highlights_photos\` (\`image_id\`);`)
  await db.run(sql`CREATE TABLE \`highlights\` (
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
  await db.run(sql`CREATE INDEX \`highlights_issue_idx\` ON \`highlights\` (\`issue_id\`);`)
  await db.run(sql`CREATE INDEX \`highlights_updated_at_idx\` ON \`highlights\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`highlights_created_at_idx\` ON \`highlights\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`highlights__status_idx\` ON \`highlights\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_highlights_v_version_photos\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`image_id\` integer,
  	\`caption\` text,
  	\`position_cue\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_highlights_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_photos_order_idx\` ON \`_highlights_v_version_photos\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_photos_parent_id_idx\` ON \`_highlights_v_version_photos\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_photos_image_idx\` ON \`_highlights_v_version_photos\` (\`image_id\`);`)
  await db.run(sql`CREATE TABLE \`_highlights_v\` (
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
  await db.run(sql`CREATE INDEX \`_highlights_v_parent_idx\` ON \`_highlights_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_version_issue_idx\` ON \`_highlights_v\` (\`version_issue_id\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_version_updated_at_idx\` ON \`_highlights_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_version_created_at_idx\` ON \`_highlights_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_version_version__status_idx\` ON \`_highlights_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_created_at_idx\` ON \`_highlights_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_updated_at_idx\` ON \`_highlights_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_latest_idx\` ON \`_highlights_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_highlights_v_autosave_idx\` ON \`_highlights_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`chronologies\` (
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
  await db.run(sql`CREATE INDEX \`chronologies_issue_idx\` ON \`chronologies\` (\`issue_id\`);`)
  await db.run(sql`CREATE INDEX \`chronologies_updated_at_idx\` ON \`chronologies\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`chronologies_created_at_idx\` ON \`chronologies\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`chronologies__status_idx\` ON \`chronologies\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_chronologies_v\` (
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
  await db.run(sql`CREATE INDEX \`_chronologies_v_parent_idx\` ON \`_chronologies_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_version_version_issue_idx\` ON \`_chronologies_v\` (\`version_issue_id\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_version_version_updated_at_idx\` ON \`_chronologies_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_version_version_created_at_idx\` ON \`_chronologies_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_version_version__status_idx\` ON \`_chronologies_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_created_at_idx\` ON \`_chronologies_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_updated_at_idx\` ON \`_chronologies_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_latest_idx\` ON \`_chronologies_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_chronologies_v_autosave_idx\` ON \`_chronologies_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`chronology_entries_paragraphs\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`chronology_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`chronology_entries_paragraphs_order_idx\` ON \`chronology_entries_paragraphs\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`chronology_entries_paragraphs_parent_id_idx\` ON \`chronology_entries_paragraphs\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`chronology_entries_countries\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`chronology_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`chronology_entries_countries_order_idx\` ON \`chronology_entries_countries\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`chronology_entries_countries_parent_idx\` ON \`chronology_entries_countries\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`chronology_entries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`chronology_id\` integer NOT NULL,
  	\`start_date\` text NOT NULL,
  	\`end_date\` text NOT NULL,
  	\`order_in_day\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`chronology_id\`) REFERENCES \`chronologies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`chronology_entries_chronology_idx\` ON \`chronology_entries\` (\`chronology_id\`);`)
  await db.run(sql`CREATE INDEX \`chronology_entries_updated_at_idx\` ON \`chronology_entries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`chronology_entries_created_at_idx\` ON \`chronology_entries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`credit\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_email_url\` text,
  	\`sizes_email_width\` numeric,
  	\`sizes_email_height\` numeric,
  	\`sizes_email_mime_type\` text,
  	\`sizes_email_filesize\` numeric,
  	\`sizes_email_filename\` text,
  	\`sizes_web_url\` text,
  	\`sizes_web_width\` numeric,
  	\`sizes_web_height\` numeric,
  	\`sizes_web_mime_type\` text,
  	\`sizes_web_filesize\` numeric,
  	\`sizes_web_filename\` text,
  	\`sizes_print_url\` text,
  	\`sizes_print_width\` numeric,
  	\`sizes_print_height\` numeric,
  	\`sizes_print_mime_type\` text,
  	\`sizes_print_filesize\` numeric,
  	\`sizes_print_filename\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_email_sizes_email_filename_idx\` ON \`media\` (\`sizes_email_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_web_sizes_web_filename_idx\` ON \`media\` (\`sizes_web_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_print_sizes_print_filename_idx\` ON \`media\` (\`sizes_print_filename\`);`)
  await db.run(sql`CREATE TABLE \`subscribers_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`from\` text,
  	\`to\` text NOT NULL,
  	\`reason\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`subscribers_history_order_idx\` ON \`subscribers_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_history_parent_id_idx\` ON \`subscribers_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`subscribers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`email\` text NOT NULL,
  	\`name\` text,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`consent_at\` text,
  	\`consent_method\` text,
  	\`consent_source\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`subscribers_email_idx\` ON \`subscribers\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_status_idx\` ON \`subscribers\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_updated_at_idx\` ON \`subscribers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_created_at_idx\` ON \`subscribers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`role\` text DEFAULT 'editorialAssistant' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  	\`subscribers_id\` integer,
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
  	FOREIGN KEY (\`subscribers_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`subscribers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`publication_settings\` (
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
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`issues_editorial_committee\`;`)
  await db.run(sql`DROP TABLE \`issues_blocks_essays_section\`;`)
  await db.run(sql`DROP TABLE \`issues_blocks_highlights_section\`;`)
  await db.run(sql`DROP TABLE \`issues_blocks_publications_section\`;`)
  await db.run(sql`DROP TABLE \`issues_blocks_chronology_section\`;`)
  await db.run(sql`DROP TABLE \`issues\`;`)
  await db.run(sql`DROP TABLE \`issues_rels\`;`)
  await db.run(sql`DROP TABLE \`_issues_v_version_editorial_committee\`;`)
  await db.run(sql`DROP TABLE \`_issues_v_blocks_essays_section\`;`)
  await db.run(sql`DROP TABLE \`_issues_v_blocks_highlights_section\`;`)
  await db.run(sql`DROP TABLE \`_issues_v_blocks_publications_section\`;`)
  await db.run(sql`DROP TABLE \`_issues_v_blocks_chronology_section\`;`)
  await db.run(sql`DROP TABLE \`_issues_v\`;`)
  await db.run(sql`DROP TABLE \`_issues_v_rels\`;`)
  await db.run(sql`DROP TABLE \`essays\`;`)
  await db.run(sql`DROP TABLE \`essays_rels\`;`)
  await db.run(sql`DROP TABLE \`_essays_v\`;`)
  await db.run(sql`DROP TABLE \`_essays_v_rels\`;`)
  await db.run(sql`DROP TABLE \`authors_affiliations\`;`)
  await db.run(sql`DROP TABLE \`authors\`;`)
  await db.run(sql`DROP TABLE \`publications_editors\`;`)
  await db.run(sql`DROP TABLE \`publications_contents_chapters_authors\`;`)
  await db.run(sql`DROP TABLE \`publications_contents_chapters\`;`)
  await db.run(sql`DROP TABLE \`publications_contents\`;`)
  await db.run(sql`DROP TABLE \`publications\`;`)
  await db.run(sql`DROP TABLE \`_publications_v_version_editors\`;`)
  await db.run(sql`DROP TABLE \`_publications_v_version_contents_chapters_authors\`;`)
  await db.run(sql`DROP TABLE \`_publications_v_version_contents_chapters\`;`)
  await db.run(sql`DROP TABLE \`_publications_v_version_contents\`;`)
  await db.run(sql`DROP TABLE \`_publications_v\`;`)
  await db.run(sql`DROP TABLE \`highlights_photos\`;`)
  await db.run(sql`DROP TABLE \`highlights\`;`)
  await db.run(sql`DROP TABLE \`_highlights_v_version_photos\`;`)
  await db.run(sql`DROP TABLE \`_highlights_v\`;`)
  await db.run(sql`DROP TABLE \`chronologies\`;`)
  await db.run(sql`DROP TABLE \`_chronologies_v\`;`)
  await db.run(sql`DROP TABLE \`chronology_entries_paragraphs\`;`)
  await db.run(sql`DROP TABLE \`chronology_entries_countries\`;`)
  await db.run(sql`DROP TABLE \`chronology_entries\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`subscribers_history\`;`)
  await db.run(sql`DROP TABLE \`subscribers\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`publication_settings\`;`)
}
