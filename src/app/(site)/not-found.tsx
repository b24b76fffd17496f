import React from 'react'

export default function NotFound() {
  return (
    <div className="wrap">
      <div className="measure">
        <h1 className="page-title">Page not found</h1>
        <p className="lede">There is nothing at this address. It may have moved, or the issue is not published yet.</p>
        <p className="actions">
          <a className="button" href="/issues">
            All issues
          </a>
          <a className="button secondary" href="/">
            Home
          </a>
        </p>
      </div>
    </div>
  )
}
