import { formatMonthHeading } from '../chronology/dayCell'
import type { Run } from './model'

/**
 * Small wordings every renderer shares, so the PDF, the web edition and the email say the
 * same thing. Pure.
 */

const QUARTER_NAMES = ['', 'First Quarter', 'Second Quarter', 'Third Quarter', 'Fourth Quarter']

export function quarterName(quarter: number): string {
  return QUARTER_NAMES[quarter] ?? `Quarter ${quarter}`
}

export interface Numbering {
  volume?: number | null
  number?: number | null
}

/**
 * "Volume 12, Number 2" ("Vol. 12, No. 2" when short), or only the part that is given; empty
 * when the issue has neither (many issues print none).
 */
export function numberingLabel(issue: Numbering, short = false): string {
  const parts = [
    issue.volume ? `${short ? 'Vol.' : 'Volume'} ${issue.volume}` : '',
    issue.number ? `${short ? 'No.' : 'Number'} ${issue.number}` : '',
  ].filter(Boolean)
  return parts.join(', ')
}

/** "Volume 12, Number 2 · April–June 2024", or "April–June 2024 · Second Quarter" without numbering. */
export function issueLine(issue: Numbering & { periodLabel: string; quarter: number }): string {
  const numbering = numberingLabel(issue)
  return numbering ? `${numbering} · ${issue.periodLabel}` : `${issue.periodLabel} · ${quarterName(issue.quarter)}`
}

/**
 * The about text as runs: the words `linkText` carry `url` where they occur (first
 * occurrence); otherwise the text is followed by the URL itself. No URL: one plain run.
 */
export function aboutRuns(text: string, url?: string, linkText?: string): Run[] {
  if (!url) return [{ text }]
  const words = linkText?.trim()
  const at = words ? text.indexOf(words) : -1
  if (words && at >= 0) {
    return [
      { text: text.slice(0, at) },
      { text: words, href: url },
      { text: text.slice(at + words.length) },
    ].filter((run) => run.text !== '')
  }
  return [{ text: `${text} ` }, { text: url.replace(/^https?:\/\//, '').replace(/\/$/, ''), href: url }]
}

/** Editors as the contents marks them: "Lam Peng Er (ed)", "A and B (eds)". */
export function editorsMark(editors: readonly string[]): string[] {
  const names = editors.filter((name) => name.trim() !== '')
  if (names.length === 0) return []
  const joined = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
  return [`${joined} (${names.length === 1 ? 'ed' : 'eds'})`]
}

/** "April 2024 to June 2024"; one month once. */
export function periodWords(start: string, end: string): string {
  const from = formatMonthHeading(start)
  const to = formatMonthHeading(end)
  return from === to ? from : `${from} to ${to}`
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}
