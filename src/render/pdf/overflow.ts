import { readFileSync } from 'node:fs'
import type { Block, IssueModel } from '@/issue/model'
import { PULL_QUOTE_SIZE } from '../../../templates/pdf/Essays'
import { addressBreaks, printable, runsText } from '../../../templates/pdf/text'
import { Font } from '@react-pdf/renderer'
import { BODY, COLUMN, CONTENT_WIDTH, FAMILY } from '../../../templates/pdf/theme'
import { FONT_FILES, hyphenateWord } from './fonts'
import { loadPackage, resolvePackageFile } from './nodeResolve'
import { writeShapedText } from './shapingStore'

/**
 * Words the line breaker cannot fit: react-pdf breaks lines at spaces, at hyphenation points
 * and at the break points of long addresses (see addressBreaks); a piece between two of those
 * that is wider than the line it is set in runs past the margin. Measured with the fonts the
 * PDF embeds, at the size and in the width each kind of text is set.
 */
export interface OverflowingWord {
  word: string
  /** Width of its widest unbreakable piece, in points. */
  width: number
  /** Width of the line it is set in, in points. */
  room: number
  /** Path-like place in the editors' words: "essay “…”", "chronology entry of 2024-04-05". */
  where: string
}

interface FontkitFont {
  unitsPerEm: number
  layout(text: string): { advanceWidth: number }
}
interface Fontkit {
  create(buffer: Buffer): FontkitFont | { fonts: FontkitFont[] }
}

let fonts: { serif: FontkitFont; sans: FontkitFont } | undefined

/** The bold face react-pdf has loaded for a family, if it has (preflight may run without a render). */
function loadedFace(family: string): FontkitFont | undefined {
  try {
    return (Font.getFont({ fontFamily: family, fontWeight: 700, fontStyle: 'normal' })?.data as FontkitFont | null | undefined) ?? undefined
  } catch {
    return undefined // the family is not registered yet
  }
}

/**
 * Bold: the widest face, so a word that fits in bold fits in any. The face react-pdf loaded
 * for the render when there is one (its shaping is remembered, src/render/pdf/fonts.ts), else
 * the file opened here.
 */
function face(kind: 'serif' | 'sans'): FontkitFont {
  if (!fonts) {
    const fontkit = loadPackage<Fontkit>('fontkit', resolvePackageFile('@react-pdf/font'))
    const open = (family: string, file: string): FontkitFont => {
      const loaded = loadedFace(family)
      if (loaded) return loaded
      const font = fontkit.create(readFileSync(file))
      return 'fonts' in font ? font.fonts[0] : font
    }
    fonts = { serif: open(FAMILY.serif, FONT_FILES.serif.bold), sans: open(FAMILY.sans, FONT_FILES.sans.bold) }
  }
  return fonts[kind]
}

function widthOf(text: string, kind: 'serif' | 'sans', size: number): number {
  const font = face(kind)
  return (font.layout(text).advanceWidth / font.unitsPerEm) * size
}

/** The widest piece of a word that the line breaker cannot split further. */
function widestPiece(word: string, kind: 'serif' | 'sans', size: number): number {
  const pieces = /^(https?:\/\/|www\.)/.test(word) ? addressBreaks(word) : hyphenateWord(word)
  const hyphen = pieces.length > 1 ? widthOf('-', kind, size) : 0
  return Math.max(...pieces.map((piece) => widthOf(piece, kind, size) + hyphen))
}

interface Setting {
  kind: 'serif' | 'sans'
  size: number
  room: number
}

/** Every word wider than the line it is set in, with where it is. */
export function findOverflowingWords(model: IssueModel): OverflowingWord[] {
  const found: OverflowingWord[] = []
  const check = (text: string, setting: Setting, where: string) => {
    for (const word of printable(text).split(/\s+/)) {
      if (word.length < 12) continue // short words always fit (and are most of them)
      const width = widestPiece(word, setting.kind, setting.size)
      if (width > setting.room) found.push({ word, width: Math.round(width), room: Math.round(setting.room), where })
    }
  }
  const body: Setting = { kind: 'serif', size: BODY.fontSize, room: COLUMN.width }
  const blockText = (block: Block): string =>
    block.type === 'paragraph' || block.type === 'heading' || block.type === 'quote'
      ? runsText(block.runs)
      : block.type === 'list'
        ? block.items.map(runsText).join(' ')
        : block.type === 'figure'
          ? block.caption
          : block.text
  for (const section of model.sections) {
    switch (section.kind) {
      case 'essays':
        for (const essay of section.essays) {
          for (const block of essay.body) {
            const setting: Setting =
              block.type === 'figure'
                ? { kind: 'sans', size: 7, room: COLUMN.width }
                : block.type === 'pullQuote'
                  ? { kind: 'serif', size: PULL_QUOTE_SIZE[essay.layout?.pullQuoteSize ?? 'large'], room: COLUMN.width }
                  : block.type === 'quote'
                    ? { ...body, room: COLUMN.width - 14.5 }
                    : body
            check(blockText(block), setting, `essay “${essay.title}”`)
          }
        }
        break
      case 'forthcoming':
      case 'recent': {
        // Beside the cover: 150 pt wide for the forthcoming book, 92 pt for recent ones.
        const room = CONTENT_WIDTH - 16 - (section.kind === 'forthcoming' ? 150 : 92)
        for (const p of section.publications) {
          for (const block of p.description) check(blockText(block), { ...body, room }, `publication “${p.title}”`)
          if (p.url) check(p.url, { kind: 'serif', size: 8.6, room }, `publication “${p.title}”, its address`)
        }
        break
      }
      case 'chronology': {
        const { chronology } = section
        // The event column: the page less the 84 pt day cell.
        for (const entry of chronology.entries) {
          for (const text of entry.paragraphs) check(text, { kind: 'serif', size: 8.8, room: CONTENT_WIDTH - 84 }, `chronology entry of ${entry.startDate}`)
        }
        for (const text of [...chronology.intro, ...chronology.sourcesNote]) check(text, { ...body, room: CONTENT_WIDTH }, 'chronology')
        break
      }
      case 'highlights':
        break
    }
  }
  writeShapedText()
  return found
}
