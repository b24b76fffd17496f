// @vitest-environment happy-dom
/**
 * The Print PDF tab's panel in a DOM (happy-dom; it comes with @lexical/headless, a Payload
 * dependency): after an export the route is refreshed, so the server-rendered "Earlier
 * exports" list beside it (PrintView) shows the new file without a reload.
 */
import React, { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const refresh = vi.fn()
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }))
// The admin's button, without the admin's styles and providers.
vi.mock('@payloadcms/ui', () => ({
  Button: ({ children, onClick, disabled }: { children: React.ReactNode; onClick?: () => void; disabled?: boolean }) => (
    <button type="button" onClick={onClick} disabled={disabled}>
      {children}
    </button>
  ),
}))

const { ExportPdfPanel } = await import('@/admin/ExportPdfPanel')

const report = { ok: true, errors: [], warnings: [], pageCount: 8 }
const exported = { url: '/media/exports/demo.pdf', filename: 'demo.pdf', pageCount: 8, contentHash: 'a'.repeat(64), forced: false }

let root: Root
let container: HTMLElement

beforeEach(() => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
  refresh.mockClear()
  container = document.createElement('div')
  document.body.appendChild(container)
  root = createRoot(container)
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  vi.unstubAllGlobals()
})

function answer(status: number, body: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })))
}

async function click(label: string): Promise<void> {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === label)
  expect(button, label).toBeDefined()
  await act(async () => {
    button!.click()
  })
  // Let the fetch and the state updates after it settle.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
}

describe('the Print PDF panel', () => {
  it('refreshes the tab after a successful export, so "Earlier exports" lists it', async () => {
    answer(200, { report, export: exported })
    act(() => root.render(<ExportPdfPanel issueId={1} apiBase="/api" />))
    await click('Export PDF')
    expect(container.querySelector('[data-testid="export-result"]')?.textContent).toContain('demo.pdf')
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('exports the edition of a published issue unless the proof is chosen, and only proofs before publishing', async () => {
    answer(200, { report, export: exported })
    const kindsSent = () => (vi.mocked(fetch).mock.calls as Array<[string, RequestInit]>).map(([, init]) => (JSON.parse(String(init.body)) as { kind?: string }).kind)
    act(() => root.render(<ExportPdfPanel issueId={1} apiBase="/api" published />))
    await click('Export PDF')
    const proofChoice = container.querySelector<HTMLInputElement>('input[value="proof"]')!
    await act(async () => proofChoice.click())
    await click('Export PDF')
    expect(kindsSent()).toEqual(['edition', 'proof'])

    act(() => root.render(<ExportPdfPanel key="draft" issueId={2} apiBase="/api" published={false} />))
    expect(container.querySelector<HTMLInputElement>('input[value="edition"]')!.disabled).toBe(true)
    await click('Run preflight')
    expect(kindsSent().at(-1)).toBe('proof')
  })

  it('does not refresh after a preflight or a refused export', async () => {
    answer(200, { report })
    act(() => root.render(<ExportPdfPanel issueId={1} apiBase="/api" />))
    await click('Run preflight')
    answer(422, { report: { ...report, ok: false }, error: 'Preflight found errors: not exported.' })
    await click('Export PDF')
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Preflight found errors: not exported.')
    expect(refresh).not.toHaveBeenCalled()
  })
})
