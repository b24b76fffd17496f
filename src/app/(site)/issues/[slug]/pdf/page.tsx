import { notFound, redirect } from 'next/navigation'

import { publishedIssuePdf } from '@/export/publishedPdf'
import { sitePayload } from '../../../_lib/site'

export const dynamic = 'force-dynamic'

/**
 * /issues/<slug>/pdf: the PDF edition, the newest export of the published issue. Until the
 * production editor exports one, a 404 that says so (./not-found.tsx).
 */
export default async function IssuePdf({ params }: { params: Promise<{ slug: string }> }): Promise<never> {
  const { slug } = await params
  const pdf = await publishedIssuePdf(await sitePayload(), slug)
  if (!pdf) notFound()
  redirect(pdf.url)
}
