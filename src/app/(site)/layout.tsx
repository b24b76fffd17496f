import type { Metadata, Viewport } from 'next'
import React from 'react'

import { env } from '@/env'
import { aboutRuns } from '@/issue/labels'
import { Runs } from './_components/IssueParts'
import { SiteNav } from './_components/SiteNav'
import { FEED_ALTERNATE, siteSettings } from './_lib/site'
import './site.css'

export async function generateMetadata(): Promise<Metadata> {
  const settings = await siteSettings()
  const name = settings.bulletinName || 'Bulletin Press'
  const description = settings.aboutText || 'The quarterly bulletin, on the web.'
  return {
    metadataBase: new URL(env().PUBLIC_URL),
    title: { default: name, template: `%s · ${name}` },
    description,
    alternates: { types: FEED_ALTERNATE },
    openGraph: { type: 'website', siteName: name, title: name, description, locale: 'en_GB' },
    twitter: { card: 'summary' },
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#17324D' }

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const settings = await siteSettings()
  const name = settings.bulletinName || 'Bulletin Press'
  const publisher = [settings.centre, settings.institute].filter(Boolean).join(', ')
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#content">
          Skip to the content
        </a>
        <header className="site-header">
          <div className="wrap">
            <a className="brand" href="/">
              <span className="brand-name">{name}</span>
              {publisher ? <span className="brand-publisher">{publisher}</span> : null}
            </a>
            <SiteNav />
          </div>
        </header>
        <main id="content">{children}</main>
        <footer className="site-footer">
          <div className="wrap">
            <section aria-labelledby="footer-about">
              <h2 id="footer-about">About the bulletin</h2>
              <p>
                <Runs runs={aboutRuns(settings.aboutText, settings.aboutLinkText ? settings.aboutUrl || undefined : undefined, settings.aboutLinkText || undefined)} />
              </p>
              {settings.aboutUrl && !settings.aboutLinkText ? (
                <p>
                  <a href={settings.aboutUrl}>More about the {settings.centre || 'publisher'}</a>
                </p>
              ) : null}
              <p>{settings.rightsText}</p>
            </section>
            <section aria-labelledby="footer-contact">
              <h2 id="footer-contact">Correspondence</h2>
              {settings.correspondence?.email ? (
                <p>
                  {settings.correspondence.name}
                  <br />
                  <a href={`mailto:${settings.correspondence.email}`}>{settings.correspondence.email}</a>
                </p>
              ) : null}
              {settings.postalAddress ? <p style={{ whiteSpace: 'pre-line' }}>{settings.postalAddress}</p> : null}
            </section>
            <section aria-labelledby="footer-follow">
              <h2 id="footer-follow">Follow</h2>
              <p>
                <a href="/subscribe">Subscribe by email</a>
                <br />
                <a href="/issues/rss.xml">RSS feed of new issues</a>
                <br />
                <a href="/issues">All issues</a>
              </p>
              <p>
                <a href="/admin">Editorial committee: sign in</a>
              </p>
            </section>
          </div>
        </footer>
      </body>
    </html>
  )
}
