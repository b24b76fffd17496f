import { readFileSync } from 'node:fs'
import type { IssueModel, Run } from '@/issue/model'
import { formatDayCell, formatMonthHeading } from '@/chronology/dayCell'
import { listContents } from '../../../templates/pdf/contents'
import { printable } from '../../../templates/pdf/text'
import { FONT_FILES } from './fonts'
import { loadPackage, resolvePackageFile } from './nodeResolve'

/** A character no bulletin font can print, and where it occurs. */
export interface UncoveredCharacter {
  char: string
  /** "U+1F600". */
  codePoint: string
  /** Path of the field in the model, e.g. "sections[0].essays[1].body[3]". */
  where: string
}

/** The slice of fontkit's API used here (it ships no types). */
interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean
}
interface Fontkit {
  create(buffer: Buffer): FontkitFont | { fonts: FontkitFont[] }
}

type Role = 'serif' | 'sans'

let faces: Record<Role | 'hangul', FontkitFont[]> | undefined

function loadFaces(): Record<Role | 'hangul', FontkitFont[]> {
  if (faces) return faces
  // The fontkit react-pdf itself uses, so the answer matches what it will embed.
  const fontkit = loadPackage<Fontkit>('fontkit', resolvePackageFile('@react-pdf/font'))
  const open = (file: string): FontkitFont => {
    const font = fontkit.create(readFileSync(file))
    return 'fonts' in font ? font.fonts[0] : font
  }
  const { serif, sans, hangul } = FONT_FILES
  faces = {
    serif: [serif.regular, serif.italic, serif.bold, serif.boldItalic].map(open),
    sans: [sans.regular, sans.italic, sans.bold, sans.boldItalic].map(open),
    // Regular and bold Noto Sans KR map the same characters; one face answers for both.
    hangul: [open(hangul.regular)],
  }
  return faces
}

const verdicts: Record<Role, Map<number, boolean>> = { serif: new Map(), sans: new Map() }

/** Whether every face of the role can print the code point, itself or through the Hangul fallback. */
function covered(role: Role, codePoint: number): boolean {
  let verdict = verdicts[role].get(codePoint)
  if (verdict === undefined) {
    const f = loadFaces()
    const inHangul = f.hangul.some((face) => face.hasGlyphForCodePoint(codePoint))
    verdict = f[role].every((face) => inHangul || face.hasGlyphForCodePoint(codePoint))
    verdicts[role].set(codePoint, verdict)
  }
  return verdict
}

interface PrintedText {
  text: string
  role: Role
  where: string
}

const runsText = (runs: readonly Run[]) => runs.map((r) => r.text).join('')

/** Every string of the model the templates print, with the font family it is set in. */
export function printedTexts(model: IssueModel): PrintedText[] {
  const out: PrintedText[] = []
  const add = (text: string | undefined, role: Role, where: string) => {
    if (text) out.push({ text, role, where })
  }
  const p = model.publisher
  add(p.bulletinName, 'sans', 'publisher.bulletinName')
  add(p.institute, 'sans', 'publisher.institute')
  add(p.centre, 'sans', 'publisher.centre')
  add(model.periodLabel, 'sans', 'periodLabel')
  add(model.mastheadOverride ?? p.aboutText, 'serif', model.mastheadOverride ? 'mastheadOverride' : 'publisher.aboutText')
  add(p.rightsText, 'serif', 'publisher.rightsText')
  add(p.correspondence.name, 'serif', 'publisher.correspondence.name')
  add(p.postalAddress, 'serif', 'publisher.postalAddress')
  add(model.coverPullQuote?.text, 'sans', 'coverPullQuote.text')
  add(model.coverPullQuote?.attribution, 'sans', 'coverPullQuote.attribution')
  add(model.editorsIntro, 'serif', 'editorsIntro')
  model.editorialCommittee.forEach((m, i) => {
    add(`${m.honorific ?? ''} ${m.name} ${m.role}`, 'serif', `editorialCommittee[${i}]`)
  })
  model.sections.forEach((section, s) => {
    const at = `sections[${s}]`
    add(section.title, 'sans', `${at}.title`)
    switch (section.kind) {
      case 'essays':
        section.essays.forEach((essay, e) => {
          const ea = `${at}.essays[${e}]`
          add(essay.title, 'sans', `${ea}.title`)
          add(essay.standfirst, 'serif', `${ea}.standfirst`)
          essay.authors.forEach((a, i) => {
            add(`${a.name} ${a.nameInScript ?? ''}`, 'sans', `${ea}.authors[${i}].name`)
            a.affiliations.forEach((line, j) => add(line, 'serif', `${ea}.authors[${i}].affiliations[${j}]`))
          })
          essay.body.forEach((block, b) => {
            const ba = `${ea}.body[${b}]`
            switch (block.type) {
              case 'paragraph':
              case 'quote':
                add(runsText(block.runs), 'serif', ba)
                break
              case 'heading':
                add(runsText(block.runs), block.level === 4 ? 'serif' : 'sans', ba)
                break
              case 'list':
                block.items.forEach((item, i) => add(runsText(item), 'serif', `${ba}.items[${i}]`))
                break
              case 'pullQuote':
                add(block.text, 'serif', `${ba}.text`)
                add(block.attribution, 'sans', `${ba}.attribution`)
                break
              case 'figure':
                add(`${block.caption} ${block.credit ?? block.image.credit ?? ''}`, 'sans', `${ba}.caption`)
                break
            }
          })
        })
        break
      case 'highlights':
        section.highlights.forEach((h, i) => {
          add(h.title, 'serif', `${at}.highlights[${i}].title`)
          add(h.caption, 'sans', `${at}.highlights[${i}].caption`)
          h.photos.forEach((photo, j) =>
            add(`${photo.positionCue ?? ''} ${photo.caption}`, 'sans', `${at}.highlights[${i}].photos[${j}].caption`),
          )
        })
        break
      case 'forthcoming':
      case 'recent':
        section.publications.forEach((pub, i) => {
          const pa = `${at}.publications[${i}]`
          add(`${pub.title} ${pub.subtitle ?? ''} ${pub.editors.join(' ')}`, 'serif', pa)
          add(`${pub.publisher} ${pub.place ?? ''} ${pub.isbn ?? ''}`, 'sans', `${pa}.publisher`)
          pub.description.forEach((block, b) => {
            if (block.type === 'paragraph' || block.type === 'quote' || block.type === 'heading') {
              add(runsText(block.runs), 'serif', `${pa}.description[${b}]`)
            }
          })
          pub.contents.forEach((part, j) => {
            add(part.title, 'sans', `${pa}.contents[${j}].title`)
            part.chapters.forEach((ch, k) =>
              add(`${ch.title} ${ch.authors.join(' ')}`, 'serif', `${pa}.contents[${j}].chapters[${k}]`),
            )
          })
        })
        break
      case 'chronology': {
        const c = section.chronology
        add(c.title, 'sans', `${at}.chronology.title`)
        add(`${c.compiler} ${c.compilerAffiliation ?? ''}`, 'serif', `${at}.chronology.compiler`)
        add(`${formatMonthHeading(c.periodStart)} ${formatMonthHeading(c.periodEnd)}`, 'sans', `${at}.chronology.period`)
        c.intro.forEach((t, i) => add(t, 'serif', `${at}.chronology.intro[${i}]`))
        c.sourcesNote.forEach((t, i) => add(t, 'serif', `${at}.chronology.sourcesNote[${i}]`))
        c.entries.forEach((entry, i) => {
          add(formatDayCell(entry.startDate, entry.endDate), 'sans', `${at}.chronology.entries[${i}].day`)
          entry.paragraphs.forEach((t, j) => add(t, 'serif', `${at}.chronology.entries[${i}].paragraphs[${j}]`))
        })
        break
      }
    }
  })
  // The "IN THIS ISSUE" box sets titles and authors in the serif.
  for (const section of listContents(model)) {
    section.items.forEach((item, i) => {
      add(`${item.title} ${item.authors.join(' ')}`, 'serif', `sections[${section.sectionIndex}] contents item ${i}`)
    })
  }
  return out
}

/**
 * Characters of the model that no bundled font can print (they would fall back to a
 * non-embedded Helvetica). One entry per character and field, in model order.
 */
export function findUncoveredCharacters(model: IssueModel): UncoveredCharacter[] {
  const found: UncoveredCharacter[] = []
  for (const { text, role, where } of printedTexts(model)) {
    const seen = new Set<number>()
    // Upper case too: some labels are set in capitals.
    for (const char of printable(`${text} ${text.toUpperCase()}`)) {
      const codePoint = char.codePointAt(0) ?? 0
      if (codePoint === 0x20 || codePoint === 0xad || seen.has(codePoint)) continue
      seen.add(codePoint)
      if (!covered(role, codePoint)) {
        found.push({ char, codePoint: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`, where })
      }
    }
  }
  return found
}

/** The model with every uncovered character replaced, so nothing falls back to Helvetica. */
export function withCoveredCharacters(model: IssueModel, uncovered: readonly UncoveredCharacter[]): IssueModel {
  if (uncovered.length === 0) return model
  const bad = new Set(uncovered.map((u) => u.char))
  // File paths and URLs are never printed as glyphs that matter; leave them byte-exact.
  const keep = new Set(['id', 'slug', 'printPath', 'webUrl', 'emailUrl', 'href', 'url', 'aboutUrl', 'email'])
  const fix = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      return keep.has(key) ? value : Array.from(value, (ch) => (bad.has(ch) ? '?' : ch)).join('')
    }
    if (Array.isArray(value)) return value.map((v) => fix(v, key))
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fix(v, k)]))
    }
    return value
  }
  return fix(model, '') as IssueModel
}
