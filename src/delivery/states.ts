/**
 * The words of campaign delivery, shared by the collections, the engine, the CLI and the
 * admin. See the glossary in README.md: "accepted" is not "delivered".
 */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled', 'failed'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

/**
 * queued -> sending -> accepted | deferred (tried again later) | bounced (5xx, permanent) |
 * failed (retries exhausted); unknown: under at-most-once, its sending was under way when a
 * worker died; skipped: the subscriber left (unsubscribed, bounced) before it was sent.
 */
export const DELIVERY_STATUSES = ['queued', 'sending', 'accepted', 'deferred', 'bounced', 'failed', 'unknown', 'skipped'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/** States a delivery never leaves on its own. */
export const FINAL_DELIVERY_STATUSES: readonly DeliveryStatus[] = ['accepted', 'bounced', 'failed', 'unknown', 'skipped']
/** States that still need a worker. */
export const OPEN_DELIVERY_STATUSES: readonly DeliveryStatus[] = ['queued', 'sending', 'deferred']

export const DELIVERY_POLICIES = ['at-least-once', 'at-most-once'] as const
export type DeliveryPolicy = (typeof DELIVERY_POLICIES)[number]

export type DeliveryCounts = Record<DeliveryStatus, number>

export const emptyCounts = (): DeliveryCounts =>
  Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as DeliveryCounts
