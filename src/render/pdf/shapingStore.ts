import fs from 'node:fs'
import path from 'node:path'

/**
 * Shaped text kept on disk between processes. Shaping a string (fontkit's layout: the font's
 * substitution and positioning tables applied to it) gives the same glyphs and positions for
 * the same font file, text, features and direction, every time; a process that starts cold
 * (`bulletin export-pdf`, the app after a restart) spent about a second of its export
 * decoding the Noto fonts' tables to shape text it had shaped the last time. fonts.ts asks
 * here before it shapes and tells what it shaped; the folder is set by payload.config.ts
 * (DATA_DIR/cache/shaping). Unset, nothing is kept (tests of the renderer alone).
 *
 * One append-only file per font file and fontkit version, one JSON line per shaped string:
 * a render that shapes one new string writes one line. A line that does not parse (a write
 * cut off, a file from elsewhere) is skipped; a file past MAX_FILE_BYTES starts again.
 */

/** One shaped string: glyph ids, each glyph's code points, positions, the detected script. */
export interface StoredRun {
  glyphs: number[]
  codePoints: number[][]
  /** xAdvance, yAdvance, xOffset, yOffset of each glyph, one after the other. */
  positions: number[]
  script: string
}

const FORMAT = 1
/**
 * A file is read whole by every process that shapes with its font: past this size (some ten
 * issues' text, with their edits) it starts again rather than cost more to read than to shape.
 */
export const MAX_FILE_BYTES = 4 * 1024 * 1024

let folder: string | undefined
const fonts = new Map<string, Map<string, StoredRun>>()

/** Keep shaped text in `dir` from now on (created when first written); undefined: in memory only. */
export function keepShapedTextIn(dir: string | undefined): void {
  if (dir === folder) return
  folder = dir
  fonts.clear()
  pending.clear()
}

/** Whether shaped text is being kept: when not, the renderer need not convert what it shapes. */
export const keepingShapedText = (): boolean => folder !== undefined

const fileOf = (fontId: string) => (folder ? path.join(folder, `${fontId.replace(/[^\w.-]+/g, '_')}.v${FORMAT}.jsonl`) : undefined)

/** The runs kept for a font, read from its file the first time they are asked for. */
function runsOf(fontId: string): Map<string, StoredRun> | undefined {
  const file = fileOf(fontId)
  if (!file) return undefined
  let runs = fonts.get(fontId)
  if (runs) return runs
  runs = new Map()
  fonts.set(fontId, runs)
  let text = ''
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return runs // not written yet
  }
  for (const line of text.split('\n')) {
    const run = parseLine(line)
    if (run) runs.set(run[0], run[1])
  }
  return runs
}

function parseLine(line: string): [string, StoredRun] | undefined {
  if (!line) return undefined
  try {
    const [key, glyphs, codePoints, positions, script] = JSON.parse(line) as unknown[]
    if (typeof key !== 'string' || typeof script !== 'string' || !isNumbers(glyphs) || !Array.isArray(codePoints) || !isNumbers(positions)) return undefined
    if (codePoints.length !== glyphs.length || positions.length !== glyphs.length * 4 || !codePoints.every(isNumbers)) return undefined
    return [key, { glyphs, codePoints, positions, script }]
  } catch {
    return undefined
  }
}

const isNumbers = (value: unknown): value is number[] => Array.isArray(value) && value.every((n) => typeof n === 'number' && Number.isFinite(n))

/** The run kept for `key` (direction, features and text) of a font, if any. */
export function storedRun(fontId: string, key: string): StoredRun | undefined {
  return runsOf(fontId)?.get(key)
}

const pending = new Map<string, string[]>()

/** Keeps a run just shaped; written to its file by writeShapedText. */
export function storeRun(fontId: string, key: string, run: StoredRun): void {
  const runs = runsOf(fontId)
  const file = fileOf(fontId)
  if (!runs || !file) return
  runs.set(key, run)
  let lines = pending.get(file)
  if (!lines) pending.set(file, (lines = []))
  lines.push(`${JSON.stringify([key, run.glyphs, run.codePoints, run.positions, run.script])}\n`)
}

/**
 * Appends the runs shaped since the last call to their files: once per render, one write per
 * font. A file that cannot be written (a read-only disk) keeps nothing: it is a cache.
 */
export function writeShapedText(): void {
  for (const [file, lines] of pending) {
    const text = lines.join('')
    try {
      if ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) + text.length > MAX_FILE_BYTES) fs.rmSync(file, { force: true })
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.appendFileSync(file, text)
    } catch {
      // Rendering goes on without the cache.
    }
  }
  pending.clear()
}
