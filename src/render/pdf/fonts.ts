import fs from 'node:fs'
import path from 'node:path'
import { Font } from '@react-pdf/renderer'
import { FAMILY } from '../../../templates/pdf/theme'
import { LruCache } from './cache'
import { printEngine } from './engine'
import { loadPackage, resolvePackageFile } from './nodeResolve'
import { keepingShapedText, storedRun, storeRun, type StoredRun } from './shapingStore'

/**
 * Fonts and hyphenation for the print renderer. Font files come from the npm font packages
 * (resolved through node's resolver, never system paths); react-pdf embeds and subsets them.
 */


// Each package's folder is found from its package.json (a static request), and the font file
// joined at run time: a template in require.resolve makes Next's bundler try to load every
// .ttf in the package as a module.
const PACKAGE_DIRS = {
  'noto-serif': path.dirname(resolvePackageFile('@expo-google-fonts/noto-serif/package.json')),
  'noto-sans': path.dirname(resolvePackageFile('@expo-google-fonts/noto-sans/package.json')),
  'noto-sans-kr': path.dirname(resolvePackageFile('@expo-google-fonts/noto-sans-kr/package.json')),
} as const

function fontFile(relative: string): string {
  const [pkg, ...rest] = relative.split('/')
  return path.join(PACKAGE_DIRS[pkg as keyof typeof PACKAGE_DIRS], ...rest)
}

export const FONT_FILES = {
  serif: {
    regular: fontFile('noto-serif/400Regular/NotoSerif_400Regular.ttf'),
    italic: fontFile('noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf'),
    bold: fontFile('noto-serif/700Bold/NotoSerif_700Bold.ttf'),
    boldItalic: fontFile('noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf'),
  },
  sans: {
    regular: fontFile('noto-sans/400Regular/NotoSans_400Regular.ttf'),
    italic: fontFile('noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
    bold: fontFile('noto-sans/700Bold/NotoSans_700Bold.ttf'),
    boldItalic: fontFile('noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf'),
  },
  // Noto Sans KR has no italic; Hangul is not slanted in Korean typography, so the upright
  // faces also stand in for italic (react-pdf needs a face for every style it is asked for).
  hangul: {
    regular: fontFile('noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'),
    bold: fontFile('noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf'),
  },
} as const

type Faces = { regular: string; italic: string; bold: string; boldItalic: string }

function faces(files: Faces) {
  return [
    { src: files.regular, fontWeight: 400, fontStyle: 'normal' as const },
    { src: files.italic, fontWeight: 400, fontStyle: 'italic' as const },
    { src: files.bold, fontWeight: 700, fontStyle: 'normal' as const },
    { src: files.boldItalic, fontWeight: 700, fontStyle: 'italic' as const },
  ]
}

const SOFT_HYPHEN = '\u00ad'
const { hyphenateSync } = loadPackage<typeof import('hyphen/en-us')>('hyphen/en-us')

// Only plain lower-case English words are hyphenated: names, acronyms, numbers, URLs and words
// outside English (Vietnamese, Hangul) stay whole, as a copy editor would keep them.
const HYPHENATABLE = /^[(“‘"'[]*[a-z][a-z’'-]*[a-z][)”’"'\].,;:!?]*$/
const MIN_WORD = 7
const memo = new Map<string, string[]>()

/** Syllables of a word for react-pdf's line breaker (US English patterns from `hyphen`). */
export function hyphenateWord(word: string): string[] {
  if (word.includes(SOFT_HYPHEN)) return word.split(SOFT_HYPHEN)
  if (word.length < MIN_WORD || !HYPHENATABLE.test(word)) return [word]
  let parts = memo.get(word)
  if (!parts) {
    parts = minimumFragments(hyphenateSync(word, { minWordLength: MIN_WORD }).split(SOFT_HYPHEN))
    // Bounded, so a long-running server does not keep every word it ever set.
    if (memo.size >= 50_000) memo.clear()
    memo.set(word, parts)
  }
  return parts
}

/** Letters a hyphen may leave before it (at a line's end) and after it (on the next line). */
export const MIN_BEFORE_HYPHEN = 2
export const MIN_AFTER_HYPHEN = 3

const letters = (part: string) => part.replace(/[^\p{L}]/gu, '').length

/** Syllables joined until no break leaves fewer letters than the minimum on either side. */
function minimumFragments(parts: string[]): string[] {
  const out = [...parts]
  while (out.length > 1 && letters(out[0]) < MIN_BEFORE_HYPHEN) out.splice(0, 2, out[0] + out[1])
  while (out.length > 1 && letters(out[out.length - 1]) < MIN_AFTER_HYPHEN) out.splice(-2, 2, out[out.length - 2] + out[out.length - 1])
  return out
}

/** What textkit reads of fontkit's GlyphRun; the rest of it is carried over as it is. */
interface GlyphRun {
  glyphs: Array<{ id: number; codePoints: number[] }>
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>
  script: string
}
type LayoutFn = (this: object, text: unknown, features?: unknown, script?: unknown, language?: unknown, direction?: unknown) => GlyphRun

/** What identifies a fontkit font's file, and gives its glyphs (fontkit's names). */
interface FontkitFont {
  postscriptName?: string
  numGlyphs?: number
  head?: { checkSumAdjustment?: number }
  getGlyph(id: number, codePoints: number[]): GlyphRun['glyphs'][number]
}

/**
 * A font file's name on disk for the shaping store: its PostScript name, whole-file checksum
 * and glyph count, and the fontkit version that shaped it.
 */
const fontIds = new WeakMap<object, string>()
let fontkitVersion: string | undefined
function fontIdOf(font: FontkitFont): string {
  let id = fontIds.get(font)
  if (!id) {
    fontkitVersion ??= (JSON.parse(fs.readFileSync(path.join(path.dirname(resolvePackageFile('fontkit')), '..', 'package.json'), 'utf8')) as { version: string }).version
    const checksum = ((font.head?.checkSumAdjustment ?? 0) >>> 0).toString(16)
    id = `${font.postscriptName ?? 'font'}-${checksum}-${font.numGlyphs ?? 0}-fontkit${fontkitVersion}`
    fontIds.set(font, id)
  }
  return id
}

function toStored(run: GlyphRun): StoredRun {
  return {
    glyphs: run.glyphs.map((glyph) => glyph.id),
    codePoints: run.glyphs.map((glyph) => glyph.codePoints),
    positions: run.positions.flatMap((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
    script: run.script,
  }
}

/** A run as fontkit's layout gives it, from the store: its glyphs are the font's own objects. */
function fromStored(font: FontkitFont, stored: StoredRun, emptyRun: GlyphRun): GlyphRun {
  const positions: GlyphRun['positions'] = []
  for (let i = 0; i < stored.positions.length; i += 4) {
    const [xAdvance, yAdvance, xOffset, yOffset] = stored.positions.slice(i, i + 4)
    positions.push({ xAdvance, yAdvance, xOffset, yOffset })
  }
  const glyphs = stored.glyphs.map((id, i) => font.getGlyph(id, stored.codePoints[i]))
  return Object.assign(copyOf(emptyRun), { glyphs, positions, script: stored.script })
}

/** Shaped runs by font and by direction, features and text. Bounded per font. */
const shaped = new WeakMap<object, Map<string, GlyphRun>>()
const MAX_SHAPED_PER_FONT = 20_000
let shapingShared = false

/** Strings shaped by fontkit and taken from the shaping store, in this process (for tests). */
export const shapingCounts = { shaped: 0, restored: 0 }

const copyOf = <T extends object>(value: T): T => Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as T, value)

/** What textkit asks of a font for every character it sets (fontkit's names). */
interface FontFacts {
  unitsPerEm?: number
  hasGlyphForCodePoint?: (codePoint: number) => boolean
}

/**
 * Answers what textkit asks of a font for every character once per font and character:
 * whether the font has a glyph for it (to pick a face from the font stack) and its units per
 * em (read from the font's head table on every call). Both are facts of the font file.
 */
function rememberFontFacts(prototype: object): void {
  const units = Object.getOwnPropertyDescriptor(prototype, 'unitsPerEm')?.get
  if (units) {
    Object.defineProperty(prototype, 'unitsPerEm', {
      configurable: true,
      get(this: object) {
        const value: unknown = units.call(this)
        Object.defineProperty(this, 'unitsPerEm', { value, configurable: true })
        return value
      },
    })
  }
  const facts = prototype as FontFacts
  const hasGlyph = facts.hasGlyphForCodePoint
  if (typeof hasGlyph !== 'function') return
  const covered = new WeakMap<object, Map<number, boolean>>()
  facts.hasGlyphForCodePoint = function rememberedHasGlyph(this: object, codePoint: number) {
    let known = covered.get(this)
    if (!known) covered.set(this, (known = new Map()))
    let has = known.get(codePoint)
    if (has === undefined) {
      has = hasGlyph.call(this, codePoint)
      known.set(codePoint, has)
    }
    return has
  }
}

/** What pdfkit asks of a fontkit font's subset (fontkit's names). */
interface FontSubset {
  glyphs: number[]
  encode(): Uint8Array
}

/** Encoded subsets by font and by their glyphs; a few per font (an issue's, its proof's, a test's). */
let encodedSubsets = new WeakMap<object, LruCache<Uint8Array>>()
const MAX_SUBSETS_PER_FONT = 8

/** Subsets encoded by fontkit and taken from the memo, in this process (for tests). */
export const subsetCounts = { encoded: 0, reused: 0 }

/**
 * Encodes each font subset once: pdfkit embeds every font an issue uses as a subset of the
 * glyphs it drew, and fontkit reads and writes each of those glyphs again for every file.
 * The subset's bytes are a function of the font and of its glyphs in the order they were
 * drawn (their new numbers), all in the key; pdfkit copies the bytes into the file.
 */
function rememberSubsets(prototype: object): void {
  const font = prototype as { createSubset?: (this: object) => FontSubset }
  const createSubset = font.createSubset
  if (typeof createSubset !== 'function') return
  font.createSubset = function rememberedSubset(this: object) {
    const subset = createSubset.call(this)
    const encode = subset.encode
    let known = encodedSubsets.get(this)
    if (!known) encodedSubsets.set(this, (known = new LruCache(MAX_SUBSETS_PER_FONT)))
    const memo = known
    subset.encode = function rememberedEncode(this: FontSubset) {
      const key = this.glyphs.join(',')
      let bytes = memo.get(key)
      if (bytes) subsetCounts.reused++
      else {
        bytes = encode.call(this)
        subsetCounts.encoded++
        memo.set(key, bytes)
      }
      return bytes
    }
    return subset
  }
}

/** Forgets the encoded subsets (tests: a file with nothing encoded before it). */
export function forgetEncodedSubsets(): void {
  encodedSubsets = new WeakMap()
}

/**
 * Shapes each string once per font, across renders: fontkit lays a string out anew on every
 * call, and react-pdf asks for the same paragraphs again and again (each render, each pass of
 * the contents, each try at balancing the last columns). The run is copied on the way out,
 * as react-pdf keeps and changes the arrays it is given. Shaping depends only on the font,
 * the text, the features and the direction, all in the key.
 */
async function shareShaping(): Promise<void> {
  if (shapingShared) return
  shapingShared = true
  // The fontkit class react-pdf loads its fonts with, found from one loaded font.
  const source = Font.getFont({ fontFamily: FAMILY.serif, fontWeight: 400, fontStyle: 'normal' })
  await source.load()
  const font = source.data as unknown as object | null
  const prototype = font ? (Object.getPrototypeOf(font) as { layout?: LayoutFn } | null) : null
  const layout = prototype?.layout
  if (!prototype || typeof layout !== 'function') return
  rememberFontFacts(prototype)
  rememberSubsets(prototype)
  prototype.layout = function memoLayout(this: object, text, features, script, language, direction) {
    // Only the calls textkit makes: a string, script and language detected by fontkit.
    if (typeof text !== 'string' || script != null || language != null) return layout.call(this, text, features, script, language, direction)
    let runs = shaped.get(this)
    if (!runs) shaped.set(this, (runs = new Map()))
    const key = `${String(direction)}|${features === undefined ? '' : JSON.stringify(features)}|${text}`
    let run = runs.get(key)
    if (!run) {
      const font = this as FontkitFont
      const fontId = keepingShapedText() ? fontIdOf(font) : undefined
      const stored = fontId === undefined ? undefined : storedRun(fontId, key)
      if (stored) {
        // fontkit's run for no text: the run object without any shaping.
        const empty = layout.call(this, '', features, script, language, direction)
        run = fromStored(font, stored, empty)
        shapingCounts.restored++
      } else {
        run = layout.call(this, text, features, script, language, direction)
        if (fontId !== undefined) storeRun(fontId, key, toStored(run))
        shapingCounts.shaped++
      }
      if (runs.size >= MAX_SHAPED_PER_FONT) runs.clear()
      runs.set(key, run)
    }
    const copy = copyOf(run)
    copy.glyphs = run.glyphs.slice()
    copy.positions = run.positions.map(copyOf)
    return copy
  }
}

/** A paragraph as textkit's layout engine passes it along: text, and runs of attributes. */
interface Paragraph {
  string: string
  runs: Array<{ attributes: Record<string, unknown>; positions?: object[] } & Record<string, unknown>>
}
type ShapeParagraph = (paragraph: Paragraph, process: (paragraph: Paragraph) => Paragraph, options: Record<string, unknown>, engines: object) => Paragraph

/**
 * Shaped paragraphs by engine set and key (see paragraphKey), and how many glyphs they hold.
 * Bounded by glyphs, what their size goes by, so that a long-running server does not keep
 * every paragraph it ever set: the demo issue with 800 chronology entries holds 160,000
 * glyphs in 29 MB, so the bound is about 45 MB.
 */
let shapedParagraphs = new WeakMap<object, { paragraphs: Map<string, Paragraph>; glyphs: number }>()
const MAX_SHAPED_GLYPHS = 250_000
const identities = new WeakMap<object, number>()
let lastIdentity = 0

/**
 * A value as part of a key: plain data by what it holds; anything else (a font, a callback)
 * by which object it is, as shaping with another font or callback is another shaping. Past
 * a few levels of plain data, also by which object it is (a loop ends there).
 */
function keyOf(value: unknown, depth = 0): string {
  // Length first: no text can end early and pass for another.
  if (typeof value === 'string') return `${value.length}:${value}`
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value)
  const prototype = Object.getPrototypeOf(value) as unknown
  if (depth < 6 && Array.isArray(value)) return `[${value.map((item) => keyOf(item, depth + 1)).join(',')}]`
  if (depth < 6 && typeof value === 'object' && (prototype === Object.prototype || prototype === null)) {
    const fields = value as Record<string, unknown>
    let key = '{'
    for (const name in fields) key += `${name}=${keyOf(fields[name], depth + 1)},`
    return `${key}}`
  }
  let id = identities.get(value)
  if (id === undefined) identities.set(value, (id = ++lastIdentity))
  return `#${id}`
}

/** Everything a paragraph's shaping reads: its text, its runs and their attributes, the layout options. */
function paragraphKey(paragraph: Paragraph, options: Record<string, unknown>): string {
  let key = `${keyOf(options)}|${keyOf(paragraph.string)}`
  for (const run of paragraph.runs) key += `|${keyOf(run)}`
  return key
}

/** textkit's layout engine, with the hook patches/@react-pdf+textkit+7.0.1.patch adds. */
type TextLayoutEngine = { shapeParagraph?: ShapeParagraph }

/** Paragraphs shaped by textkit and taken from the memo, in this process (for tests). */
export const paragraphCounts = { shaped: 0, reused: 0 }
let paragraphsShared = false

/**
 * Shapes each paragraph once across renders. Before it breaks a paragraph into lines,
 * textkit picks each character's font, splits the text by script and direction, finds the
 * words' syllables and shapes the glyphs: all of it a function of the text, its attributes
 * and the layout options, none of the width it is set in. That part is kept by everything it
 * reads (paragraphKey); line breaking, justification and pagination are done on every
 * layout. The glyph positions are copied on the way out: justification changes them in place.
 */
async function shareParagraphShaping(): Promise<void> {
  if (paragraphsShared) return
  paragraphsShared = true
  const engine = (await printEngine()).textLayoutEngine as TextLayoutEngine
  engine.shapeParagraph = (paragraph, process, options, engines) => {
    let shaped = shapedParagraphs.get(engines)
    if (!shaped) shapedParagraphs.set(engines, (shaped = { paragraphs: new Map(), glyphs: 0 }))
    const key = paragraphKey(paragraph, options)
    let done = shaped.paragraphs.get(key)
    if (done) paragraphCounts.reused++
    else {
      done = process(paragraph)
      paragraphCounts.shaped++
      const glyphs = done.runs.reduce((n, run) => n + (run.positions?.length ?? 0), 0)
      if (shaped.glyphs + glyphs > MAX_SHAPED_GLYPHS) {
        shaped.paragraphs.clear()
        shaped.glyphs = 0
      }
      shaped.paragraphs.set(key, done)
      shaped.glyphs += glyphs
    }
    return { ...done, runs: done.runs.map((run) => (run.positions ? { ...run, positions: run.positions.map(copyOf) } : run)) }
  }
}

/** Forgets the paragraphs shaped so far (tests: a render with nothing shaped before it). */
export function forgetShapedParagraphs(): void {
  shapedParagraphs = new WeakMap()
}

/** What react-pdf's PDF writer (pdfkit's PDFDocument) is asked here; its own fields are pdfkit's names. */
interface PdfkitDocument {
  _font: unknown
  _fontSource: unknown
  _fontFamily: unknown
  fontSize(size: number): unknown
  font(src: unknown, family?: unknown, size?: unknown): PdfkitDocument
  initFonts(defaultFont?: string | null, defaultFontFamily?: string | null, defaultFontSize?: number): void
}
let embeddingShared = false

/**
 * One embedded font per document and font. react-pdf switches fonts by handing pdfkit the
 * font object itself, for every run of text; pdfkit then opens a new embedded font each time
 * (a subset, glyph metrics) and JSON-compares its name table with the one it already has, to
 * keep that one. The font a document got for a font object is kept here and given again: what
 * pdfkit's own comparison ends in, without opening and comparing. Other calls (font names, a
 * family) go to pdfkit as they are.
 */
export async function shareEmbeddedFonts(): Promise<void> {
  if (embeddingShared) return
  embeddingShared = true
  // The pdfkit react-pdf itself draws with (an ES module: pdfkit's require entry is another copy).
  const { PDFDocument } = await printEngine()
  const prototype = PDFDocument.prototype as unknown as PdfkitDocument | undefined
  const font = prototype?.font
  if (!prototype || typeof font !== 'function') return
  // Every new document opened pdfkit's default font (Helvetica: its metrics read from disk and
  // parsed) though react-pdf names a font before it sets any text: it is opened when first
  // asked for instead, as pdfkit would have it then.
  const initFonts = prototype.initFonts
  if (typeof initFonts === 'function') {
    prototype.initFonts = function lazyDefaultFont(this: PdfkitDocument, defaultFont = 'Helvetica', defaultFontFamily = null, defaultFontSize = 12) {
      initFonts.call(this, null, defaultFontFamily, defaultFontSize)
      if (!defaultFont) return
      this._fontSource = defaultFont
      let current: unknown = null
      let pending = true
      Object.defineProperty(this, '_font', {
        configurable: true,
        enumerable: true,
        get: () => {
          if (current === null && pending) {
            pending = false
            font.call(this, defaultFont, defaultFontFamily)
          }
          return current
        },
        set: (value: unknown) => {
          pending = false
          current = value
        },
      })
    }
  }
  const opened = new WeakMap<object, Map<object, unknown>>()
  prototype.font = function sharedFont(this: PdfkitDocument, src, family, size) {
    // react-pdf's call: the font object and a size (pdfkit reads a number here as the size).
    if (typeof src !== 'object' || src === null || typeof family !== 'number' || size !== undefined) return font.call(this, src, family, size)
    let fonts = opened.get(this)
    const known = fonts?.get(src)
    if (known) {
      this._fontSource = src
      this._fontFamily = null
      this.fontSize(family)
      this._font = known
      return this
    }
    const result = font.call(this, src, family)
    if (!fonts) opened.set(this, (fonts = new Map()))
    fonts.set(src, this._font)
    return result
  }
}

let registered = false

/**
 * Fonts registered, their shaping and their subsets' encoding shared across renders (strings,
 * paragraphs, subsets) and embedded once a document (see shareShaping, rememberSubsets,
 * shareParagraphShaping, shareEmbeddedFonts).
 */
export async function prepareFonts(): Promise<void> {
  registerFonts()
  await shareShaping()
  await shareParagraphShaping()
  await shareEmbeddedFonts()
}

/** Registers the bulletin's fonts with react-pdf, once per process. */
export function registerFonts(): void {
  if (registered) return
  Font.register({ family: FAMILY.serif, fonts: faces(FONT_FILES.serif) })
  Font.register({ family: FAMILY.sans, fonts: faces(FONT_FILES.sans) })
  const { regular, bold } = FONT_FILES.hangul
  Font.register({
    family: FAMILY.hangul,
    fonts: faces({ regular, italic: regular, bold, boldItalic: bold }),
  })
  Font.registerHyphenationCallback(hyphenateWord)
  registered = true
}
