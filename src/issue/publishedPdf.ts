import type { Payload } from 'payload'

/**
 * The PDF edition readers download: the newest export of a published issue, read with the
 * public's rights (so a draft issue or an issue never exported has none). The file is
 * served by Payload's own upload route, which works for the local disk and for S3 alike.
 */
export async function publishedIssuePdf(payload: Payload, slug: string): Promise<{ url: string; filename: string } | undefined> {
  const { docs } = await payload.find({
    collection: 'issue-exports',
    where: { and: [{ 'issue.slug': { equals: slug } }, { 'issue._status': { equals: 'published' } }] },
    sort: '-exportedAt',
    limit: 1,
    depth: 0,
    overrideAccess: false,
  })
  const latest = docs[0]
  if (!latest?.url || !latest.filename) return undefined
  return { url: latest.url, filename: latest.filename }
}
