'use client'

import { Button } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

/**
 * The dashboard's buttons that move the issue on. Each calls an endpoint that already
 * exists (the same services as the Print PDF and Newsletter tabs, the campaign panel and
 * the command line) or links to the tab that does the rest. The server decides which
 * buttons a role sees, from the access predicates in src/access.
 */

type CampaignStatus = 'draft' | 'scheduled' | 'sending' | 'paused' | 'sent' | 'cancelled' | 'failed'

export interface IssueActionsProps {
  issueId: number | string
  apiBase: string
  /** The issue's edit page in the admin; its tabs are below it. */
  issueHref: string
  campaignsHref: string
  userEmail: string
  /** A published version exists: a campaign can send it. */
  published: boolean
  can: { export: boolean; preview: boolean; sendTest: boolean; campaign: boolean }
  campaign?: { id: number | string; name: string; status: CampaignStatus }
}

interface Finding {
  where: string
  message: string
}

interface ExportBody {
  error?: string
  report?: { ok: boolean; errors: Finding[]; warnings: Finding[]; pageCount?: number }
  export?: { url?: string; filename?: string; pageCount: number }
}

type Outcome = { ok: boolean; text: string; href?: string; linkText?: string }

const ACTIVE: CampaignStatus[] = ['draft', 'scheduled', 'sending', 'paused']

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export function IssueActions({ issueId, apiBase, issueHref, campaignsHref, userEmail, published, can, campaign }: IssueActionsProps) {
  const router = useRouter()
  const [busy, setBusy] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  async function post<T>(url: string, body: unknown): Promise<{ ok: boolean; status: number; body: T }> {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    return { ok: response.ok, status: response.status, body: (await response.json()) as T }
  }

  async function run(name: string, action: () => Promise<Outcome>, refresh = true) {
    setBusy(name)
    setOutcome(null)
    try {
      setOutcome(await action())
    } catch (error) {
      setOutcome({ ok: false, text: error instanceof Error ? error.message : String(error) })
    } finally {
      setBusy(null)
      // The dashboard above is a server component: read it again (preflight, last PDF).
      if (refresh) router.refresh()
    }
  }

  const printHref = `${issueHref}/print`
  // Once published, the PDF that matters is the edition readers download; before, a proof.
  const kind = published ? 'edition' : 'proof'

  const preflight = () =>
    run('preflight', async () => {
      const { ok, status, body } = await post<ExportBody>(`${apiBase}/issue-exports/preflight`, { issue: issueId, kind })
      if (!ok || !body.report) return { ok: false, text: body.error ?? `The server answered ${status}.` }
      const r = body.report
      const counts = `${plural(r.errors.length, 'error')}, ${plural(r.warnings.length, 'warning')}${r.pageCount ? `, ${r.pageCount} pages` : ''}`
      return r.ok
        ? { ok: true, text: `Preflight passed: ${counts}.`, href: printHref, linkText: 'Details in Print PDF' }
        : { ok: false, text: `Preflight found ${counts}.`, href: printHref, linkText: 'Details in Print PDF' }
    })

  const exportPdf = () =>
    run('export', async () => {
      const { ok, status, body } = await post<ExportBody>(`${apiBase}/issue-exports/export`, { issue: issueId, kind })
      if (ok && body.export) {
        return { ok: true, text: `Exported the ${kind}, ${body.export.pageCount} pages.`, href: body.export.url, linkText: `Download ${body.export.filename ?? 'the PDF'}` }
      }
      if (status === 422) return { ok: false, text: 'Preflight found errors: not exported.', href: printHref, linkText: 'See them, or export despite them, in Print PDF' }
      return { ok: false, text: body.error ?? `The server answered ${status}.` }
    })

  const sendTest = () =>
    run('send-test', async () => {
      const { ok, status, body } = await post<{ ok?: boolean; error?: string; to?: string }>(
        `${apiBase}/issues/${encodeURIComponent(String(issueId))}/send-test`,
        { to: userEmail },
      )
      if (ok && body.ok) return { ok: true, text: `Test sent to ${body.to ?? userEmail}.` }
      return { ok: false, text: body.error ?? `The server answered ${status}.` }
    })

  const newCampaign = () =>
    run('campaign', async () => {
      const { ok, status, body } = await post<{ doc?: { id: number | string }; errors?: Array<{ message: string }> }>(`${apiBase}/campaigns`, { issue: issueId })
      if (!ok || !body.doc) return { ok: false, text: body.errors?.[0]?.message ?? `The server answered ${status}.` }
      // The campaign's own panel starts it, after showing the audience and asking to confirm.
      router.push(`${campaignsHref}/${encodeURIComponent(String(body.doc.id))}`)
      return { ok: true, text: 'Campaign created: opening it…' }
    }, false)

  const active = campaign && ACTIVE.includes(campaign.status) ? campaign : undefined
  const nothing = !can.export && !can.preview && !can.sendTest && !can.campaign
  if (nothing) return null

  return (
    <div className="issue-dashboard__actions" data-testid="dashboard-actions">
      <div className="issue-dashboard__buttons">
        {can.export ? (
          <>
            <Button buttonStyle="secondary" margin={false} disabled={busy !== null} onClick={() => void preflight()}>
              {busy === 'preflight' ? 'Checking…' : 'Run preflight'}
            </Button>
            <Button buttonStyle="secondary" margin={false} disabled={busy !== null} onClick={() => void exportPdf()}>
              {busy === 'export' ? 'Exporting…' : published ? 'Export PDF edition' : 'Export proof'}
            </Button>
          </>
        ) : null}
        {can.preview ? (
          <Button buttonStyle="secondary" margin={false} el="anchor" url={`${issueHref}/newsletter`}>
            Preview email
          </Button>
        ) : null}
        {can.sendTest && userEmail ? (
          <Button buttonStyle="secondary" margin={false} disabled={busy !== null} onClick={() => void sendTest()} tooltip={`To ${userEmail}`}>
            {busy === 'send-test' ? 'Sending…' : 'Send test to me'}
          </Button>
        ) : null}
        {can.campaign ? (
          active ? (
            <Button margin={false} el="anchor" url={`${campaignsHref}/${encodeURIComponent(String(active.id))}`}>
              Open campaign ({active.status})
            </Button>
          ) : (
            <Button
              margin={false}
              disabled={busy !== null || !published}
              onClick={() => void newCampaign()}
              tooltip={published ? 'Creates a campaign; its panel starts it after you confirm.' : 'Publish the issue first.'}
            >
              {busy === 'campaign' ? 'Creating…' : 'Start campaign'}
            </Button>
          )
        ) : null}
      </div>
      {campaign && !active && can.campaign ? (
        <p className="issue-dashboard__hint">
          Last campaign: <a href={`${campaignsHref}/${encodeURIComponent(String(campaign.id))}`}>{campaign.name}</a> ({campaign.status}).
        </p>
      ) : null}
      {outcome ? (
        <p className={outcome.ok ? 'issue-dashboard__outcome' : 'issue-dashboard__outcome issue-dashboard__outcome--failed'} role="status" data-testid="dashboard-outcome">
          {outcome.text}{' '}
          {outcome.href ? <a href={outcome.href}>{outcome.linkText ?? outcome.href}</a> : null}
        </p>
      ) : null}
    </div>
  )
}
