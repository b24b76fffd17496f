/**
 * A subscriber's statuses, in the editors' words. Kept free of imports so the CLI can
 * check its options before Payload is loaded.
 */
export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed', 'bounced', 'complained'] as const
export type SubscriberStatusName = (typeof SUBSCRIBER_STATUSES)[number]

/** What an imported list may make new addresses: confirmed only when consent is on record. */
export const IMPORT_STATUSES = ['pending', 'confirmed'] as const
export type ImportStatus = (typeof IMPORT_STATUSES)[number]
