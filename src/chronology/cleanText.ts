/**
 * Turning one line of pasted chronology text back into plain text. What a word processor
 * or a web editor leaves behind (paragraph tags, entities, Markdown escapes, odd spaces) is
 * removed, while the two things that carry structure survive:
 *   "\t"  the column break between the day cell and the text,
 *   "\n"  a paragraph break inside one entry (from <p>, <br>, a manual line break).
 * Pure and total: never throws, whatever the input.
 */

/** Tags that end a paragraph: they become "\n". */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'div', 'dl', 'dt',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
])

/** Table cells: they become the column break. */
const CELL_TAGS = new Set(['td', 'th'])

/** Harmless inline tags: dropped, their text kept. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'center', 'cite', 'code', 'col', 'colgroup',
  'del', 'dfn', 'em', 'font', 'head', 'i', 'img', 'ins', 'kbd', 'label', 'link', 'mark', 'meta',
  'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'title', 'tt', 'u',
  'var', 'wbr',
])

// A tag is only stripped when its name is a known HTML tag (or a namespaced Word tag such as
// <o:p>), so text like "a <5% rise" or "<Kim>" is left alone.
const TAG = /<\/?([A-Za-z][A-Za-z0-9]*(?::[A-Za-z0-9]+)?)(?:\s[^<>]*)?\/?>/g
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g
const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi

const SUBSCRIPTS: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎',
}
const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾',
}

/** "CO<sub>2</sub>" -> "CO₂"; "1<sup>st</sup>" -> "1st" (letters have no safe superscript). */
function scriptTags(text: string): string {
  const map = (chars: string, table: Record<string, string>): string =>
    [...chars].every((c) => c in table) ? [...chars].map((c) => table[c]).join('') : chars
  return text
    .replace(/<sub\b[^<>]*>([^<]*)<\/sub\s*>/gi, (_m, inner: string) => map(inner, SUBSCRIPTS))
    .replace(/<sup\b[^<>]*>([^<]*)<\/sup\s*>/gi, (_m, inner: string) => map(inner, SUPERSCRIPTS))
}

/** Paragraph tags to "\n", cells to "\t", harmless inline tags dropped. */
export function stripTags(text: string): string {
  return scriptTags(text.replace(SCRIPT_OR_STYLE, '').replace(COMMENT, '')).replace(
    TAG,
    (tag, rawName: string) => {
      const name = rawName.toLowerCase()
      if (name.includes(':')) return '' // Word's <o:p>, <w:sdt> and friends
      if (BLOCK_TAGS.has(name)) return '\n'
      if (CELL_TAGS.has(name)) return '\t'
      if (INLINE_TAGS.has(name)) return ''
      return tag
    },
  )
}

// Latin-1 entities, code points 160..255 in order.
const LATIN1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn ' +
  'sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
  'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN ' +
  'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute ' +
  'icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml'
).split(' ')

const NAMED_ENTITIES: ReadonlyMap<string, number> = new Map<string, number>([
  ...LATIN1_NAMES.map((name, i): [string, number] => [name, 160 + i]),
  ['amp', 38], ['lt', 60], ['gt', 62], ['quot', 34], ['apos', 39], ['Tab', 9], ['NewLine', 10],
  ['ndash', 0x2013], ['mdash', 0x2014], ['hyphen', 0x2010], ['dash', 0x2010], ['minus', 0x2212],
  ['lsquo', 0x2018], ['rsquo', 0x2019], ['sbquo', 0x201a], ['ldquo', 0x201c], ['rdquo', 0x201d],
  ['bdquo', 0x201e], ['lsaquo', 0x2039], ['rsaquo', 0x203a], ['prime', 0x2032], ['Prime', 0x2033],
  ['hellip', 0x2026], ['bull', 0x2022], ['dagger', 0x2020], ['Dagger', 0x2021], ['permil', 0x2030],
  ['euro', 0x20ac], ['trade', 0x2122], ['ensp', 0x2002], ['emsp', 0x2003], ['thinsp', 0x2009],
  ['zwnj', 0x200c], ['zwj', 0x200d], ['lrm', 0x200e], ['rlm', 0x200f], ['OElig', 0x152],
  ['oelig', 0x153], ['Scaron', 0x160], ['scaron', 0x161], ['Yuml', 0x178], ['fnof', 0x192],
  ['circ', 0x2c6], ['tilde', 0x2dc], ['larr', 0x2190], ['rarr', 0x2192], ['sim', 0x223c],
  ['le', 0x2264], ['ge', 0x2265], ['ne', 0x2260],
])

// HTML reads &#128;..&#159; as Windows-1252, and Word's HTML export relies on it (&#150; is
// an en dash, &#146; a right quote).
export const WINDOWS_1252: Readonly<Record<number, number>> = {
  128: 0x20ac, 130: 0x201a, 131: 0x192, 132: 0x201e, 133: 0x2026, 134: 0x2020, 135: 0x2021,
  136: 0x2c6, 137: 0x2030, 138: 0x160, 139: 0x2039, 140: 0x152, 142: 0x17d, 145: 0x2018,
  146: 0x2019, 147: 0x201c, 148: 0x201d, 149: 0x2022, 150: 0x2013, 151: 0x2014, 152: 0x2dc,
  153: 0x2122, 154: 0x161, 155: 0x203a, 156: 0x153, 158: 0x17e, 159: 0x178,
}

function fromCodePoint(code: number): string {
  const mapped = WINDOWS_1252[code] ?? code
  if (mapped === 0 || mapped > 0x10ffff || (mapped >= 0xd800 && mapped <= 0xdfff)) return '\ufffd'
  return String.fromCodePoint(mapped)
}

// One pass, so "&amp;nbsp;" becomes the text "&nbsp;", as a browser shows it. Named entities
// need their ";" except the few that sloppy editors write without one.
const ENTITY =
  /&(?:#(\d{1,8});?|#[xX]([0-9a-fA-F]{1,7});?|([A-Za-z][A-Za-z0-9]{1,31});|(amp|nbsp|lt|gt|quot)(?![A-Za-z0-9]))/g

export function decodeEntities(text: string): string {
  return text.replace(
    ENTITY,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined, bare: string | undefined) => {
      if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10))
      if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16))
      const code = NAMED_ENTITIES.get(name ?? bare ?? '')
      return code === undefined ? whole : String.fromCodePoint(code)
    },
  )
}

/** Markdown backslash escapes: "US\$39" -> "US$39". Other backslashes are text. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, '$1')
}

/**
 * Odd spaces to plain spaces, invisible characters out, line breaks that live inside a
 * paragraph (Word's manual break, U+2028) to "\n", and NFC so decomposed Vietnamese
 * diacritics compare equal to composed ones.
 */
export function normaliseWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- vertical tab and form feed are Word's manual breaks
    .replace(/[\u000b\u000c\u0085\u2028\u2029]/g, '\n')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    // eslint-disable-next-line no-control-regex -- control characters are the junk being removed
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f\u00ad\u200b\u2060\ufeff]/g, '')
    .normalize('NFC')
}

/** The cells of a Markdown table row "| 3rd | text |"; "\|" inside a cell is not a border. */
export function splitTableRow(row: string): string[] {
  const cells = row.trim().split(/(?<!\\)\|/)
  if (cells.length > 1 && cells[0].trim() === '') cells.shift()
  if (cells.length > 1 && cells[cells.length - 1].trim() === '') cells.pop()
  return cells.map((cell) => cell.trim())
}

/** One line (or table row, or CSV record) as plain text with "\t" and "\n" kept. */
export function cleanLine(raw: string): string {
  const row = raw.trimStart().startsWith('|') ? splitTableRow(raw).join('\t') : raw
  return normaliseWhitespace(unescapeMarkdown(decodeEntities(stripTags(row))))
}

/** The line as one run of words: for recognising headings and junk. */
export function flatten(cleaned: string): string {
  return cleaned.replace(/\s+/g, ' ').trim()
}

/** A short quotation of a line for a diagnostic. */
export function snippet(text: string, max = 60): string {
  const flat = flatten(text)
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`
}
