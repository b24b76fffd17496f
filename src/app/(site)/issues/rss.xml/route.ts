import { env } from '@/env'
import { issueLine } from '@/issue/labels'
import { publishedIssues, siteSettings } from '../../_lib/site'

export const dynamic = 'force-dynamic'

const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c)

/** RSS 2.0 of the published issues, newest first. */
export async function GET(): Promise<Response> {
  const base = env().PUBLIC_URL
  const [issues, settings] = await Promise.all([publishedIssues(50), siteSettings()])
  const name = settings.bulletinName || 'Bulletin Press'
  const items = issues.map((issue) => {
    const link = `${base}/issues/${issue.slug}`
    const date = issue.publicationDate ? new Date(`${issue.publicationDate}T12:00:00Z`).toUTCString() : undefined
    const summary = issue.editorsIntro || `${issueLine(issue)}.`
    return [
      '    <item>',
      `      <title>${escapeXml(issue.title)}</title>`,
      `      <link>${escapeXml(link)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(link)}</guid>`,
      date ? `      <pubDate>${date}</pubDate>` : '',
      `      <description>${escapeXml(summary)}</description>`,
      '    </item>',
    ]
      .filter(Boolean)
      .join('\n')
  })
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(name)}</title>`,
    `    <link>${escapeXml(`${base}/issues`)}</link>`,
    `    <atom:link href="${escapeXml(`${base}/issues/rss.xml`)}" rel="self" type="application/rss+xml"/>`,
    `    <description>${escapeXml(settings.aboutText || `${name}: new issues`)}</description>`,
    '    <language>en</language>',
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n')
  return new Response(xml, {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  })
}
