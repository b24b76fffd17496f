/**
 * Uploaded chronology files (.txt, .md, .html, .docx, .csv) turned into numbered lines for
 * the same parser as pasted text, so every format gets the same rules and diagnostics.
 * Line numbers point into the original file; a Word file has no lines, so there the
 * numbers count its paragraphs (table rows count as one) and diagnostics say "paragraph".
 * Never rejects: an unreadable file comes back with an error in `errors`.
 */
import { cleanLine, flatten, splitTableRow, WINDOWS_1252 } from './cleanText'
import { splitLines, type ChronologyFormat, type ChronologySource, type Diagnostic, type SourceLine } from './parse'
import { readMonthHeading } from './readDayCell'

const FORMATS: Record<string, ChronologyFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  csv: 'csv',
}

export function formatOfFilename(filename: string): ChronologyFormat | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename.trim())?.[1]?.toLowerCase()
  return extension === undefined ? undefined : FORMATS[extension]
}

function source(format: ChronologyFormat, lines: SourceLine[], warnings: Diagnostic[] = [], errors: Diagnostic[] = []): ChronologySource {
  return { format, lineLabel: format === 'docx' ? 'paragraph' : 'line', lines, warnings, errors }
}

/** UTF-8 (with or without BOM), UTF-16 with a BOM (Word's "Unicode text"), else Windows-1252 with a warning. */
export function decodeText(bytes: Uint8Array): { text: string; warnings: Diagnostic[] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: [] }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings: [] }
  try {
    // TextDecoder drops a UTF-8 BOM itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] }
  } catch {
    return {
      // By hand: Node's TextDecoder reads "windows-1252" as Latin-1, losing Word's curly quotes and dashes.
      text: Array.from(bytes, (b) => String.fromCharCode(WINDOWS_1252[b] ?? b)).join(''),
      warnings: [
        {
          line: 0,
          message: 'the file is not in UTF-8, so it was read as Windows text (Western); check accented letters and Hangul in the entries',
        },
      ],
    }
  }
}

/** Whether a table's first row is a month heading or an entry, rather than column titles ("Day | Event"). */
function isContentRow(cells: string[]): boolean {
  const flat = flatten(cleanLine(cells.join(' ')))
  return readMonthHeading(flat, undefined) !== undefined || cells.some((cell) => /^\s*\d/.test(flatten(cleanLine(cell))))
}

// A Markdown table's delimiter row: "|---|:---:|", "--- | ---".
const MD_DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/

/** Markdown: table rows become "day\ttext"; column titles and the delimiter row under them go. */
export function markdownLines(text: string): SourceLine[] {
  const raw = text.split(/\r\n|\r|\n/)
  const lines: SourceLine[] = []
  let inTable = false
  for (let i = 0; i < raw.length; i++) {
    const row = raw[i]
    const isRow = row.includes('|')
    const next = raw[i + 1] ?? ''
    // A header needs a delimiter row with as many cells; "Talks | more" over "---" is a heading underline.
    const startsTable =
      !inTable && isRow && !MD_DELIMITER.test(row) && MD_DELIMITER.test(next) && splitTableRow(next).length === splitTableRow(row).length
    if (startsTable) {
      // The header row of a table: kept only when it is content.
      const cells = splitTableRow(row)
      if (isContentRow(cells)) lines.push({ line: i + 1, text: cells.join('\t') })
      i++ // the delimiter row is table syntax, not junk
      inTable = true
      continue
    }
    if (inTable && !isRow) inTable = false
    lines.push({ line: i + 1, text: inTable && !MD_DELIMITER.test(row) ? splitTableRow(row).join('\t') : row })
  }
  return lines
}

/** Blank out a span but keep its newlines, so offsets (and line numbers) still match the file. */
function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ')
}

// Whitespace with a newline in it is layout in HTML; a tab alone may be the editor's column break.
function collapseHtmlSpace(html: string): string {
  return html.replace(/[ \t\r]*\n\s*/g, ' ').replace(/ {2,}/g, ' ').trim()
}

interface HtmlUnit {
  offset: number
  text: string
}

const HTML_BLOCK_BOUNDARY =
  /<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|pre|section|article|header|footer|main|body|html|dl|dt|dd|hr|figure|figcaption|address|nav|aside|caption)\b[^>]*>/gi

function tableRowUnits(table: string, tableOffset: number): HtmlUnit[] {
  const units: HtmlUnit[] = []
  const starts = [...table.matchAll(/<tr\b[^>]*>/gi)]
  starts.forEach((start, i) => {
    // Closing tags are optional in HTML, so a row runs to the next <tr> or the table's end.
    const from = (start.index ?? 0) + start[0].length
    const to = starts[i + 1]?.index ?? table.length
    const row = table.slice(from, to).replace(/<\/(?:tr|table|tbody|thead|tfoot)\s*>/gi, '').replace(/<\/?(?:tbody|thead|tfoot)\b[^>]*>/gi, '')
    const cellStarts = [...row.matchAll(/<t([dh])\b[^>]*>/gi)]
    const cells = cellStarts.map((cell, j) =>
      collapseHtmlSpace(row.slice((cell.index ?? 0) + cell[0].length, cellStarts[j + 1]?.index ?? row.length).replace(/<\/t[dh]\s*>/gi, '')),
    )
    if (cells.length === 0) return
    const allHeaders = cellStarts.every((cell) => cell[1].toLowerCase() === 'h')
    if (allHeaders && !isContentRow(cells)) return // column titles such as "Date | Event"
    units.push({ offset: tableOffset + (start.index ?? 0), text: cells.join('\t') })
  })
  return units
}

/** HTML (a table, paragraphs, or both): one unit per table row or block, at its offset in the file. */
export function htmlUnits(html: string): HtmlUnit[] {
  let masked = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, blank)
    .replace(/<(script|style|head|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, blank)
  const units: HtmlUnit[] = []
  // Tables first (not nested: a table in a table is read as one); then mask them out.
  for (const table of masked.matchAll(/<table\b[^>]*>[\s\S]*?(?:<\/table\s*>|$)/gi)) {
    units.push(...tableRowUnits(table[0], table.index ?? 0))
  }
  masked = masked.replace(/<table\b[^>]*>[\s\S]*?(?:<\/table\s*>|$)/gi, blank)
  let from = 0
  const addSegment = (to: number): void => {
    const segment = masked.slice(from, to)
    const lead = /^\s*/.exec(segment)?.[0].length ?? 0
    const text = collapseHtmlSpace(segment)
    if (flatten(cleanLine(text)) !== '') units.push({ offset: from + lead, text })
  }
  for (const boundary of masked.matchAll(HTML_BLOCK_BOUNDARY)) {
    addSegment(boundary.index ?? 0)
    from = (boundary.index ?? 0) + boundary[0].length
  }
  addSegment(masked.length)
  return units.sort((a, b) => a.offset - b.offset)
}

function lineAt(text: string): (offset: number) => number {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  return (offset) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (starts[mid] <= offset) low = mid
      else high = mid - 1
    }
    return low + 1
  }
}

export function htmlLines(html: string): SourceLine[] {
  const line = lineAt(html)
  return htmlUnits(html).map((unit) => ({ line: line(unit.offset), text: unit.text }))
}

interface CsvRecord {
  line: number
  fields: string[]
}

/**
 * Comma, or the semicolon Excel writes in many locales, or tab: the one whose first field
 * is a date or a column name; else the first one the line contains.
 */
function sniffDelimiter(firstLine: string): string {
  const candidates = [',', ';', '\t']
  const firstField = (d: string): string => (firstLine.split(d)[0] ?? '').trim().replace(/^"|"$/g, '').toLowerCase()
  const known = [...CSV_COLUMNS.start, ...CSV_COLUMNS.end, ...CSV_COLUMNS.text]
  return (
    candidates.find((d) => firstLine.includes(d) && (/^\d{4}-\d{1,2}-\d{1,2}$/.test(firstField(d)) || known.includes(firstField(d)))) ??
    candidates.find((d) => firstLine.includes(d)) ??
    ','
  )
}

/** RFC 4180 records: quoted fields may hold the delimiter, "" and newlines. */
export function csvRecords(text: string): { records: CsvRecord[]; unclosedQuoteAt?: number } {
  const delimiter = sniffDelimiter(text.split('\n', 1)[0] ?? '')
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  let quoteLine = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else {
        if (c === '\n') line++
        field += c
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true
      quoteLine = line
      field = ''
    } else if (c === delimiter) {
      fields.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      fields.push(field)
      records.push({ line: recordLine, fields })
      fields = []
      field = ''
      line++
      recordLine = line
    } else field += c
  }
  fields.push(field)
  records.push({ line: recordLine, fields })
  return { records: records.filter((r) => r.fields.some((f) => f.trim() !== '')), unclosedQuoteAt: quoted ? quoteLine : undefined }
}

const CSV_COLUMNS = {
  start: ['start', 'start date', 'start_date', 'from', 'date', 'begin'],
  end: ['end', 'end date', 'end_date', 'to', 'until'],
  text: ['text', 'event', 'events', 'entry', 'description'],
}

/** CSV with columns start, end, text (dates YYYY-MM-DD): each record becomes "start to end\ttext". */
export function csvSource(text: string): ChronologySource {
  const { records, unclosedQuoteAt } = csvRecords(text)
  const warnings: Diagnostic[] = []
  if (unclosedQuoteAt !== undefined) {
    warnings.push({ line: unclosedQuoteAt, message: 'a quoted field is never closed, so the rest of the file was read into it' })
  }
  const header = records[0]?.fields.map((f) => f.trim().toLowerCase()) ?? []
  const find = (names: string[]): number => header.findIndex((h) => names.includes(h))
  const hasHeader = find(CSV_COLUMNS.start) >= 0 || find(CSV_COLUMNS.text) >= 0
  const columns = hasHeader
    ? { start: find(CSV_COLUMNS.start), end: find(CSV_COLUMNS.end), text: find(CSV_COLUMNS.text) }
    : { start: 0, end: 1, text: 2 }
  if (hasHeader && (columns.start < 0 || columns.text < 0)) {
    return source('csv', [], warnings, [
      { line: 1, message: 'the CSV file needs the columns start, end and text (end may be left empty for one day)' },
    ])
  }
  const lines = records.slice(hasHeader ? 1 : 0).map(({ line, fields }): SourceLine => {
    const field = (i: number): string => (i >= 0 ? (fields[i] ?? '') : '')
    const start = field(columns.start).replace(/\s+/g, ' ').trim()
    const end = field(columns.end).replace(/\s+/g, ' ').trim()
    const day = end === '' || end === start ? start : `${start} to ${end}`
    // A newline inside the text field is a paragraph break, which the parser reads as such.
    return { line, text: `${day}\t${field(columns.text).replace(/\r\n?/g, '\n')}` }
  })
  return source('csv', lines, warnings)
}

async function docxSource(bytes: Uint8Array): Promise<ChronologySource> {
  try {
    // Loaded for a Word file only: it is some 130 modules every start would pay for.
    const { default: mammoth } = await import('mammoth')
    const { value, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
    // mammoth's warnings are about unknown styles; its errors may mean lost text, so they are passed on as warnings.
    const problems = messages.filter((m) => m.type === 'error').map((m): Diagnostic => ({ line: 0, message: `the Word file: ${m.message}` }))
    // Word has no lines: number the paragraphs (a table row counts as one) and say so.
    const lines = htmlUnits(value).map((unit, i): SourceLine => ({ line: i + 1, text: unit.text }))
    return source('docx', lines, problems)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return source('docx', [], [], [{ line: 0, message: `the Word file could not be read (${reason}); save it again as .docx and retry` }])
  }
}

/**
 * An uploaded chronology file as lines for parseChronology(source, { period }).
 * Formats by the file name's extension.
 */
export async function chronologyTextFromFile(bytes: Uint8Array, filename: string): Promise<ChronologySource> {
  const format = formatOfFilename(filename)
  if (format === undefined) {
    const hint = /\.doc$/i.test(filename) ? ' (save a .doc as .docx first)' : ''
    return source('txt', [], [], [
      { line: 0, message: `"${filename}" cannot be imported: use a .txt, .md, .html, .docx or .csv file${hint}` },
    ])
  }
  if (format === 'docx') return docxSource(bytes)
  const { text, warnings } = decodeText(bytes)
  switch (format) {
    case 'md':
      return source('md', markdownLines(text), warnings)
    case 'html':
      return source('html', htmlLines(text), warnings)
    case 'csv': {
      const csv = csvSource(text)
      return { ...csv, warnings: [...warnings, ...csv.warnings] }
    }
    default:
      return source('txt', splitLines(text), warnings)
  }
}
