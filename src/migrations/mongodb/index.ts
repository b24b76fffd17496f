import type { MigrateUpArgs } from '@payloadcms/db-mongodb'

import * as migration_20261128_233450_workflow from './20261128_233450_workflow'
import * as migration_20261129_024138_entries_published_with_chronology from './20261129_024138_entries_published_with_chronology'
import * as migration_20261202_023619_export_kind from './20261202_023619_export_kind'

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
  {
    up: migration_20261129_024138_entries_published_with_chronology.up,
    down: migration_20261129_024138_entries_published_with_chronology.down,
    name: '20261129_024138_entries_published_with_chronology',
  },
  {
    up: migration_20261202_023619_export_kind.up,
    down: migration_20261202_023619_export_kind.down,
    name: '20261202_023619_export_kind',
  },
]
