'use client'

import { Button } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useRef, useState } from 'react'

import type { ImportLineError, ImportSummary } from '../subscribers/import'

// The service's own answer (types only: nothing of the server reaches the browser), or a refusal.
type ImportResponse = ImportSummary | { ok: false; errors?: ImportLineError[]; error?: string }

/**
 * Above the subscriber list: import a CSV (all or nothing, errors by line) and export the
 * list. Both call the same service as `bulletin import-subscribers` / `export-subscribers`.
 */
export function SubscriberListTools() {
  const file = useRef<HTMLInputElement>(null)
  const router = useRouter()
  const [status, setStatus] = useState<'pending' | 'confirmed'>('pending')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<ImportResponse | undefined>()

  async function runImport(event: React.FormEvent) {
    event.preventDefault()
    const chosen = file.current?.files?.[0]
    if (!chosen) return
    setBusy(true)
    setResult(undefined)
    try {
      const query = new URLSearchParams({ status, filename: chosen.name })
      const response = await fetch(`/api/subscribers/import?${query}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'text/csv; charset=utf-8' },
        body: await chosen.text(),
      })
      // The summary, the line errors (422), or a refusal `{ error, code }` (src/api/errors.ts).
      const body = (await response.json()) as ImportResponse | { ok?: undefined; error?: string }
      setResult(body.ok === undefined ? { ok: false, error: body.error ?? `The server answered ${response.status}.` } : body)
      // Show the new subscribers in the list below; this summary stays.
      if (response.ok) router.refresh()
    } catch (error) {
      setResult({ ok: false, error: (error as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section
      aria-label="Import and export"
      style={{
        margin: '0 0 calc(var(--base) * 1)',
        padding: 'calc(var(--base) * 0.75)',
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
        display: 'grid',
        gap: '10px',
      }}
    >
      <form onSubmit={runImport} style={{ display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'center' }}>
        <label htmlFor="subscriber-csv" style={{ fontWeight: 600 }}>
          Import a CSV list
        </label>
        <input id="subscriber-csv" ref={file} type="file" accept=".csv,text/csv" required />
        <label>
          new addresses are{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as 'pending' | 'confirmed')}>
            <option value="pending">pending (not yet confirmed)</option>
            <option value="confirmed">confirmed (consent on record)</option>
          </select>
        </label>
        <Button type="submit" buttonStyle="primary" size="small" margin={false} disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </Button>
        <span style={{ flexGrow: 1 }} />
        <a href="/api/subscribers/export">Export all as CSV</a>
        <a href="/api/subscribers/export?status=confirmed">Export confirmed</a>
      </form>
      <p style={{ margin: 0, fontSize: 13, color: 'var(--theme-elevation-600)' }}>
        Columns <code>email</code> and <code>name</code>, with a header line. Nothing is saved unless every line is right;
        duplicates are merged; unsubscribed readers stay unsubscribed.
      </p>
      {result ? <ImportReport result={result} /> : null}
    </section>
  )
}

function ImportReport({ result }: { result: ImportResponse }) {
  if (result.ok) {
    return (
      <div role="status" data-testid="import-result" style={{ color: 'var(--theme-success-700)' }}>
        Imported {result.rows} rows ({result.addresses} addresses): {result.created} new ({result.status}), {result.updated} updated,{' '}
        {result.unchanged} unchanged, {result.keptOptedOut} opted out left as they are.
        {result.duplicatesMerged.length > 0 ? ` Merged duplicates: ${result.duplicatesMerged.map((d) => `${d.email} (lines ${d.lines.join(', ')})`).join('; ')}.` : ''}
      </div>
    )
  }
  return (
    <div role="alert" data-testid="import-result" style={{ color: 'var(--theme-error-600)' }}>
      <strong>Nothing was imported.</strong> {result.error ?? 'Fix these lines and try again:'}
      {result.errors && result.errors.length > 0 ? (
        <ul style={{ margin: '6px 0 0', paddingLeft: '1.2em' }}>
          {result.errors.map((e, i) => (
            <li key={i}>
              line {e.line}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
