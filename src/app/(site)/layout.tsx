import type { Metadata } from 'next'
import React from 'react'

export const metadata: Metadata = {
  title: 'Bulletin Press',
  description: 'The quarterly bulletin, on the web.',
}

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'Georgia, serif', margin: '0 auto', maxWidth: '42rem', padding: '2rem 1rem', lineHeight: 1.5 }}>
        {children}
      </body>
    </html>
  )
}
