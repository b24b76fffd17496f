/**
 * The two kinds of print PDF. A proof is the issue as it would print now, from the latest
 * drafts: for the committee only, and marked as a proof on every page. The edition is the
 * published content only: what readers download from /issues/<slug>/pdf.
 */
export const PDF_KINDS = ['proof', 'edition'] as const
export type PdfKind = (typeof PDF_KINDS)[number]

export const PDF_KIND_LABELS: Record<PdfKind, string> = {
  proof: 'proof (latest drafts, committee only)',
  edition: 'edition (published content, what readers download)',
}

export const isPdfKind = (value: unknown): value is PdfKind => typeof value === 'string' && (PDF_KINDS as readonly string[]).includes(value)

/** The line a proof carries on every page, dated (YYYY-MM-DD, UTC) when it was made. */
export function proofMark(at: Date): string {
  return `PROOF — includes unpublished drafts — ${at.toISOString().slice(0, 10)}`
}
