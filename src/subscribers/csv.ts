/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields may hold commas, quotes ("") and
 * line breaks; CRLF or LF; an optional UTF-8 byte order mark; comma or, as European Excel
 * writes, semicolon. Pure: text in, records with the line each starts on out.
 */

export interface CsvRecord {
  /** 1-based line in the file where this record starts. */
  line: number
  fields: string[]
}

export interface CsvParseResult {
  records: CsvRecord[]
  errors: Array<{ line: number; message: string }>
  delimiter: ',' | ';'
}

export function parseCsv(input: string): CsvParseResult {
  const text = input.replace(/^\uFEFF/, '')
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const delimiter: ',' | ';' = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ','
  const records: CsvRecord[] = []
  const errors: CsvParseResult['errors'] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let quoted = false
  let wasQuoted = false
  let i = 0

  const endField = () => {
    fields.push(wasQuoted ? field : field.trim())
    field = ''
    wasQuoted = false
  }
  const endRecord = () => {
    endField()
    // Blank lines are skipped, not records.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields })
    fields = []
  }

  while (i < text.length) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i += 1
        // Only spaces may follow a closing quote before the delimiter.
        while (text[i] === ' ' || text[i] === '\t') i += 1
        if (i < text.length && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
          errors.push({ line, message: 'text after a closing quote; double the quote ("") to write one inside a field' })
          while (i < text.length && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') i += 1
        }
        continue
      }
      if (ch === '\n') line += 1
      field += ch
      i += 1
      continue
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true
      wasQuoted = true
      field = ''
      i += 1
      continue
    }
    if (ch === delimiter) {
      endField()
      i += 1
      continue
    }
    if (ch === '\r' || ch === '\n') {
      endRecord()
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
      line += 1
      recordLine = line
      continue
    }
    field += ch
    i += 1
  }
  if (quoted) errors.push({ line: recordLine, message: 'a quoted field is not closed before the end of the file' })
  if (field !== '' || fields.length > 0 || wasQuoted) endRecord()
  return { records, errors, delimiter }
}

/** A CSV document with CRLF line ends, quoting what needs it. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/**
 * A cell starting with = + - @ (or a tab or carriage return) runs as a formula in
 * spreadsheets: it is written with a leading "'", which spreadsheets hide. A cell that
 * itself starts with "'" gets one too, so restoreCell can take exactly one off and every
 * value, "+news@example.org" and "'quote@example.org" alike, comes back as it was.
 */
const DEFUSED = /^[=+\-@\t\r']/

function csvCell(value: string): string {
  const safe = DEFUSED.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Undoes csvCell's defusing: "'+news@example.org" is "+news@example.org" again. */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") && DEFUSED.test(cell.slice(1)) ? cell.slice(1) : cell
}
