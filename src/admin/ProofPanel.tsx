'use client'

import React, { useEffect, useRef, useState } from 'react'

/**
 * The live proof: asks the server whether the issue changed (the server compares a hash of
 * the assembled issue, and holds the question until a save changes it or a moment passes),
 * and when it did shows the new PDF, opened at the page where the changed item starts. Only
 * the proof's state travels on each check; the PDF is fetched when it changed.
 */

interface ProofState {
  hash: string
  unchanged?: boolean
  pageCount?: number
  changed?: { id: string; title: string; page: number } | null
  ms?: number
  url?: string
  error?: string
}

/** How long the panel waits before asking again after a failed check. */
const RETRY_AFTER_MS = 1500

export function ProofPanel({ apiBase }: { apiBase: string }) {
  const [proof, setProof] = useState<ProofState | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [checkedAt, setCheckedAt] = useState<string>('')
  const hash = useRef<string>('')

  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const check = async () => {
      let ok = false
      try {
        // The server answers as soon as a save changes the proof (or after a moment): ask again at once.
        const since = hash.current ? `?since=${hash.current}&wait=1` : ''
        const response = await fetch(`${apiBase}/proof${since}`, { credentials: 'include', cache: 'no-store' })
        const body = (await response.json()) as ProofState
        if (!live) return
        if (!response.ok) setProblem(body.error ?? `The server answered ${response.status}.`)
        else {
          setProblem(null)
          if (!body.unchanged) {
            hash.current = body.hash
            setProof(body)
          }
          setCheckedAt(new Date().toLocaleTimeString('en-GB'))
          ok = true
        }
      } catch (error) {
        if (live) setProblem(error instanceof Error ? error.message : String(error))
      }
      if (live) timer = setTimeout(() => void check(), ok ? 0 : RETRY_AFTER_MS)
    }
    void check()
    return () => {
      live = false
      if (timer) clearTimeout(timer)
    }
  }, [apiBase])

  const page = proof?.changed?.page ?? 1
  return (
    <div data-testid="proof-panel">
      <h3 style={{ margin: 0 }}>Proof</h3>
      <p style={{ margin: '0.25rem 0 0.75rem', color: 'var(--theme-elevation-600)' }}>
        The issue as it will print, from the latest drafts. It is set again when anything in the issue is saved.
      </p>
      {proof ? (
        <p data-testid="proof-status" data-page={page} data-hash={proof.hash}>
          {proof.pageCount} pages, set in {((proof.ms ?? 0) / 1000).toFixed(1)} s
          {proof.changed ? (
            <>
              {' — '}
              <strong data-testid="proof-changed">
                {proof.changed.title} changed: page {proof.changed.page}
              </strong>
            </>
          ) : null}
          {checkedAt ? <span style={{ color: 'var(--theme-elevation-500)' }}> (checked {checkedAt})</span> : null}
        </p>
      ) : (
        <p>Setting the proof…</p>
      )}
      {problem ? (
        <p style={{ color: 'var(--theme-error-500)' }} role="alert">
          {problem}
        </p>
      ) : null}
      {proof?.url ? (
        <iframe
          // A new key per proof: the viewer opens the new file at the changed page.
          key={proof.hash}
          data-testid="proof-frame"
          title="Proof of the issue"
          src={`${proof.url}#page=${page}&view=FitH`}
          style={{ width: '100%', height: '80vh', border: '1px solid var(--theme-elevation-150)' }}
        />
      ) : null}
    </div>
  )
}
