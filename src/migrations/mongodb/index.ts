import type { MigrateUpArgs } from '@payloadcms/db-mongodb'

/**
 * MongoDB needs no schema migrations (collections and indexes are made on connect); data
 * migrations for it go here, beside the SQLite ones in ../sqlite.
 */
export const migrations: Array<{ name: string; up: (args: MigrateUpArgs) => Promise<void>; down: (args: MigrateUpArgs) => Promise<void> }> = []
