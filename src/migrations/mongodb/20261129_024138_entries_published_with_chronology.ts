import type { MigrateDownArgs, MigrateUpArgs, MongooseAdapter } from '@payloadcms/db-mongodb'

/**
 * Chronology entries carry whether their chronology's publication included them
 * (collections/hooks/withholdChangedEntry): what readers see today stays public, entries of
 * unpublished chronologies wait for their first publication. The SQLite twin is
 * ../sqlite/20261129_024138_entries_published_with_chronology.ts.
 */

/** The session comes typed by the mongodb driver the adapter imports, mongoose has its own copy. */
type UpdateOptions = Parameters<MongooseAdapter['collections'][string]['updateMany']>[2]
type QuerySession = Parameters<ReturnType<MongooseAdapter['collections'][string]['find']>['session']>[0]

export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  const db = payload.db as unknown as MongooseAdapter
  const published = await db.collections.chronologies
    .find({ _status: 'published' }, { _id: 1 })
    .session((session ?? null) as unknown as QuerySession)
    .lean()
  const entries = db.collections['chronology-entries']
  const options = { session } as unknown as UpdateOptions
  await entries.updateMany(
    { publishedWithChronology: { $exists: false }, chronology: { $in: published.map((doc) => doc._id) } },
    { $set: { publishedWithChronology: true } },
    options,
  )
  await entries.updateMany({ publishedWithChronology: { $exists: false } }, { $set: { publishedWithChronology: false } }, options)
}

/** The field stays (MongoDB has no schema to take it out of); nothing to undo. */
export async function down(_args: MigrateDownArgs): Promise<void> {}
