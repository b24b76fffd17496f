import { numberingLabel } from '@/issue/labels'
import type { IssueModel } from '@/issue/model'

/** Midnight UTC of a YYYY-MM-DD date: the PDF dates come from the model, never the clock. */
export function pdfDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, day))
}

/** "Volume 12, Number 2", the part of it that is given, or empty (many issues print none). */
export function issueLabel(model: IssueModel): string {
  return numberingLabel(model)
}

/**
 * Document-level props shared by every react-pdf document of an issue. Fixed dates make the
 * trailer /ID (an MD5 of the info dictionary) and so the whole file reproducible.
 */
export function documentProps(model: IssueModel) {
  const date = pdfDate(model.publicationDate)
  return {
    creationDate: date,
    modificationDate: date,
    creator: 'Bulletin Press',
    producer: 'Bulletin Press (react-pdf)',
    language: 'en',
    pdfVersion: '1.7' as const,
  }
}
