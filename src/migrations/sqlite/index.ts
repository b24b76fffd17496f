import * as migration_20261128_201742_initial from './20261128_201742_initial';
import * as migration_20261128_223324_newsletter_exports_campaigns from './20261128_223324_newsletter_exports_campaigns';
import * as migration_20261128_233450_workflow from './20261128_233450_workflow';
import * as migration_20261129_024138_entries_published_with_chronology from './20261129_024138_entries_published_with_chronology';
import * as migration_20261129_032627_export_model_hash from './20261129_032627_export_model_hash';
import * as migration_20261202_030222_model_real_issue from './20261202_030222_model_real_issue';

export const migrations = [
  {
    up: migration_20261128_201742_initial.up,
    down: migration_20261128_201742_initial.down,
    name: '20261128_201742_initial',
  },
  {
    up: migration_20261128_223324_newsletter_exports_campaigns.up,
    down: migration_20261128_223324_newsletter_exports_campaigns.down,
    name: '20261128_223324_newsletter_exports_campaigns',
  },
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
    up: migration_20261129_032627_export_model_hash.up,
    down: migration_20261129_032627_export_model_hash.down,
    name: '20261129_032627_export_model_hash',
  },
  {
    up: migration_20261202_030222_model_real_issue.up,
    down: migration_20261202_030222_model_real_issue.down,
    name: '20261202_030222_model_real_issue'
  },
];
