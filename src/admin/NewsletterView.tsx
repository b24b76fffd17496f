import type { DocumentViewServerProps } from 'payload'
import React from 'react'

import { hasRole } from '../access/roles'
import { NewsletterPreview } from './NewsletterPreview'

/**
 * The issue's "Newsletter" tab: the email as subscribers will get it (HTML at desktop and
 * phone widths, and the plain-text part), and for editors and admins a "Send test" form.
 */
export function NewsletterView({ doc, initPageResult }: DocumentViewServerProps) {
  const user = initPageResult?.req.user
  const id = doc?.id as number | string | undefined
  if (!id) {
    return <p style={{ padding: 'var(--base) var(--gutter-h)' }}>Save the issue first; then its newsletter can be previewed here.</p>
  }
  const api = initPageResult?.req.payload.config.routes.api ?? '/api'
  const published = doc?._status === 'published'
  return (
    <div style={{ padding: 'calc(var(--base) * 1.5) var(--gutter-h) calc(var(--base) * 3)' }}>
      <NewsletterPreview
        apiBase={`${api}/issues/${encodeURIComponent(String(id))}`}
        canSend={hasRole(user, 'admin', 'editor')}
        defaultAddress={user?.email ?? ''}
        published={published}
      />
    </div>
  )
}
