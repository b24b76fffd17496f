/** Small wrappers around poppler-utils, so the PDF tests read the file as a reader would. */
import { execFileSync } from 'node:child_process'
import { formatMonthHeading } from '@/chronology/dayCell'
import type { IssueModel } from '@/issue/model'

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

/**
 * The text lines of one page as a reader meets them, without the running footer, the page
 * number and the inkless text anchors (see TextAnchors in templates/pdf/Essays.tsx).
 */
export function pageLines(file: string, page: number): string[] {
  return pdftotext(file, page)
    .split('\n')
    .map((line) => line.replace(/\u3164/g, '').trim())
    .filter((line) => line !== '' && line !== String(page) && !/ · Vol\. \d+, No\. \d+ · /.test(line))
}

/**
 * The heading a line belongs to, if it is (part of) one of `headings`: a page that ends with
 * one has left a heading stranded at its foot.
 */
export function headingOf(line: string, headings: readonly string[]): string | undefined {
  const l = squash(line)
  if (l.length < 4) return undefined
  return headings.find((h) => {
    const s = squash(h)
    return s === l || (l.length >= 10 && s.includes(l))
  })
}

/** Every heading the issue prints: section, essay, sub-heading, highlight, book, part, month. */
export function headingsOf(model: IssueModel): string[] {
  const headings: string[] = []
  for (const section of model.sections) {
    headings.push(section.title)
    if (section.kind === 'essays') {
      for (const essay of section.essays) {
        headings.push(essay.title)
        for (const block of essay.body) if (block.type === 'heading') headings.push(block.runs.map((r) => r.text).join(''))
      }
    } else if (section.kind === 'highlights') {
      for (const h of section.highlights) if (h.title) headings.push(h.title)
    } else if (section.kind === 'chronology') {
      headings.push(section.chronology.title)
      for (const e of section.chronology.entries) headings.push(formatMonthHeading(e.startDate).toUpperCase())
    } else {
      for (const p of section.publications) {
        headings.push(p.title)
        if (p.contents.length > 0) headings.push('CONTENTS')
        for (const part of p.contents) if (part.title) headings.push(part.title.toUpperCase())
      }
    }
  }
  return [...new Set(headings)]
}

/**
 * Runs of consecutive lines that end in a hyphenated word (a lower-case letter and "-" at
 * the end of a column line), per page: the length of each run of 2 or more.
 */
export function hyphenLadders(file: string, pageCount: number): Array<{ page: number; length: number; last: string }> {
  const ladders: Array<{ page: number; length: number; last: string }> = []
  for (let page = 1; page <= pageCount; page++) {
    const words = pdfwords(file, page)
    const ends = words.filter((w) => /\p{Ll}-$/u.test(w.text))
    // Line ends of one column share their right edge (justified text).
    const byEdge = new Map<number, PdfWord[]>()
    for (const w of ends) byEdge.set(Math.round(w.xMax / 4), [...(byEdge.get(Math.round(w.xMax / 4)) ?? []), w])
    for (const list of byEdge.values()) {
      list.sort((a, b) => a.yMin - b.yMin)
      let run = 1
      for (let i = 1; i <= list.length; i++) {
        const step = i < list.length ? list[i].yMin - list[i - 1].yMin : 0
        if (i < list.length && step > 9 && step < 16) run++
        else {
          if (run >= 2) ladders.push({ page, length: run, last: list[i - 1].text })
          run = 1
        }
      }
    }
  }
  return ladders
}
