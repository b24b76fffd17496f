import type { Metadata } from 'next'
import React from 'react'

import { SubscribeForm } from '../_components/SubscribeForm'
import { siteSettings } from '../_lib/site'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Subscribe',
  description: 'Receive each new issue of the bulletin by email.',
}

export default async function SubscribePage() {
  const settings = await siteSettings()
  const name = settings.bulletinName || 'the bulletin'
  return (
    <div className="wrap">
      <div className="measure">
        <h1 className="page-title">Subscribe to the {name}</h1>
        <p className="lede">
          Each quarter: essays, news of the {settings.centre || 'Centre'} and a chronology of the period, by email, with a link
          to the full issue on the web and the printable PDF.
        </p>
        <SubscribeForm source="/subscribe" bulletinName={name} />
      </div>
    </div>
  )
}
