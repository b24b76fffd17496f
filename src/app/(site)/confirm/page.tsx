import type { Metadata } from 'next'
import React from 'react'

import { confirmSubscription, type ConfirmResult } from '@/subscribers/confirm'
import { publishedIssues, sitePayload, siteSettings } from '../_lib/site'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Confirm your subscription', robots: { index: false } }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

const FAILURES: Record<Exclude<ConfirmResult, { ok: true }>['reason'], { title: string; text: string }> = {
  expired: {
    title: 'This link has expired',
    text: 'Confirmation links work for 7 days. Subscribe again and we will send you a new one.',
  },
  superseded: {
    title: 'A newer link was sent',
    text: 'You asked to subscribe more than once, so this address has a newer confirmation email. Please use the link in the latest one, or subscribe again.',
  },
  closed: {
    title: 'This link is no longer valid',
    text: 'This address was unsubscribed after the link was sent. To receive the bulletin again, subscribe once more.',
  },
  invalid: {
    title: 'This link is not valid',
    text: 'It may have been cut short or changed on the way. Copy the whole link from the email, or subscribe again.',
  },
}

/** The link in the confirmation email lands here: opening it is the reader's "yes". */
export default async function ConfirmPage({ searchParams }: { searchParams: SearchParams }) {
  const token = (await searchParams).token
  const result: ConfirmResult =
    typeof token === 'string' && token ? await confirmSubscription(await sitePayload(), token) : { ok: false, reason: 'invalid' }
  const settings = await siteSettings()
  const name = settings.bulletinName || 'the bulletin'
  if (!result.ok) {
    const failure = FAILURES[result.reason]
    return (
      <div className="wrap">
        <div className="measure">
          <h1 className="page-title">{failure.title}</h1>
          <p className="lede">{failure.text}</p>
          <p className="actions">
            <a className="button" href="/subscribe">
              Subscribe again
            </a>
          </p>
        </div>
      </div>
    )
  }
  const [latest] = await publishedIssues(1)
  return (
    <div className="wrap">
      <div className="measure">
        <h1 className="page-title" data-testid="confirmed">
          {result.alreadyConfirmed ? 'You are already subscribed' : 'Thank you: you are subscribed'}
        </h1>
        <p className="lede">
          {result.email} will receive the next issue of the {name} by email. Each email has a link to unsubscribe with one
          click.
        </p>
        {latest ? (
          <p className="actions">
            <a className="button" href={`/issues/${latest.slug}`}>
              Read the latest issue
            </a>
          </p>
        ) : null}
      </div>
    </div>
  )
}
