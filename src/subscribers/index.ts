/**
 * The subscriber list's services in one place, for callers that use several (the CLI, the
 * web pages). Within src/, import the file that does the job instead.
 */
export { emailSchema, nameSchema, normaliseEmail } from './address'
export { confirmSubscription, sendConfirmationEmail, type ConfirmResult, type LinkFailure } from './confirm'
export { EXPORT_COLUMNS, exportSubscribers } from './export'
export { findSubscriberByEmail, type SubscriberStatus } from './find'
export {
  IMPORT_STATUSES,
  ImportWriteError,
  importSubscribers,
  MAX_IMPORT_ROWS,
  type ImportLineError,
  type ImportOptions,
  type ImportResult,
  type ImportStatus,
  type ImportSummary,
} from './import'
export { unsubscribeUrlFor } from './signedLinks'
export { subscribe, type SubscribeInput, type SubscribeOptions, type SubscribeResult } from './subscribe'
export { readUnsubscribeLink, unsubscribe, type UnsubscribeResult, type UnsubscribeVia } from './unsubscribe'
