'use client'

import { usePathname } from 'next/navigation'
import React from 'react'

const LINKS = [
  { href: '/issues', label: 'Issues' },
  { href: '/subscribe', label: 'Subscribe' },
]

export function SiteNav() {
  const pathname = usePathname() ?? '/'
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={pathname === link.href || pathname.startsWith(`${link.href}/`) ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
