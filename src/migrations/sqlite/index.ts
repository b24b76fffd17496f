import * as migration_20261128_201742_initial from './20261128_201742_initial';
import * as migration_20261128_223324_newsletter_exports_campaigns from './20261128_223324_newsletter_exports_campaigns';
import * as migration_20261128_233450_workflow from './20261128_233450_workflow';
import * as migration_20261129_024138_entries_published_with_chronology from './20261129_024138_entries_published_with_chronology';
import * as migration_20261129_032627_export_model_hash from './20261129_032627_export_model_hash';
import * as migration_20261202_023619_export_kind from './20261202_023619_export_kind';
import * as migration_20261202_023817_issue_end_matter from './20261202_023817_issue_end_matter';
import * as migration_20261202_030222_model_real_issue from './20261202_030222_model_real_issue';
import * as migration_20261202_040000_locked_documents_cascade from './20261202_040000_locked_documents_cascade';

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
    up: migration_20261202_023619_export_kind.up,
    down: migration_20261202_023619_export_kind.down,
    name: '20261202_023619_export_kind',
  },
  {
    up: migration_20261202_023817_issue_end_matter.up,
    down: migration_20261202_023817_issue_end_matter.down,
    name: '20261202_023817_issue_end_matter',
  },
  {
    up: migration_20261202_030222_model_real_issue.up,
    down: migration_20261202_030222_model_real_issue.down,
    name: '20261202_030222_model_real_issue',
  },
  {
    up: migration_20261202_040000_locked_documents_cascade.up,
    down: migration_20261202_040000_locked_documents_cascade.down,
    name: '20261202_040000_locked_documents_cascade',
  },
];
