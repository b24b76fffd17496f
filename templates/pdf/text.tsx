import type { ReactNode } from 'react'
import { Link, Text } from '@react-pdf/renderer'
import type { Style } from '@react-pdf/types'
import { monthName } from '@/chronology/dayCell'
import type { Run } from '@/issue/model'
import { COLOR } from './theme'

/**
 * Text as it may be printed. Line breaks and tabs become spaces (a newline has no glyph in
 * our fonts, so react-pdf would set it in its built-in Helvetica), and invisible format
 * characters other than the soft hyphen are dropped for the same reason.
 */
export function printable(text: string): string {
  let out = ''
  for (const char of text.replace(/[\t\n\r\f\v\u2028\u2029]+/g, ' ')) {
    const code = char.codePointAt(0) ?? 0
    const invisible = code < 0x20 || code === 0x7f || (code >= 0x200b && code <= 0x200f) || (code >= 0x2060 && code <= 0x2064) || code === 0xfeff
    if (!invisible) out += char
  }
  return out
}

/** Web and mail addresses in running text (what the reader would type or click). */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>"“”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g

/** Addresses up to this many characters fit a column line as they are and never break. */
const SHORT_ADDRESS = 36
/** Pieces of a broken address are at least this long, so that it breaks at few points. */
const MIN_PIECE = 14

/**
 * Where a long address may break, as a copy editor breaks them: after a slash (not inside
 * "://"), before a dot, hyphen, underscore, question mark, hash, ampersand, equals sign or
 * tilde; at as few of those points as keep every piece at most SHORT_ADDRESS long. Short
 * addresses stay whole (a line break moves them to the next line).
 */
export function addressBreaks(address: string): string[] {
  if (address.length <= SHORT_ADDRESS) return [address]
  const points: string[] = []
  let current = ''
  const scheme = address.match(/^[a-z]+:\/\//i)?.[0].length ?? 0
  for (let i = 0; i < address.length; i++) {
    const char = address[i]
    if (i > scheme && /[.\-_?#&=~]/.test(char) && current) {
      points.push(current)
      current = ''
    }
    current += char
    if (i >= scheme && char === '/' && address[i + 1] !== '/') {
      points.push(current)
      current = ''
    }
  }
  if (current) points.push(current)
  // Join the smallest pieces: a piece grows while it is short, or while it and the next fit.
  const pieces: string[] = []
  for (const point of points) {
    const last = pieces[pieces.length - 1]
    if (last !== undefined && (last.length < MIN_PIECE || last.length + point.length <= MIN_PIECE)) pieces[pieces.length - 1] = last + point
    else pieces.push(point)
  }
  const tail = pieces[pieces.length - 1]
  if (pieces.length > 1 && tail.length < 4) pieces[pieces.length - 2] += pieces.pop()
  return pieces
}

/**
 * A break opportunity that prints nothing: a space set so small (0.01 pt) that it has no
 * width. react-pdf breaks lines only at spaces, and at hyphenation points only with a hyphen,
 * which an address must not get; the font's own space keeps every glyph embedded.
 */
const BREAK = { fontSize: 0.01 } as const

/**
 * Text as printed, with addresses breakable (see addressBreaks): a long URL wraps at the
 * right margin instead of running past it. Use inside a <Text> or <Link>.
 */
export function Breakable({ text }: { text: string }): ReactNode {
  const printed = printable(text)
  const out: ReactNode[] = []
  let last = 0
  for (const match of printed.matchAll(ADDRESS)) {
    const at = match.index ?? 0
    if (at > last) out.push(printed.slice(last, at))
    addressBreaks(match[0]).forEach((part, i) => {
      if (i > 0) out.push(<Text key={`${at}-${i}`} style={BREAK}>{' '}</Text>)
      out.push(part)
    })
    last = at + match[0].length
  }
  if (out.length === 0) return printed
  if (last < printed.length) out.push(printed.slice(last))
  return <>{out}</>
}

const NO_BREAK_SPACE = '\u00a0'

/**
 * The last two words of a paragraph bound by a no-break space: the last word is never
 * hyphenated (the hyphenation callback leaves words with a space in them whole) and never
 * stands alone on the last line.
 */
export function keepLastWord(text: string): string {
  const trimmed = text.trimEnd()
  const at = trimmed.lastIndexOf(' ')
  return at <= 0 ? text : `${trimmed.slice(0, at)}${NO_BREAK_SPACE}${trimmed.slice(at + 1)}${text.slice(trimmed.length)}`
}

/** keepLastWord across the runs of a paragraph (a link's text is left as it is). */
export function keepLastWordOfRuns(runs: readonly Run[]): Run[] {
  const out = [...runs]
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i].href) return out
    const text = out[i].text
    // Spaces at the very end of the paragraph do not count.
    const isLast = out.slice(i + 1).every((r) => r.text.trim() === '')
    const body = isLast ? text.trimEnd() : text
    const at = body.lastIndexOf(' ')
    if (at >= 0 && (at > 0 || i > 0)) {
      out[i] = { ...out[i], text: `${text.slice(0, at)}${NO_BREAK_SPACE}${text.slice(at + 1)}` }
      return out
    }
  }
  return out
}

/** Hyphenation callback for display text (titles, pull quotes, contents lines): never break words. */
export const whole = (word: string): string[] => [word]

/** The plain text of a run list, as printed. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((run) => printable(run.text)).join('')
}

const bold: Style = { fontWeight: 700 }
const italic: Style = { fontStyle: 'italic' }
const link: Style = { color: COLOR.link }

/** Inline runs inside a parent <Text>: bold, italic and clickable links. */
export function Runs({ runs }: { runs: readonly Run[] }) {
  return (
    <>
      {runs.map((run, index) => {
        const style: Style[] = []
        if (run.bold) style.push(bold)
        if (run.italic) style.push(italic)
        const text = <Breakable text={run.text} />
        if (run.href) {
          return (
            <Link key={index} src={run.href} style={[...style, link]}>
              {text}
            </Link>
          )
        }
        return style.length > 0 ? (
          <Text key={index} style={style}>
            {text}
          </Text>
        ) : (
          <Breakable key={index} text={run.text} />
        )
      })}
    </>
  )
}

// One wording for every renderer (src/issue/labels); re-exported for the PDF's sections.
export { joinNames } from '@/issue/labels'

/** "12 April 2024" from YYYY-MM-DD, without time zones getting involved. */
export function formatLongDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number)
  return `${day} ${monthName(month)} ${year}`
}
