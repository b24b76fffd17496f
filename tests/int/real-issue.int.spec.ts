import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatDayCell } from '@/chronology/dayCell'
import { parseChronology } from '@/chronology/parse'
import { campaignReadiness, NO_POSTAL_ADDRESS_WARNING } from '@/delivery/campaign'
import { assembleIssue } from '@/issue/assemble'
import { exportIssuePdf, type ExportResult } from '@/export/exportPdf'
import { renderNewsletter } from '@/render/email'
import { COLUMN, MARGIN } from '../../templates/pdf/theme'
import { startTestPayload, type TestPayload } from '../support/payload'
import { enterRealIssue, REAL_ISSUE_MISSING, realIssuePath, type EnteredRealIssue } from '../support/realIssue'
import { pageLines, pdftotext, pdfwords, readable, textPattern } from '../unit/pdf/pdfTools'

/**
 * The real issue of the bulletin (April–June 2024), entered through the Local API as the
 * committee would, its chronology imported through the import service, and exported as the
 * production editor does. Its text is read from ../shared/fixtures at run time.
 */

const FIXTURE = realIssuePath()
if (!FIXTURE) console.warn(REAL_ISSUE_MISSING)

/** Typographic and plain quotes, dashes and spaces read alike; the PDF may set either. */
function plain(text: string): string {
  return text
    .replace(/&apos;|&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .replace(/\u00ad/g, '')
}

/**
 * A regular expression for a text as the PDF may set it: any run of spaces may be a line
 * break, a word may be hyphenated at a line end (the hyphen and the break are taken out
 * of the extracted text before matching, see `joined`), and an existing hyphen may end a line.
 */
function asSet(text: string): RegExp {
  const words = plain(text).trim().split(/\s+/)
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '-?')
  return new RegExp(words.map(escape).join('\\s+'))
}

/** Extracted text with line-end hyphenation joined ("Gov-\nernor" -> "Governor"). */
function joined(text: string): string {
  return plain(text).replace(/(\p{L})[-‐]\n(?=\p{L})/gu, '$1')
}

let t: TestPayload
let payload: Payload
let entered: EnteredRealIssue
let exported: ExportResult
let dir: string
let text: string
let file: string

describe.skipIf(!FIXTURE)(`the real issue of 2024 Q2${FIXTURE ? '' : ` (skipped: ${REAL_ISSUE_MISSING})`}`, () => {
  beforeAll(async () => {
    t = await startTestPayload()
    payload = t.payload
    entered = await enterRealIssue(payload, fs.readFileSync(FIXTURE as string, 'utf8'))
    exported = await exportIssuePdf(payload, entered.slug, { user: entered.users.production, via: 'admin', kind: 'proof' })
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-real-issue-'))
    file = path.join(dir, 'real-issue.pdf')
    fs.writeFileSync(file, exported.pdf)
    // To look at it: REAL_ISSUE_PDF_OUT=/tmp/real.pdf npx vitest run tests/int/real-issue.int.spec.ts
    if (process.env.REAL_ISSUE_PDF_OUT) fs.copyFileSync(file, process.env.REAL_ISSUE_PDF_OUT)
    text = pdftotext(file)
    console.info(
      `The real issue: ${exported.report.pageCount} pages; preflight ${exported.report.errors.length} error(s), ` +
        `${exported.report.warnings.length} warning(s)${exported.report.warnings.map((w) => `\n  - ${w.where}: ${w.message}`).join('')}`,
    )
  }, 600_000)

  afterAll(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
    await t?.close()
  })

  it('imports every entry of the April chronology and exports with preflight passed', () => {
    const lines = entered.issue.chronology.text.split('\n').filter((l) => l.includes('\t'))
    expect(entered.chronologyImport.errors).toEqual([])
    expect(entered.chronologyImport.added).toBe(lines.length)
    expect(exported.report.errors).toEqual([])
    // At most two hyphenated lines in a row anywhere (preflight reads the export's own render).
    expect(exported.report.warnings.filter((w) => w.code === 'hyphen-ladder')).toEqual([])
    expect(exported.record.pageCount).toBe(exported.report.pageCount)
    expect(exported.report.pageCount).toBeGreaterThan(4)
  })

  it('prints every chronology date and text, in the compiler’s order', () => {
    const { period } = entered.issue.chronology
    const entries = parseChronology(entered.issue.chronology.text, { period }).entries
    // The chronology's pages, without the running footer.
    const intro = entered.issue.chronology.intro[0].split(' ').slice(1, 6).join(' ')
    const start = plain(text).indexOf(intro)
    expect(start, `the chronology's intro ("${intro}")`).toBeGreaterThan(0)
    const chronology = joined(text.slice(start)).replace(/^.*Korea Bulletin\s+·.*$/gm, '')
    let at = 0
    for (const entry of entries) {
      const day = formatDayCell(entry.startDate, entry.endDate).replace(/[–-]/g, '[–-]')
      const dayCell = new RegExp(`(^|\\n)\\s*${day}\\s`, 'g')
      dayCell.lastIndex = at
      const cell = dayCell.exec(chronology)
      expect(cell, `the day cell of line ${entry.line} after position ${at}`).not.toBeNull()
      const body = asSet(entry.paragraphs.join(' '))
      const found = body.exec(chronology.slice(at))
      expect(found, `the text of line ${entry.line} (${entry.paragraphs[0].slice(0, 40)}…) after the entry before it`).not.toBeNull()
      at += (found?.index ?? 0) + (found?.[0].length ?? 0)
    }
  })

  it('prints no volume or number, only the period and the quarter', () => {
    expect(text).not.toMatch(/\bVol(ume|\.)\s*(\d|undefined)|\bNo\.\s*(\d|undefined)|\bNumber\s+(\d|undefined)/)
    const first = pdftotext(file, 1)
    expect(first).toContain('April–June 2024')
    expect(first).toContain('SECOND QUARTER 2024')
  })

  it('lists the contents as the fixture does', () => {
    // The front-matter column of page 1, read line by line from its word boxes (the inkless
    // fillers after the contents numbers aside: they sit lower, being smaller).
    const words = pdfwords(file, 1).filter((w) => w.xMax <= MARGIN.left + COLUMN.width + 1 && !/^\u3164+$/.test(w.text))
    words.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
    const column = plain(words.map((w) => w.text).join(' '))
    for (const line of entered.issue.contents) {
      expect(column, line.title).toMatch(asSet(line.title))
      for (const author of line.authors) expect(column, author).toMatch(asSet(author))
    }
    // The chronology's line carries the period; the highlights are one line.
    expect(column).toMatch(/Chronology of Key Events,\s+April 2024 to June 2024/)
    expect(column.match(/Highlights at the Korea Centre/gi)).toHaveLength(1)
  })

  it('reads page 1 in order: the masthead together, each contents number on its line in turn, the lead essay after the contents', () => {
    // pdftotext's own reading order (no -layout, no -raw), as copy-paste and screen readers get it.
    const lines = pageLines(file, 1).map(plain)
    expect(lines.slice(0, 4)).toEqual(['KOREA BULLETIN', 'Korea Centre · East Asian Institute', 'April–June 2024', 'SECOND QUARTER 2024'])
    let last = -1
    let lastPage = 0
    for (const line of entered.issue.contents) {
      const opening = plain(line.title).split(/\s+/).slice(0, 3).join(' ')
      const at = lines.findIndex((l, i) => i > last && new RegExp(`^\\d+ ${opening.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(l))
      expect(at, `"${opening}" with its page number, after line ${last} of ${JSON.stringify(lines.slice(0, 60))}`).toBeGreaterThan(last)
      const page = Number(lines[at].split(' ')[0])
      expect(page, line.title).toBeGreaterThanOrEqual(lastPage)
      last = at
      lastPage = page
    }
    // The lead essay's head and opening come after the whole contents box (its title is listed there too).
    const rest = readable(lines.slice(last + 1).join('\n'))
    const lead = entered.issue.essays[0]
    let from = 0
    for (const milestone of [lead.title, lead.author, lead.paragraphs[0].replace(/\*/g, '').slice(0, 60)]) {
      const found = rest.slice(from).search(textPattern(plain(milestone)))
      expect(found, `"${milestone}" after the contents and the milestone before it`).toBeGreaterThan(-1)
      from += found + 1
    }
  })

  it('prints the book’s unnumbered front matter beside its numbered chapters, and the about text’s own link', () => {
    const flat = plain(text).replace(/\s+/g, ' ')
    // Front matter first, unnumbered, then the numbered chapters (the contents runs in two
    // columns, so a part heading of the other column may be read in between).
    expect(flat).toMatch(/List of Figures and Tables (?:[A-Z ]+ )?Contributors .*\b1 Engaging North Korea/)
    expect(flat).toMatch(/\b1 Engaging North Korea: A Task for Sisyphus\?/)
    expect(flat).toMatch(/The Korea Bulletin is a quarterly publication/)
    expect(flat).not.toContain('example.org/korea-bulletin')
    // The linked words carry the link (pdfinfo -url lists the link annotations of each page).
    const links = execFileSync('pdfinfo', ['-url', file], { encoding: 'utf8' })
    expect(links).toMatch(/^\s*1\s+Annotation\s+https:\/\/example\.org\/korea-bulletin$/m)
  })

  it('sends a newsletter with every section, and warns that the footer has no postal address', async () => {
    const { model } = await assembleIssue(payload, entered.slug)
    const base = 'http://localhost:3000'
    const { subject, html } = await renderNewsletter(model, { email: 'reader@example.org' }, {
      publicUrl: base,
      issueUrl: `${base}/issues/${entered.slug}`,
      pdfUrl: `${base}/issues/${entered.slug}/pdf`,
      chronologyUrl: `${base}/issues/${entered.slug}#chronology`,
      unsubscribeUrl: `${base}/unsubscribe?token=x`,
    })
    expect(subject).toBe(model.title)
    const readable = plain(html.replace(/<br\/?>/g, '\n'))
    for (const group of entered.issue.highlights) expect(readable).toMatch(asSet(group.caption.split('\n')[0]))
    expect(readable).toMatch(asSet(entered.issue.forthcoming.description[0].split(/(?<=\.)\s/)[0]))
    for (const book of entered.issue.recent) expect(readable).toMatch(asSet(book.title))

    const issue = (await payload.find({ collection: 'issues', where: { slug: { equals: entered.slug } }, depth: 0 })).docs[0]
    const readiness = await campaignReadiness(payload, issue)
    expect(readiness.warnings).toContain(NO_POSTAL_ADDRESS_WARNING)
  })
})
