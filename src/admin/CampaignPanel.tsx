'use client'

import { Button, useConfig, useDocumentInfo, useForm, useFormModified } from '@payloadcms/ui'
import React, { useCallback, useEffect, useRef, useState } from 'react'

/**
 * The campaign's control panel, at the top of its edit view: start now or at a time, pause,
 * resume, cancel; a live progress bar and the counts per delivery state (polled from
 * /api/campaigns/:id/status); the failures with the mail server's own words; the frozen
 * message. Every button calls the campaign service through the API, like `bulletin send`.
 */

type DeliveryStatus = 'queued' | 'sending' | 'accepted' | 'deferred' | 'bounced' | 'failed' | 'unknown' | 'skipped'

interface Problem {
  id: number | string
  email: string
  status: DeliveryStatus
  attempts: number
  response: string
  nextAttemptAt?: string
}

interface Finding {
  where: string
  message: string
}

interface Status {
  id: number | string
  name: string
  issue: { id: number | string; slug: string; title: string }
  status: 'draft' | 'scheduled' | 'sending' | 'paused' | 'sent' | 'cancelled' | 'failed'
  policy: string
  scheduledAt?: string
  startedAt?: string
  startedBy?: string
  startedVia?: string
  finishedAt?: string
  subject?: string
  contentHash?: string
  audience: { frozen: boolean; size?: number; alreadySent: number }
  counts: Record<DeliveryStatus, number>
  progress: { settled: number; total: number; fraction: number }
  workerActive: boolean
  lastError?: string
  problems: Problem[]
  problemsTotal: number
  readiness?: { ok: boolean; problems: string[]; warnings?: string[]; audienceEstimate: number; preflight: { errors: Finding[]; warnings: Finding[] } }
}

const STATES: Array<{ key: DeliveryStatus; label: string; colour: string; help: string }> = [
  { key: 'accepted', label: 'Accepted', colour: 'var(--theme-success-500, #2e7d32)', help: 'The receiving mail server took the message. Not proof that it reached the inbox.' },
  { key: 'sending', label: 'Sending', colour: 'var(--theme-elevation-500)', help: 'With the mail server right now.' },
  { key: 'queued', label: 'Queued', colour: 'var(--theme-elevation-300)', help: 'Not sent yet.' },
  { key: 'deferred', label: 'Deferred', colour: 'var(--theme-warning-500, #b35c00)', help: 'Refused for now (4xx) or the connection failed: tried again later.' },
  { key: 'bounced', label: 'Bounced', colour: 'var(--theme-error-500)', help: 'Refused for good (5xx). The subscriber is marked bounced.' },
  { key: 'failed', label: 'Failed', colour: 'var(--theme-error-700, #8b0000)', help: 'Still refused after the last retry.' },
  { key: 'unknown', label: 'Unknown', colour: 'var(--theme-warning-700, #7a4100)', help: 'At most once: it was with the server when a worker stopped. Resend, or leave it.' },
  { key: 'skipped', label: 'Skipped', colour: 'var(--theme-elevation-400)', help: 'The subscriber left (unsubscribed, bounced) before their turn.' },
]

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: '1rem 1.25rem',
  marginBottom: '1.5rem',
  background: 'var(--theme-elevation-50)',
}

const muted: React.CSSProperties = { color: 'var(--theme-elevation-600)' }

const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '')

export function CampaignPanel() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}/campaigns/${id ?? ''}`
  const [status, setStatus] = useState<Status | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [at, setAt] = useState('')
  const [page, setPage] = useState(1)

  const load = useCallback(async () => {
    if (!id) return
    try {
      const response = await fetch(`${api}/status?page=${page}`, { credentials: 'include', cache: 'no-store' })
      const body = (await response.json()) as Status & { error?: string }
      if (!response.ok) setProblem(body.error ?? `The server answered ${response.status}.`)
      else setStatus(body)
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    }
  }, [api, id, page])

  // Live while it sends: every second; otherwise now and then (a schedule may start it).
  useEffect(() => {
    void load()
    const every = status?.status === 'sending' || status?.status === 'paused' ? 1000 : 5000
    const timer = setInterval(() => void load(), every)
    return () => clearInterval(timer)
  }, [load, status?.status])

  // The fields under the panel were read when the page opened: when the campaign changes
  // state, bring them up to date too (unless the editor has unsaved edits), so no stale
  // "Draft" or zero counts sit under a finished send.
  const { reset } = useForm()
  const modified = useFormModified()
  const shown = useRef<string | null>(null)
  useEffect(() => {
    if (!status || !id) return
    const key = status.status
    if (shown.current === null) shown.current = key
    if (key === shown.current || modified) return
    shown.current = key
    void (async () => {
      const response = await fetch(`${api}?depth=0`, { credentials: 'include', cache: 'no-store' })
      if (response.ok) await reset((await response.json()) as Record<string, unknown>)
    })().catch(() => undefined)
  }, [api, id, modified, reset, status])

  const act = useCallback(
    async (action: string, data: Record<string, unknown> = {}) => {
      setBusy(action)
      setProblem(null)
      try {
        const response = await fetch(`${api}/${action}`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(data),
        })
        const body = (await response.json()) as Status & { error?: string; preflight?: { errors: Finding[] } }
        if (!response.ok) {
          const details = body.preflight?.errors.map((e) => `${e.where}: ${e.message}`).join('; ')
          setProblem(`${body.error ?? `The server answered ${response.status}.`}${details ? ` (${details})` : ''}`)
        } else setStatus(body)
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error))
      } finally {
        setBusy(null)
      }
    },
    [api],
  )

  if (!id) {
    return (
      <div style={box}>
        <strong>Sending</strong>
        <p style={{ margin: '0.25rem 0 0', ...muted }}>Choose the issue and save the campaign; then it can be started or scheduled here.</p>
      </div>
    )
  }
  if (!status) return <div style={box}>Loading the campaign…</div>

  const s = status
  const total = s.progress.total || s.readiness?.audienceEstimate || 0
  const canStart = s.status === 'draft' || s.status === 'scheduled'
  const audience = s.audience.frozen ? s.audience.size : s.readiness?.audienceEstimate
  const confirmStart = () => {
    const question = `Send "${s.issue.title}" now to ${s.readiness?.audienceEstimate ?? 'all'} confirmed subscribers?\n\nThis cannot be undone: messages the mail server accepts are gone.`
    if (window.confirm(question)) void act('start', { confirm: true })
  }
  const confirmSchedule = () => {
    const date = new Date(at)
    if (Number.isNaN(date.getTime())) return setProblem('Pick a date and time first.')
    if (window.confirm(`Send "${s.issue.title}" on ${date.toLocaleString()} to the subscribers confirmed then?`)) void act('schedule', { at: date.toISOString(), confirm: true })
  }

  return (
    <div style={box} data-testid="campaign-panel">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: '0.5rem' }}>
        <h3 style={{ margin: 0 }}>
          Sending “{s.issue.title}” <span data-testid="campaign-status" style={{ textTransform: 'uppercase', fontSize: '0.8em', ...muted }}>{s.status}</span>
        </h3>
        <span style={muted}>{s.policy === 'at-most-once' ? 'At most once' : 'At least once'}</span>
      </div>

      {canStart && s.readiness ? (
        <div style={{ marginTop: '0.5rem' }}>
          {s.readiness.ok ? (
            <p style={{ margin: 0 }}>Ready: {s.readiness.audienceEstimate} confirmed subscribers would get it now.</p>
          ) : (
            <ul style={{ margin: 0, paddingLeft: '1.25rem', color: 'var(--theme-error-500)' }} role="alert">
              {s.readiness.problems.map((p) => <li key={p}>{p}</li>)}
              {s.readiness.preflight.errors.map((e, i) => <li key={i}>{e.where}: {e.message}</li>)}
            </ul>
          )}
          {(s.readiness.warnings ?? []).map((w) => (
            <p key={w} style={{ margin: '0.25rem 0 0', color: 'var(--theme-warning-600, #b35c00)' }} data-testid="campaign-warning">
              {w}
            </p>
          ))}
          {s.status === 'scheduled' ? <p style={{ margin: '0.25rem 0 0' }}>Scheduled for {when(s.scheduledAt)}.</p> : null}
        </div>
      ) : null}

      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', alignItems: 'center', marginTop: '0.75rem' }}>
        {canStart ? (
          <>
            <Button disabled={busy !== null || !s.readiness?.ok} onClick={confirmStart}>{busy === 'start' ? 'Starting…' : 'Send now'}</Button>
            <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} aria-label="Send at" />
            <Button buttonStyle="secondary" disabled={busy !== null || !s.readiness?.ok} onClick={confirmSchedule}>Schedule</Button>
          </>
        ) : null}
        {s.status === 'sending' ? <Button buttonStyle="secondary" disabled={busy !== null} onClick={() => void act('pause')}>Pause</Button> : null}
        {s.status === 'paused' ? <Button disabled={busy !== null} onClick={() => void act('resume')}>Resume</Button> : null}
        {['scheduled', 'sending', 'paused'].includes(s.status) ? (
          <Button buttonStyle="error" disabled={busy !== null} onClick={() => window.confirm('Cancel this campaign? Messages not yet sent will not be sent.') && void act('cancel')}>Cancel campaign</Button>
        ) : null}
        {s.counts.unknown > 0 && s.status !== 'cancelled' ? (
          <Button buttonStyle="secondary" disabled={busy !== null} onClick={() => window.confirm(`Send the ${s.counts.unknown} "unknown" messages again? Some readers may get a second copy (same Message-ID).`) && void act('resend-unknown')}>
            Resend {s.counts.unknown} unknown
          </Button>
        ) : null}
      </div>

      {problem ? <p style={{ marginTop: '0.75rem', color: 'var(--theme-error-500)' }} role="alert">{problem}</p> : null}

      {s.status !== 'draft' ? (
        <div style={{ marginTop: '1rem' }}>
          <div
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={s.progress.settled}
            data-testid="campaign-progress"
            style={{ display: 'flex', height: 14, borderRadius: 7, overflow: 'hidden', background: 'var(--theme-elevation-150)' }}
          >
            {STATES.filter((st) => st.key !== 'queued').map((st) =>
              s.counts[st.key] > 0 && total > 0 ? (
                <div key={st.key} title={`${st.label}: ${s.counts[st.key]}`} style={{ width: `${(s.counts[st.key] / total) * 100}%`, background: st.colour }} />
              ) : null,
            )}
          </div>
          <p style={{ margin: '0.35rem 0 0' }} data-testid="campaign-progress-text">
            {s.progress.settled} of {total} done ({Math.floor(s.progress.fraction * 100)}%)
            {!s.audience.frozen && s.status === 'sending' ? ' — preparing the audience…' : ''}
            {s.audience.alreadySent ? ` — ${s.audience.alreadySent} left out: an earlier campaign already reached them` : ''}
          </p>
          {s.status === 'sending' && !s.workerActive ? (
            <p style={{ margin: '0.35rem 0 0', color: 'var(--theme-warning-600, #b35c00)' }} role="status">
              No worker has reported in the last 15 seconds. Sending happens in the delivery worker: start it with <code>npm run worker</code>.
            </p>
          ) : null}
          <table style={{ marginTop: '0.75rem', borderCollapse: 'collapse' }} data-testid="campaign-counts">
            <tbody>
              {STATES.map((st) => (
                <tr key={st.key}>
                  <td style={{ padding: '0.1rem 0.75rem 0.1rem 0' }}>
                    <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: st.colour, marginRight: 6 }} />
                    {st.label}
                  </td>
                  <td style={{ textAlign: 'right', padding: '0.1rem 0.75rem', fontVariantNumeric: 'tabular-nums' }} data-testid={`count-${st.key}`}>{s.counts[st.key]}</td>
                  <td style={{ ...muted, fontSize: '0.9em' }}>{st.help}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p style={{ margin: '0.5rem 0 0', ...muted, fontSize: '0.9em' }}>
            Audience: {audience ?? '…'} subscribers confirmed when sending started{s.startedAt ? ` (${when(s.startedAt)}${s.startedBy ? `, by ${s.startedBy}` : ''}${s.startedVia ? ` via ${s.startedVia}` : ''})` : ''}.
            {s.finishedAt ? ` Finished ${when(s.finishedAt)}.` : ''}
          </p>
          {s.contentHash ? (
            <p style={{ margin: '0.25rem 0 0', ...muted, fontSize: '0.9em' }}>
              Message “{s.subject}”, frozen at the start (sha256 {s.contentHash.slice(0, 16)}…):{' '}
              <a href={`${api}/message?format=html`} target="_blank" rel="noreferrer">view as sent</a> ·{' '}
              <a href={`${api}/message?format=text`} target="_blank" rel="noreferrer">plain text</a>
            </p>
          ) : null}
          {s.lastError ? <p style={{ color: 'var(--theme-error-500)' }}>{s.lastError}</p> : null}
        </div>
      ) : null}

      {s.problemsTotal > 0 ? (
        <div style={{ marginTop: '1rem' }} data-testid="campaign-problems">
          <strong>Not accepted ({s.problemsTotal}), with the mail server’s words</strong>
          <table style={{ width: '100%', marginTop: '0.35rem', borderCollapse: 'collapse', fontSize: '0.9em' }}>
            <thead>
              <tr style={{ textAlign: 'left' }}>
                <th>Address</th>
                <th>State</th>
                <th>Attempts</th>
                <th>Server’s reply</th>
              </tr>
            </thead>
            <tbody>
              {s.problems.map((p) => (
                <tr key={p.id} style={{ borderTop: '1px solid var(--theme-elevation-100)' }}>
                  <td>{p.email}</td>
                  <td>{p.status}{p.status === 'deferred' && p.nextAttemptAt ? ` (next try ${when(p.nextAttemptAt)})` : ''}</td>
                  <td>{p.attempts}</td>
                  <td style={{ fontFamily: 'var(--font-mono, monospace)' }}>{p.response}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.problemsTotal > s.problems.length ? (
            <div style={{ display: 'flex', gap: '0.5rem', marginTop: '0.35rem' }}>
              <Button buttonStyle="secondary" size="small" disabled={page <= 1} onClick={() => setPage(page - 1)}>Newer</Button>
              <Button buttonStyle="secondary" size="small" disabled={page * 50 >= s.problemsTotal} onClick={() => setPage(page + 1)}>Older</Button>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
