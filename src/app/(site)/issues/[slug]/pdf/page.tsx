import { notFound } from 'next/navigation'

export const dynamic = 'force-dynamic'

/**
 * /issues/<slug>/pdf: the PDF edition. PDF export (src/render/pdf) does not provide
 * '@/render/pdf/export' yet, so this answers 404 with ./not-found.tsx ("not yet
 * available"). Once it exists, replace this page with a route.ts that streams its PDF.
 */
export default function IssuePdf(): never {
  notFound()
}
