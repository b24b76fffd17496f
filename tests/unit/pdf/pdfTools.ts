/** Small wrappers around poppler-utils, so the PDF tests read the file as a reader would. */
import { execFileSync } from 'node:child_process'

export function pdftotext(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)]
  return execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' })
}

export interface PdfFont {
  name: string
  type: string
  embedded: boolean
}

export function pdffonts(file: string): PdfFont[] {
  const [, dashes, ...rows] = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n')
  // Columns are fixed-width; the dashed line under the header gives their extents.
  const columns = [...dashes.matchAll(/-+/g)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length])
  const cell = (row: string, i: number) => row.slice(columns[i][0], columns[i][1]).trim()
  return rows
    .filter((row) => row.trim() !== '')
    .map((row) => ({ name: cell(row, 0), type: cell(row, 1), embedded: cell(row, 3) === 'yes' }))
}

export interface PdfWord {
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

/** Words of one page with their boxes (pdftotext -bbox). */
export function pdfwords(file: string, page: number): PdfWord[] {
  const html = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-'], {
    encoding: 'utf8',
  })
  const words: PdfWord[] = []
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g)) {
    words.push({
      text: m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    })
  }
  return words
}

/**
 * Text reduced for comparison: no whitespace, no hyphens (line-end hyphenation and the text
 * anchors' inkless filler letters aside, the words must be the same and in the same order).
 */
export function squash(text: string): string {
  return text.replace(/[\s\u00ad\u3164\-‐]+/g, '')
}
