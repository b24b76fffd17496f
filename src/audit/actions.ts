/** What the audit log records, in the editors' words. */
export const AUDIT_ACTIONS = [
  'statusChanged',
  'published',
  'unpublished',
  'republished',
  'exported',
  'campaignStarted',
  'subscribersImported',
  'noteAdded',
  'assigned',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  statusChanged: 'Review status changed',
  published: 'Published',
  unpublished: 'Unpublished',
  /** A published item's live version replaced: changes published, or a version restored. */
  republished: 'Published changes',
  exported: 'PDF exported',
  campaignStarted: 'Campaign started',
  subscribersImported: 'Subscribers imported',
  noteAdded: 'Review note added',
  assigned: 'Assigned',
}
