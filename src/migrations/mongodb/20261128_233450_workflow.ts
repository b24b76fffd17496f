import type { MigrateDownArgs, MigrateUpArgs, MongooseAdapter } from '@payloadcms/db-mongodb'

/**
 * The review workflow: what was published before it counts as approved, so saving it again
 * is not refused (only approved items can be published). The SQLite twin is
 * ../sqlite/20261128_233450_workflow.ts. New fields need nothing else on MongoDB.
 */
const REVIEWED = ['essays', 'publications', 'highlights', 'chronologies'] as const

/** The session comes typed by the mongodb driver the adapter imports, mongoose has its own copy. */
type UpdateOptions = Parameters<MongooseAdapter['collections'][string]['updateMany']>[2]

export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  const db = payload.db as unknown as MongooseAdapter
  const options = { session } as unknown as UpdateOptions
  for (const slug of REVIEWED) {
    await db.collections[slug].updateMany(
      { _status: 'published', reviewStatus: { $exists: false } },
      { $set: { reviewStatus: 'approved' } },
      options,
    )
    await db.versions[slug]?.updateMany(
      { 'version._status': 'published', 'version.reviewStatus': { $exists: false } },
      { $set: { 'version.reviewStatus': 'approved' } },
      options,
    )
  }
}

/** The fields stay (MongoDB has no schema to take them out of); nothing to undo. */
export async function down(_args: MigrateDownArgs): Promise<void> {}
