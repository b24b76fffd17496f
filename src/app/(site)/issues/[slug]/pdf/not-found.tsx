import React from 'react'

export default function PdfNotYetAvailable() {
  return (
    <div className="wrap">
      <div className="measure">
        <h1 className="page-title">The PDF is not yet available</h1>
        <p className="lede">
          The printable PDF of this issue has not been published yet. The whole issue can be read on this site in the meantime.
        </p>
        <p className="actions">
          <a className="button" href="/issues">
            All issues
          </a>
        </p>
      </div>
    </div>
  )
}
