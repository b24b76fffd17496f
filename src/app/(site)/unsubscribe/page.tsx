import type { Metadata } from 'next'
import React from 'react'

import { readUnsubscribeLink } from '@/subscribers/unsubscribe'
import { sitePayload, siteSettings } from '../_lib/site'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/**
 * GET /unsubscribe?token=…: asks before doing anything (link scanners open every link in
 * an email). The button posts to this same address, as mail clients' one-click does
 * (RFC 8058); src/proxy.ts hands such POSTs to ./one-click.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  const token = (await searchParams).token
  const link = typeof token === 'string' && token ? await readUnsubscribeLink(await sitePayload(), token) : { ok: false as const, reason: 'invalid' as const }
  const settings = await siteSettings()
  const name = settings.bulletinName || 'the bulletin'
  const contact = settings.correspondence?.email

  let body: React.ReactNode
  if (!link.ok) {
    body = (
      <>
        <h1 className="page-title">
          {link.reason === 'invalid' ? 'This unsubscribe link is not valid' : 'This address is not on our list'}
        </h1>
        <p className="lede">
          {link.reason === 'invalid'
            ? 'It may have been cut short or changed on the way. Copy the whole link from the email and try again.'
            : 'The link may have come from a test email, or the address was removed from the list. There is nothing to unsubscribe.'}
        </p>
        {contact ? (
          <p>
            Still receiving the {name}? Write to <a href={`mailto:${contact}?subject=unsubscribe`}>{contact}</a> and we will
            take you off the list.
          </p>
        ) : null}
      </>
    )
  } else if (link.status === 'pending' || link.status === 'confirmed') {
    body = (
      <>
        <h1 className="page-title">Unsubscribe from the {name}?</h1>
        <p className="lede">
          <strong>{link.email}</strong> will receive no more issues by email. You can still read every issue on this site.
        </p>
        <form method="post" action={`/unsubscribe?token=${encodeURIComponent(String(token))}`} className="actions">
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <input type="hidden" name="from" value="page" />
          <button className="button" type="submit">
            Unsubscribe
          </button>
          <a className="button secondary" href="/">
            Keep my subscription
          </a>
        </form>
      </>
    )
  } else {
    body = (
      <>
        <h1 className="page-title" data-testid="unsubscribed">
          You are unsubscribed
        </h1>
        <p className="lede">
          {link.email} will receive no more issues of the {name}. Sorry to see you go.
        </p>
        <p>
          Changed your mind? <a href="/subscribe">Subscribe again</a>: we will send a new confirmation email.
        </p>
      </>
    )
  }
  return (
    <div className="wrap">
      <div className="measure">{body}</div>
    </div>
  )
}
