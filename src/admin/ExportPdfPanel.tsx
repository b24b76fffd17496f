'use client'

import { Button } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useCallback, useEffect, useState } from 'react'

/**
 * The production editor's panel on an issue: choose the kind of PDF, run preflight, then
 * export it. It calls the same service as `bulletin preflight` and `bulletin export-pdf`,
 * through the API. A proof is the latest drafts, marked PROOF on every page, for the
 * committee; the edition is the published content, what readers download (a published issue
 * only). After an export it refreshes the route, so the tab's server-rendered "Earlier
 * exports" list (PrintView) shows the new one.
 */

type Kind = 'proof' | 'edition'

interface Finding {
  severity: 'error' | 'warning'
  code: string
  message: string
  where: string
}

interface Report {
  ok: boolean
  errors: Finding[]
  warnings: Finding[]
  pageCount?: number
}

interface ExportResponse {
  report?: Report
  export?: { url?: string; filename?: string; kind?: Kind; pageCount: number; contentHash: string; forced: boolean }
  error?: string
}

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: '1rem 1.25rem',
  marginBottom: '1.5rem',
  background: 'var(--theme-elevation-50)',
}

function Findings({ title, items, colour }: { title: string; items: Finding[]; colour: string }) {
  if (items.length === 0) return null
  return (
    <div style={{ marginTop: '0.75rem' }}>
      <strong style={{ color: colour }}>{title}</strong>
      <ul style={{ margin: '0.25rem 0 0', paddingLeft: '1.25rem' }}>
        {items.map((f, i) => (
          <li key={i}>
            <span style={{ color: 'var(--theme-elevation-600)' }}>{f.where}:</span> {f.message}
          </li>
        ))}
      </ul>
    </div>
  )
}

const KIND_CHOICES: Array<{ kind: Kind; label: string; hint: string }> = [
  { kind: 'edition', label: 'Edition', hint: 'published content only: what readers download from the web edition' },
  { kind: 'proof', label: 'Proof', hint: 'the latest drafts, marked PROOF on every page: for the committee only' },
]

export function ExportPdfPanel({ issueId: id, apiBase, published = false }: { issueId: string | number; apiBase: string; published?: boolean }) {
  const [kind, setKind] = useState<Kind>(published ? 'edition' : 'proof')
  const [busy, setBusy] = useState<'preflight' | 'export' | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  const [result, setResult] = useState<ExportResponse['export'] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  // The server's HTML shows the buttons before their handlers are attached: a click then would
  // be lost without a word on a slow connection. They are enabled once the panel is live.
  const [live, setLive] = useState(false)
  useEffect(() => setLive(true), [])
  const router = useRouter()

  const call = useCallback(
    async (action: 'preflight' | 'export', force = false) => {
      setBusy(action)
      setProblem(null)
      try {
        const response = await fetch(`${apiBase}/issue-exports/${action}`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ issue: id, kind, force }),
        })
        const body = (await response.json()) as ExportResponse
        if (body.report) setReport(body.report)
        if (body.export) setResult(body.export)
        if (!response.ok) setProblem(body.error ?? `The server answered ${response.status}.`)
        // The list of earlier exports is rendered on the server: fetch it again with the new one.
        else if (body.export) router.refresh()
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error))
      } finally {
        setBusy(null)
      }
    },
    [id, kind, apiBase, router],
  )

  return (
    <div style={box} data-testid="export-pdf-panel">
      <h3 style={{ margin: 0 }}>Print PDF</h3>
      <p style={{ margin: '0.25rem 0 0.75rem', color: 'var(--theme-elevation-600)' }}>
        Preflight checks the PDF you choose. Errors block the export.
      </p>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 0.75rem' }} data-testid="pdf-kind">
        <legend style={{ fontWeight: 600, marginBottom: '0.25rem' }}>Which PDF</legend>
        {KIND_CHOICES.map((choice) => (
          <label key={choice.kind} style={{ display: 'block', margin: '0.15rem 0', opacity: choice.kind === 'edition' && !published ? 0.6 : 1 }}>
            <input
              type="radio"
              name="pdf-kind"
              value={choice.kind}
              checked={kind === choice.kind}
              disabled={busy !== null || (choice.kind === 'edition' && !published)}
              onChange={() => {
                setKind(choice.kind)
                setReport(null)
              }}
            />{' '}
            <strong>{choice.label}</strong> — {choice.hint}
            {choice.kind === 'edition' && !published ? ' (publish the issue first)' : ''}
          </label>
        ))}
      </fieldset>
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        <Button buttonStyle="secondary" disabled={!live || busy !== null} onClick={() => void call('preflight')}>
          {busy === 'preflight' ? 'Checking…' : 'Run preflight'}
        </Button>
        <Button disabled={!live || busy !== null} onClick={() => void call('export')}>
          {busy === 'export' ? 'Exporting…' : 'Export PDF'}
        </Button>
        {report && !report.ok ? (
          <Button buttonStyle="error" disabled={busy !== null} onClick={() => void call('export', true)}>
            Export despite errors
          </Button>
        ) : null}
      </div>
      {report ? (
        <div style={{ marginTop: '0.75rem' }} data-testid="preflight-report">
          <strong>{report.ok ? 'Preflight passed' : 'Preflight found errors'}</strong>
          {` — ${report.errors.length} error(s), ${report.warnings.length} warning(s)`}
          {report.pageCount ? `, ${report.pageCount} pages` : ''}
          <Findings title="Errors" items={report.errors} colour="var(--theme-error-500)" />
          <Findings title="Warnings" items={report.warnings} colour="var(--theme-warning-600, #b35c00)" />
        </div>
      ) : null}
      {result ? (
        <p style={{ marginTop: '0.75rem' }} data-testid="export-result">
          Exported the {result.kind ?? kind}, {result.pageCount} pages{result.forced ? ' despite preflight errors' : ''}:{' '}
          <a href={result.url} download={result.filename}>
            download {result.filename}
          </a>{' '}
          <span style={{ color: 'var(--theme-elevation-500)' }}>(sha256 {result.contentHash.slice(0, 12)}…)</span>
        </p>
      ) : null}
      {problem ? (
        <p style={{ marginTop: '0.75rem', color: 'var(--theme-error-500)' }} role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  )
}
