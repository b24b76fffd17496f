'use client'

import { Button } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type Part = 'html' | 'text'
type Width = 'desktop' | 'phone'

const WIDTHS: Record<Width, number> = { desktop: 720, phone: 375 }

interface SendState {
  kind: 'idle' | 'sending' | 'sent' | 'failed'
  message?: string
}

export function NewsletterPreview({
  apiBase,
  canSend,
  defaultAddress,
  published,
}: {
  apiBase: string
  canSend: boolean
  defaultAddress: string
  published: boolean
}) {
  const [part, setPart] = useState<Part>('html')
  const [width, setWidth] = useState<Width>('desktop')
  const [text, setText] = useState<string>('')
  const [subject, setSubject] = useState<string>('')
  const [address, setAddress] = useState(defaultAddress)
  const [send, setSend] = useState<SendState>({ kind: 'idle' })
  // A new stamp reloads the preview after the issue was edited in the other tab. It starts
  // at 0, the same on the server and in the browser, so hydration matches.
  const [stamp, setStamp] = useState(0)

  useEffect(() => {
    let live = true
    fetch(`${apiBase}/newsletter?format=text&t=${stamp}`, { credentials: 'include' })
      .then(async (response) => {
        const body = await response.text()
        if (!live) return
        setText(response.ok ? body : `The preview could not be made: ${body}`)
        const raw = response.headers.get('X-Subject')
        if (raw) setSubject(decodeURIComponent(raw))
      })
      .catch((error: Error) => live && setText(`The preview could not be made: ${error.message}`))
    return () => {
      live = false
    }
  }, [apiBase, stamp])

  async function sendTest(event: React.FormEvent) {
    event.preventDefault()
    setSend({ kind: 'sending' })
    try {
      const response = await fetch(`${apiBase}/send-test`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ to: address }),
      })
      const body = (await response.json()) as { ok?: boolean; error?: string; to?: string; response?: string }
      if (response.ok && body.ok) setSend({ kind: 'sent', message: `Sent to ${body.to}. The mail server answered: ${body.response}` })
      else setSend({ kind: 'failed', message: body.error ?? `Failed (${response.status}).` })
    } catch (error) {
      setSend({ kind: 'failed', message: (error as Error).message })
    }
  }

  const toggle = (active: boolean): React.CSSProperties => ({
    padding: '6px 14px',
    border: '1px solid var(--theme-elevation-250)',
    background: active ? 'var(--theme-elevation-800)' : 'var(--theme-elevation-0)',
    color: active ? 'var(--theme-elevation-0)' : 'var(--theme-elevation-800)',
    cursor: 'pointer',
    font: 'inherit',
  })

  return (
    <section aria-labelledby="newsletter-preview-title" style={{ display: 'grid', gap: 'calc(var(--base) * 1)' }}>
      <div>
        <h2 id="newsletter-preview-title" style={{ margin: 0 }}>
          Newsletter
        </h2>
        <p style={{ margin: '6px 0 0', color: 'var(--theme-elevation-600)' }}>
          {subject ? (
            <>
              Subject: <strong data-testid="newsletter-subject">{subject}</strong>.{' '}
            </>
          ) : null}
          The latest saved version, for a sample reader.
          {published ? '' : ' This issue is not published yet: its links to the web edition will work once it is.'}
        </p>
      </div>

      {canSend ? (
        <form
          onSubmit={sendTest}
          aria-label="Send a test"
          style={{ display: 'flex', flexWrap: 'wrap', gap: '10px', alignItems: 'center' }}
        >
          <label htmlFor="send-test-address" style={{ fontWeight: 600 }}>
            Send a test to
          </label>
          <input
            id="send-test-address"
            name="to"
            type="email"
            required
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            style={{ minWidth: '18rem', padding: '8px 10px', border: '1px solid var(--theme-elevation-250)', borderRadius: 4, font: 'inherit' }}
          />
          <Button type="submit" buttonStyle="primary" size="medium" margin={false} disabled={send.kind === 'sending'}>
            {send.kind === 'sending' ? 'Sending…' : 'Send test'}
          </Button>
          {send.message ? (
            <p role="status" data-testid="send-test-result" style={{ flexBasis: '100%', margin: 0, color: send.kind === 'failed' ? 'var(--theme-error-500)' : 'var(--theme-success-600)' }}>
              {send.message}
            </p>
          ) : null}
        </form>
      ) : (
        <p style={{ margin: 0 }}>Editors and admins can send a test of this newsletter.</p>
      )}

      <div role="toolbar" aria-label="Preview" style={{ display: 'flex', flexWrap: 'wrap', gap: '16px', alignItems: 'center' }}>
        <div role="group" aria-label="Part" style={{ display: 'flex' }}>
          <button type="button" aria-pressed={part === 'html'} style={toggle(part === 'html')} onClick={() => setPart('html')}>
            HTML
          </button>
          <button type="button" aria-pressed={part === 'text'} style={toggle(part === 'text')} onClick={() => setPart('text')}>
            Plain text
          </button>
        </div>
        <div role="group" aria-label="Width" style={{ display: 'flex' }}>
          <button type="button" aria-pressed={width === 'desktop'} style={toggle(width === 'desktop')} onClick={() => setWidth('desktop')}>
            Desktop
          </button>
          <button type="button" aria-pressed={width === 'phone'} style={toggle(width === 'phone')} onClick={() => setWidth('phone')}>
            Phone
          </button>
        </div>
        <button type="button" style={toggle(false)} onClick={() => setStamp((n) => n + 1)}>
          Reload
        </button>
        <a href={`${apiBase}/newsletter?format=html`} target="_blank" rel="noreferrer">
          Open in a new tab
        </a>
        <a href={`${apiBase}/newsletter?format=eml`}>Download .eml</a>
      </div>

      <div
        style={{
          // The frame's inside is exactly the chosen width: 375 px is an iPhone's screen.
          boxSizing: 'content-box',
          width: `${WIDTHS[width]}px`,
          maxWidth: 'calc(100% - 20px)',
          border: '1px solid var(--theme-elevation-150)',
          borderRadius: width === 'phone' ? 24 : 4,
          padding: width === 'phone' ? '18px 8px' : 0,
          background: 'var(--theme-elevation-50)',
        }}
      >
        {part === 'html' ? (
          <iframe
            key={`${stamp}-${width}`}
            title="Newsletter, HTML part"
            src={`${apiBase}/newsletter?format=html&t=${stamp}`}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            style={{ display: 'block', width: '100%', height: '80vh', border: 0, background: '#fff' }}
          />
        ) : (
          <pre
            data-testid="newsletter-text"
            style={{
              margin: 0,
              padding: '16px',
              height: '80vh',
              overflow: 'auto',
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-word',
              background: '#fff',
              color: '#1e2a36',
              fontSize: 13,
              lineHeight: 1.5,
            }}
          >
            {text}
          </pre>
        )}
      </div>
    </section>
  )
}
