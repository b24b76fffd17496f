import { NextResponse, type NextRequest } from 'next/server'

/**
 * One address, two jobs: GET /unsubscribe shows the page with a confirm button; POST to
 * the same address (RFC 8058 one-click, from mail providers, or the page's button) goes to
 * the route handler, since a page cannot answer a plain POST. Server actions (which carry
 * a Next-Action header) are left alone.
 */
export function proxy(request: NextRequest): NextResponse {
  if (request.method === 'POST' && !request.headers.has('next-action')) {
    const url = request.nextUrl.clone()
    url.pathname = '/unsubscribe/one-click'
    return NextResponse.rewrite(url)
  }
  return NextResponse.next()
}

export const config = { matcher: ['/unsubscribe'] }
