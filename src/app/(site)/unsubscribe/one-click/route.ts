import type { NextRequest } from 'next/server'

import { unsubscribe } from '@/subscribers/unsubscribe'
import { sitePayload } from '../../_lib/site'

export const dynamic = 'force-dynamic'

/**
 * POST /unsubscribe?token=… (rewritten here by src/proxy.ts): RFC 8058 one-click
 * unsubscribe. Mail providers post "List-Unsubscribe=One-Click" without cookies or a
 * login: the signed token alone names the subscriber. The page's own button posts here
 * too (with from=page) and is sent back to the page, which then shows the result.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const token = request.nextUrl.searchParams.get('token') ?? ''
  let fromPage = false
  try {
    const form = await request.formData()
    fromPage = form.get('from') === 'page'
  } catch {
    // RFC 8058 bodies are form-encoded; anything else still unsubscribes by the token.
  }
  const result = await unsubscribe(await sitePayload(), token, fromPage ? 'page' : 'one-click')
  if (fromPage) {
    // Relative, so it is right behind any proxy: the page now shows "You are unsubscribed".
    return new Response(null, { status: 303, headers: { Location: `/unsubscribe?token=${encodeURIComponent(token)}` } })
  }
  const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }
  if (result.ok) return new Response(`Unsubscribed: ${result.email} will receive no more issues.\n`, { status: 200, headers })
  if (result.reason === 'unknown') return new Response('This address is not on the list.\n', { status: 404, headers })
  return new Response('This unsubscribe link is not valid.\n', { status: 400, headers })
}
