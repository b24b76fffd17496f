import type { MigrateUpArgs } from '@payloadcms/db-mongodb'

import * as migration_20261128_233450_workflow from './20261128_233450_workflow'

/**
 * MongoDB needs no schema migrations (collections and indexes are made on connect); data
 * migrations for it go here, beside the SQLite ones in ../sqlite.
 */
export const migrations: Array<{ name: string; up: (args: MigrateUpArgs) => Promise<void>; down: (args: MigrateUpArgs) => Promise<void> }> = [
  {
    up: migration_20261128_233450_workflow.up,
    down: migration_20261128_233450_workflow.down,
    name: '20261128_233450_workflow',
  },
]
