import { NextResponse, type NextRequest } from 'next/server'

/**
 * The public site's POSTs, before Next reads them:
 *
 * - Size: the forms here (subscribe, unsubscribe) are a few hundred bytes. Next refuses a
 *   server action body over its 1 MB limit only while reading it, by throwing, which
 *   answers a 500 page; a post over SITE_POST_MAX_BYTES is answered here with a 413 page
 *   (and one that does not say its length, 411), before any of it is read.
 * - One address, two jobs: GET /unsubscribe shows the page with a confirm button; POST to
 *   the same address (RFC 8058 one-click, from mail providers, or the page's button) goes
 *   to the route handler, since a page cannot answer a plain POST. Server actions (which
 *   carry a Next-Action header) are left alone.
 */

/** Far above any form of the site (a name of 200 and an address of 254 characters). */
export const SITE_POST_MAX_BYTES = 64 * 1024

function page(status: number, title: string, text: string): NextResponse {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family: Georgia, serif; max-width: 36em; margin: 3em auto; padding: 0 1em"><h1>${title}</h1><p>${text}</p><p><a href="/subscribe">Back to the form</a></p></body></html>`
  return new NextResponse(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', Connection: 'close' } })
}

export function refuseOversizedPost(request: NextRequest): NextResponse | undefined {
  const declared = request.headers.get('content-length')
  if (declared === null) {
    return page(411, 'Length required', 'The form was sent without saying its size. Please send it again from the page.')
  }
  const length = Number(declared)
  if (!Number.isFinite(length) || length > SITE_POST_MAX_BYTES) {
    return page(
      413,
      'The form is too large',
      `What was sent is larger than any form on this site takes (${Math.round(SITE_POST_MAX_BYTES / 1024)} KB). A name takes at most 200 characters and an email address 254.`,
    )
  }
  return undefined
}

export function proxy(request: NextRequest): NextResponse {
  if (request.method !== 'POST') return NextResponse.next()
  const refused = refuseOversizedPost(request)
  if (refused) return refused
  if (request.nextUrl.pathname === '/unsubscribe' && !request.headers.has('next-action')) {
    const url = request.nextUrl.clone()
    url.pathname = '/unsubscribe/one-click'
    return NextResponse.rewrite(url)
  }
  return NextResponse.next()
}

// Every page of the public site that carries a form (the subscribe form sits on issue pages too).
export const config = { matcher: ['/', '/subscribe', '/confirm', '/unsubscribe', '/issues/:path*'] }
