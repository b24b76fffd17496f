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

// A hyphen (or soft hyphen) at a line end between two letters: the line breaker's, or a real
// one that happened to fall there. Kept as one mark, so a word reads the same either way.
const LINE_BREAK_HYPHEN = '\u00ad'

/**
 * Text as a reader meets it, for comparison: the text anchors' inkless filler letters gone,
 * runs of whitespace one space, and a word broken at a line end ("defen-" / "ce") marked with
 * a soft hyphen. Spaces between words stay, so run-together or lost words do not read the same.
 */
export function readable(text: string): string {
  return text
    .replace(/\u3164/g, ' ')
    .replace(/(\p{L})[-\u2010\u00ad][ \t]*\n\s*(?=\p{L})/gu, `$1${LINE_BREAK_HYPHEN}`)
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * A pattern that finds `expected` in `readable()` text: the same words in the same order with
 * the same spaces, where any word may be broken at a line end (a soft hyphen between two
 * letters) and a real hyphen may be the one a line ends with.
 */
export function textPattern(expected: string): RegExp {
  const chars = [...readable(expected.replace(/\u00ad/g, ''))]
  let source = ''
  chars.forEach((c, i) => {
    const letterBefore = i > 0 && /\p{L}/u.test(chars[i - 1])
    const letterAfter = i + 1 < chars.length && /\p{L}/u.test(chars[i + 1])
    if (/[-\u2010]/.test(c) && letterBefore && letterAfter) source += `[-\u2010${LINE_BREAK_HYPHEN}]`
    else source += c === ' ' ? ' ' : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    if (/\p{L}/u.test(c) && letterAfter) source += `${LINE_BREAK_HYPHEN}?`
  })
  return new RegExp(source, 'u')
}

/** Whether `expected` reads in `text` (see readable and textPattern). */
export function reads(text: string, expected: string): boolean {
  return textPattern(expected).test(readable(text))
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
 * The heading a page ends with, if its last lines are one of `headings` (a heading set on
 * several lines counts too): such a page has left a heading stranded at its foot. Lines are
 * compared whole and word for word, so a short heading counts and a body line that merely
 * contains a heading's words does not.
 */
export function headingOf(lines: readonly string[], headings: readonly string[]): string | undefined {
  for (let k = 1; k <= Math.min(4, lines.length); k++) {
    const tail = readable(lines.slice(-k).join('\n'))
    const found = headings.find((h) => readable(h) === tail)
    if (found !== undefined) return found
  }
  return undefined
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
