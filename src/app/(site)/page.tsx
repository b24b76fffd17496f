import React from 'react'

import { issueLine } from '@/issue/labels'
import { essayAnchor } from '@/render/email'
import { authorLine, formatLongDate } from './_components/IssueParts'
import { SubscribeForm } from './_components/SubscribeForm'
import { publishedIssue, publishedIssues, siteSettings } from './_lib/site'

export const dynamic = 'force-dynamic'

/** The front door: the latest issue, the way to subscribe, and the earlier issues. */
export default async function Home() {
  const [settings, issues] = await Promise.all([siteSettings(), publishedIssues()])
  const name = settings.bulletinName || 'Bulletin Press'
  const [latestItem, ...earlier] = issues
  const latest = latestItem ? await publishedIssue(latestItem.slug) : undefined
  const essays = latest ? latest.sections.flatMap((s) => (s.kind === 'essays' ? s.essays : [])) : []
  return (
    <div className="wrap">
      <h1 className="visually-hidden">{name}</h1>
      {latest ? (
        <section className="hero" aria-labelledby="latest-title">
          <p className="kicker" style={{ marginTop: '1.5rem' }}>
            Latest issue
          </p>
          <h2 id="latest-title">
            <a href={`/issues/${latest.slug}`} style={{ color: 'inherit', textDecoration: 'none' }}>
              {latest.title}
            </a>
          </h2>
          <p className="issue-line">
            {issueLine(latest)} ·{' '}
            <time dateTime={latest.publicationDate}>{formatLongDate(latest.publicationDate)}</time>
          </p>
          {latest.editorsIntro ? <p className="intro measure" style={{ marginTop: '1rem' }}>{latest.editorsIntro}</p> : null}
          <p className="actions">
            <a className="button" href={`/issues/${latest.slug}`}>
              Read the issue
            </a>
            <a className="button secondary" href={`/issues/${latest.slug}/pdf`}>
              Download the PDF
            </a>
          </p>
          {essays.length > 0 ? (
            <ul className="teasers">
              {essays.map((essay) => (
                <li key={essay.id}>
                  <h3>
                    <a href={`/issues/${latest.slug}#${essayAnchor(essay.slug)}`}>{essay.title}</a>
                  </h3>
                  <p className="byline">{authorLine(essay.authors)}</p>
                  {essay.standfirst ? <p>{essay.standfirst}</p> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : (
        <section className="hero">
          <h2 className="page-title">{name}</h2>
          <p>No issue has been published yet.</p>
        </section>
      )}

      <div className="issue-layout" style={{ paddingTop: 0 }}>
        <section className="subscribe-box" aria-labelledby="home-subscribe" style={{ marginTop: '2rem' }}>
          <h2 id="home-subscribe">Subscribe by email</h2>
          <p>Each new issue in your inbox, four times a year.</p>
          <SubscribeForm source="/" bulletinName={name} />
        </section>
        {earlier.length > 0 ? (
          <section aria-labelledby="earlier-title" style={{ marginTop: '2rem' }}>
            <h2 id="earlier-title" className="section-title">
              Earlier issues
            </h2>
            <ul className="archive">
              {earlier.slice(0, 8).map((issue) => (
                <li key={issue.slug}>
                  <h3>
                    <a href={`/issues/${issue.slug}`}>{issue.title}</a>
                  </h3>
                  <p className="meta">{issue.periodLabel}</p>
                </li>
              ))}
            </ul>
            <p>
              <a href="/issues">All issues</a>
            </p>
          </section>
        ) : null}
      </div>
    </div>
  )
}
