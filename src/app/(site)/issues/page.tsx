import type { Metadata } from 'next'
import React from 'react'

import { issueLine } from '@/issue/labels'
import { formatLongDate } from '../_components/IssueParts'
import { FEED_ALTERNATE, publishedIssues, siteSettings } from '../_lib/site'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'All issues',
  description: 'Every published issue of the bulletin, newest first.',
  alternates: { canonical: '/issues', types: FEED_ALTERNATE },
}

export default async function IssuesPage() {
  const [issues, settings] = await Promise.all([publishedIssues(), siteSettings()])
  const years = [...new Set(issues.map((i) => i.year))]
  return (
    <div className="wrap">
      <div className="measure">
        <h1 className="page-title">All issues</h1>
        <p className="lede">
          The {settings.bulletinName || 'bulletin'}, newest first. Every issue can be read here in full and downloaded as a
          PDF. <a href="/issues/rss.xml">RSS feed</a>
        </p>
        {issues.length === 0 ? <p>No issue has been published yet.</p> : null}
        {years.map((year) => (
          <section key={year} aria-labelledby={`year-${year}`}>
            <h2 className="year-heading" id={`year-${year}`}>
              {year}
            </h2>
            <ol className="archive" reversed>
              {issues
                .filter((i) => i.year === year)
                .map((issue) => (
                  <li key={issue.slug}>
                    <h3>
                      <a href={`/issues/${issue.slug}`}>{issue.title}</a>
                    </h3>
                    <p className="meta">
                      {issueLine(issue)}
                      {issue.publicationDate ? (
                        <>
                          {' · '}
                          <time dateTime={issue.publicationDate}>{formatLongDate(issue.publicationDate)}</time>
                        </>
                      ) : null}
                    </p>
                  </li>
                ))}
            </ol>
          </section>
        ))}
      </div>
    </div>
  )
}
