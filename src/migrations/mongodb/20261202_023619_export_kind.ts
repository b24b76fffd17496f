import type { MigrateDownArgs, MigrateUpArgs, MongooseAdapter } from '@payloadcms/db-mongodb'

/**
 * Exports record their kind (proof or edition). Every earlier export was rendered from the
 * latest drafts: a proof, no longer served to readers (staffOrPublishedIssueExport asks for
 * `kind: 'edition'`, which an absent field would not match either, but the dashboard and the
 * admin list read the kind). The SQLite twin is ../sqlite/20261202_023619_export_kind.ts.
 */

type UpdateOptions = Parameters<MongooseAdapter['collections'][string]['updateMany']>[2]

export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  const db = payload.db as unknown as MongooseAdapter
  await db.collections['issue-exports'].updateMany({ kind: { $exists: false } }, { $set: { kind: 'proof' } }, { session } as unknown as UpdateOptions)
}

/** The field stays (MongoDB has no schema to take it out of); nothing to undo. */
export async function down(_args: MigrateDownArgs): Promise<void> {}
