'use client'

import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

/**
 * In the sidebar: a way to the "Import chronology" tab, where people look for it
 * when they are about to fill the chronology. Shown once the issue exists.
 */
export function ImportChronologyLink() {
  const { id, collectionSlug } = useDocumentInfo()
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  if (!id || !collectionSlug) return null
  const href = `${admin}/collections/${collectionSlug}/${encodeURIComponent(String(id))}/import-chronology`
  return (
    <div style={{ marginBottom: 'var(--base)' }}>
      <Button el="link" to={href} buttonStyle="secondary" size="small" margin={false}>
        Import chronology
      </Button>
      <p style={{ margin: 'calc(var(--base) * 0.25) 0 0', color: 'var(--theme-elevation-500)', fontSize: '0.85em' }}>
        Paste or upload the compiler&apos;s document; preview, then import its entries.
      </p>
    </div>
  )
}
