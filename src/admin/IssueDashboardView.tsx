import type { Access, DocumentViewServerProps, PayloadRequest } from 'payload'
import React from 'react'

import { canExport } from '../access/canExport'
import { isEditorOrAdmin } from '../access/isEditorOrAdmin'
import { isStaff } from '../access/isStaff'
import { latestCampaignOfIssue } from '../delivery/campaign'
import { IssueNotFoundError } from '../issue/assemble'
import { REVIEW_STATUS_LABELS } from '../workflow/fields'
import { issueStatus, type IssueStatus } from '../dashboard/issueStatus'
import type { ItemStatus, Missing, PublishState, SectionStatus } from '../dashboard/missing'
import { IssueActions, type IssueActionsProps } from './IssueActions'
import './issueDashboard.css'

/**
 * The issue's "Dashboard" tab: what the issue still needs, every section with its items
 * (published or not, review status, assignee, layout-ready, open notes), and the buttons
 * that move it on, each shown only to the roles that may use it. The data comes from
 * issueStatus() (src/dashboard/issueStatus.ts); the buttons call the existing endpoints.
 */

const SECTION_KINDS: Record<SectionStatus['kind'], string> = {
  essays: 'Essays',
  highlights: 'Highlights',
  forthcoming: 'Forthcoming publications',
  recent: 'Recent publications',
  chronology: 'Chronology',
}

const STATE_LABELS: Record<PublishState, string> = {
  published: 'Published',
  changed: 'Published, changed since',
  draft: 'Draft',
}

const when = (iso: string) => `${new Date(iso).toLocaleString('en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' })} UTC`

const DETAILS_SHOWN = 6

async function may(access: Access, req: PayloadRequest): Promise<boolean> {
  return (await access({ req })) === true
}

function MissingList({ missing }: { missing: Missing[] }) {
  if (missing.length === 0) {
    return (
      <p className="issue-dashboard__ready" data-testid="dashboard-ready">
        Nothing missing: this issue is ready to go out.
      </p>
    )
  }
  return (
    <ul className="issue-dashboard__missing" data-testid="dashboard-missing">
      {missing.map((m) => (
        <li key={m.code} data-code={m.code}>
          <strong>{m.message}</strong>
          {m.details && m.details.length > 0 ? (
            <ul>
              {m.details.slice(0, DETAILS_SHOWN).map((d, i) => (
                <li key={i}>{d}</li>
              ))}
              {m.details.length > DETAILS_SHOWN ? <li>and {m.details.length - DETAILS_SHOWN} more</li> : null}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

function Assignee({ item, userId }: { item: ItemStatus; userId?: number | string }) {
  if (!item.assignee) return <span className="issue-dashboard__none">—</span>
  if (userId !== undefined && String(item.assignee.id) === String(userId)) return <strong>You</strong>
  return <>{item.assignee.name ?? `User ${item.assignee.id}`}</>
}

function SectionTable({ section, userId, entriesHref }: { section: SectionStatus; userId?: number | string; entriesHref?: string }) {
  return (
    <section className="issue-dashboard__section" data-testid={`dashboard-section-${section.kind}`}>
      <h3>
        {section.title}
        {/* The kind, unless the printed title already says it ("Recent Publications"). */}
        {section.title.toLowerCase().includes(section.kind) ? null : <span className="issue-dashboard__kind">{SECTION_KINDS[section.kind]}</span>}
        {section.entryCount !== undefined ? (
          <span className="issue-dashboard__kind">
            {entriesHref ? <a href={entriesHref}>{section.entryCount} entries</a> : `${section.entryCount} entries`}
          </span>
        ) : null}
      </h3>
      {section.items.length === 0 && section.missingItems === 0 ? <p className="issue-dashboard__none">Nothing in this section yet.</p> : null}
      {section.missingItems > 0 ? (
        <p className="issue-dashboard__warning">
          {section.missingItems === 1 ? '1 item' : `${section.missingItems} items`} in this section no longer exist or cannot be read.
        </p>
      ) : null}
      {section.items.length > 0 ? (
        <table className="issue-dashboard__items">
          <thead>
            <tr>
              <th>Title</th>
              <th className="issue-dashboard__col--state">Published</th>
              <th className="issue-dashboard__col--review">Review</th>
              <th className="issue-dashboard__col--assignee">Assignee</th>
              <th className="issue-dashboard__col--layout">Layout</th>
              <th className="issue-dashboard__col--notes">Notes</th>
            </tr>
          </thead>
          <tbody>
            {section.items.map((item) => (
              <tr key={`${item.collection}:${item.id}`}>
                <td className="issue-dashboard__title">
                  <a href={item.href}>{item.title}</a>
                </td>
                <td>
                  <span className={`issue-dashboard__pill issue-dashboard__pill--${item.state}`}>{STATE_LABELS[item.state]}</span>
                </td>
                <td>
                  {item.reviewStatus ? (
                    <span className={`issue-dashboard__pill issue-dashboard__pill--${item.reviewStatus}`}>{REVIEW_STATUS_LABELS[item.reviewStatus]}</span>
                  ) : (
                    <span className="issue-dashboard__none">—</span>
                  )}
                </td>
                <td>
                  <Assignee item={item} userId={userId} />
                </td>
                <td>{item.layoutReady === undefined ? <span className="issue-dashboard__none">—</span> : item.layoutReady ? 'Ready' : 'Not yet'}</td>
                <td>{item.unresolvedNotes > 0 ? `${item.unresolvedNotes} open` : item.notes > 0 ? 'All resolved' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}

function Summary({ status }: { status: IssueStatus }) {
  const { counts, preflight, lastExport } = status
  return (
    <dl className="issue-dashboard__summary">
      <div>
        <dt>Issue</dt>
        <dd>
          <span className={`issue-dashboard__pill issue-dashboard__pill--${status.issue.state}`}>{STATE_LABELS[status.issue.state]}</span>
        </dd>
      </div>
      <div>
        <dt>Items</dt>
        <dd>
          {counts.items}, {counts.published === counts.items ? 'all' : counts.published} published
          {` · ${counts.approved} approved · ${counts.inReview} in review`}
        </dd>
      </div>
      <div>
        <dt>Preflight</dt>
        <dd>
          {preflight.errors.length} error{preflight.errors.length === 1 ? '' : 's'}, {preflight.warnings.length} warning
          {preflight.warnings.length === 1 ? '' : 's'}
        </dd>
      </div>
      <div>
        <dt>{status.pdfKind === 'edition' ? 'PDF edition' : 'Last proof'}</dt>
        <dd>
          {lastExport ? (
            <>
              {lastExport.url ? <a href={lastExport.url}>{when(lastExport.exportedAt)}</a> : when(lastExport.exportedAt)}, {lastExport.pageCount} pages
              {lastExport.forced ? ', forced despite errors' : ''}
            </>
          ) : (
            'none yet'
          )}
        </dd>
      </div>
      <div>
        <dt>Last change</dt>
        <dd>{when(status.lastChangeAt)}</dd>
      </div>
    </dl>
  )
}

export async function IssueDashboardView({ doc, initPageResult }: DocumentViewServerProps) {
  const req = initPageResult?.req
  const id = doc?.id as number | string | undefined
  const slug = typeof doc?.slug === 'string' ? doc.slug : undefined
  if (!id || !slug || !req) {
    return <p className="issue-dashboard issue-dashboard--empty">Save the issue first; then its dashboard shows what it still needs.</p>
  }
  const { payload, user } = req
  let status: IssueStatus
  try {
    status = await issueStatus(payload, slug, user)
  } catch (error) {
    if (error instanceof IssueNotFoundError) return <p className="issue-dashboard issue-dashboard--empty">{error.message}</p>
    throw error
  }

  const admin = payload.config.routes.admin
  const issueHref = `${admin}/collections/issues/${encodeURIComponent(String(id))}`
  const can = {
    export: await may(canExport, req),
    preview: await may(isStaff, req),
    // Test sends and campaigns: the editors' and admins' (src/delivery/testSend.ts, campaign.ts).
    sendTest: await may(isEditorOrAdmin, req),
    campaign: await may(isEditorOrAdmin, req),
  }
  const campaign = can.campaign ? await latestCampaignOfIssue(payload, id) : undefined
  const actions: IssueActionsProps = {
    issueId: id,
    apiBase: payload.config.routes.api,
    issueHref,
    campaignsHref: `${admin}/collections/campaigns`,
    userEmail: user?.email ?? '',
    published: status.issue.state !== 'draft',
    can,
    campaign: campaign ? { id: campaign.id, name: campaign.name ?? 'Campaign', status: campaign.status } : undefined,
  }
  const chronology = status.sections.find((s) => s.kind === 'chronology')?.items[0]
  const entriesHref = chronology
    ? `${admin}/collections/chronology-entries?where[chronology][equals]=${encodeURIComponent(String(chronology.id))}&limit=100`
    : undefined

  return (
    <div className="issue-dashboard" data-testid="issue-dashboard">
      <div className="issue-dashboard__top">
        <div className="issue-dashboard__needs">
          <h2>What this issue still needs</h2>
          <MissingList missing={status.missing} />
        </div>
        <Summary status={status} />
      </div>
      <IssueActions {...actions} />
      {status.sections.length === 0 ? <p className="issue-dashboard__none">The issue has no sections yet: add them in the Edit tab.</p> : null}
      {status.sections.map((section) => (
        <SectionTable key={section.id} section={section} userId={user?.id} entriesHref={section.kind === 'chronology' ? entriesHref : undefined} />
      ))}
    </div>
  )
}
