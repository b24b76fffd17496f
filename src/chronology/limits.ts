/**
 * How much one chronology import may take: one place for the command line, the endpoint and
 * the admin form. A quarter's chronology is about 300 entries and 100 KB of text; the limits
 * leave room for a year of it and refuse what would only tie the server up. Checked before
 * the work: the size before the file is read, the entry count while it is parsed (before
 * anything is matched or written). Pure: no imports, so the admin form can use it too.
 */

const MB = 1024 * 1024

export const CHRONOLOGY_IMPORT_LIMITS = {
  /** Pasted text and text files (.txt, .md, .html, .csv), in bytes. */
  textBytes: 2 * MB,
  /** A Word file is zipped and often carries pictures: more bytes for the same text. */
  wordBytes: 10 * MB,
  /** Entries (lines with a day) in one document. */
  entries: 2000,
  /** Warnings, errors or unmatched stored entries listed in one report; the rest are counted. */
  listed: 200,
} as const

/** Room for the form fields and multipart boundaries around the file in a request. */
export const CHRONOLOGY_REQUEST_OVERHEAD_BYTES = 64 * 1024

/** The most a request to the import endpoint may carry: the larger limit and its envelope. */
export const CHRONOLOGY_MAX_REQUEST_BYTES =
  Math.max(CHRONOLOGY_IMPORT_LIMITS.textBytes * 2, CHRONOLOGY_IMPORT_LIMITS.wordBytes) + CHRONOLOGY_REQUEST_OVERHEAD_BYTES

/** "25 MB", "2.4 MB", "0.3 MB": sizes as editors read them (1 MB = 1,024 KB). */
export function megabytes(bytes: number): string {
  const mb = bytes / MB
  const shown = mb >= 10 ? String(Math.round(mb)) : mb.toFixed(1).replace(/\.0$/, '')
  return `${shown} MB`
}

export function isWordFile(filename: string | undefined): boolean {
  return filename !== undefined && /\.docx$/i.test(filename.trim())
}

/** The byte limit for this file (a Word file, else text); pasted text when no name. */
export function maxBytesFor(filename?: string): number {
  return isWordFile(filename) ? CHRONOLOGY_IMPORT_LIMITS.wordBytes : CHRONOLOGY_IMPORT_LIMITS.textBytes
}

/** How the messages name what was given: "april.txt", or "the pasted text". */
export function sourceName(filename?: string): string {
  return filename === undefined ? 'the pasted text' : `"${filename}"`
}

const LIMITS_IN_WORDS = `the chronology import takes at most ${megabytes(CHRONOLOGY_IMPORT_LIMITS.textBytes)} of text or a ${megabytes(CHRONOLOGY_IMPORT_LIMITS.wordBytes)} Word file`

/**
 * The message when a file or pasted text is too large, else undefined. `byteLength` is its
 * size in bytes (UTF-8 for pasted text).
 */
export function sizeProblem(byteLength: number, filename?: string): string | undefined {
  const limit = maxBytesFor(filename)
  if (byteLength <= limit) return undefined
  const what = filename === undefined ? 'the pasted text' : `the file ${sourceName(filename)}`
  const takes = isWordFile(filename) ? `a Word file of at most ${megabytes(limit)}` : `at most ${megabytes(limit)} of text`
  return `${what} is ${megabytes(byteLength)}; the chronology import takes ${takes} at a time (a quarter is about 0.1 MB). Split it, e.g. by month, and import the parts one after the other.`
}

/** A request too large to be read at all: only its size is known, not what it holds. */
export function requestSizeProblem(byteLength: number | undefined): string {
  const size = byteLength === undefined ? `larger than ${megabytes(CHRONOLOGY_MAX_REQUEST_BYTES)}` : megabytes(byteLength)
  return `the file is ${size}; ${LIMITS_IN_WORDS}. Split it, e.g. by month, and import the parts one after the other.`
}

/** The message when the (limit + 1)th entry is found on `line`. */
export function tooManyEntries(line: number, filename?: string, lineLabel: 'line' | 'paragraph' = 'line'): string {
  const limit = CHRONOLOGY_IMPORT_LIMITS.entries
  return `${sourceName(filename)} has more than ${limit.toLocaleString('en')} entries (entry ${(limit + 1).toLocaleString('en')} is on ${lineLabel} ${line.toLocaleString('en')}); the chronology import takes at most ${limit.toLocaleString('en')} entries at a time (a quarter has about 300). Split it, e.g. by month, and import the parts one after the other.`
}

/** An empty document, or one with nothing that reads as an entry. */
export function noEntries(filename?: string): string {
  return `no chronology entries found in ${sourceName(filename)}: expected a month heading ("April 2024") then one entry a line, its day, a tab and the text ("3\tThe foreign ministers met in Seoul.")`
}

/** At most `CHRONOLOGY_IMPORT_LIMITS.listed` items, and how many were left out. */
export function listed<T>(items: readonly T[], max: number = CHRONOLOGY_IMPORT_LIMITS.listed): { shown: T[]; omitted: number } {
  return items.length <= max ? { shown: [...items], omitted: 0 } : { shown: items.slice(0, max), omitted: items.length - max }
}
