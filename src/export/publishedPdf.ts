import type { Payload } from 'payload'

/**
 * The PDF edition readers download: the newest edition (published content only, never a
 * proof) of a published issue, read with the public's rights (so a draft issue, or one with
 * no edition exported yet, has none). The file is served by Payload's own upload route,
 * which applies the same read access, for the local disk and for S3 alike.
 */
export async function publishedIssuePdf(payload: Payload, slug: string): Promise<{ url: string; filename: string } | undefined> {
  const { docs } = await payload.find({
    collection: 'issue-exports',
    where: { and: [{ 'issue.slug': { equals: slug } }, { 'issue._status': { equals: 'published' } }, { kind: { equals: 'edition' } }] },
    sort: '-exportedAt',
    limit: 1,
    depth: 0,
    overrideAccess: false,
  })
  const latest = docs[0]
  if (!latest?.url || !latest.filename) return undefined
  return { url: latest.url, filename: latest.filename }
}
