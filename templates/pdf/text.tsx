import { Link, Text } from '@react-pdf/renderer'
import type { Style } from '@react-pdf/types'
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
        const text = printable(run.text)
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
          text
        )
      })}
    </>
  )
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/** "12 April 2024" from YYYY-MM-DD, without time zones getting involved. */
export function formatLongDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number)
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ]
  return `${day} ${months[month - 1] ?? ''} ${year}`
}
