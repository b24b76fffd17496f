import { describe, expect, it } from 'vitest'
import { cleanLine, decodeEntities, snippet, splitTableRow, stripTags, unescapeMarkdown } from '@/chronology/cleanText'

describe('decodeEntities', () => {
  it.each([
    ['&amp;', '&'],
    ['&nbsp;', '\u00a0'],
    ['&#8217;', '’'],
    ['&#x2019;', '’'],
    ['&quot;', '"'],
    ['&eacute;', 'é'],
    ['&ndash;', '–'],
    ['&#150;', '–'], // Word's Windows-1252 numbering
    ['R&D and AT&T', 'R&D and AT&T'],
    ['&amp;nbsp;', '&nbsp;'], // one pass, as a browser shows it
    ['&unknownentity;', '&unknownentity;'],
    ['&#0; &#xD800; &#99999999;', '\ufffd \ufffd \ufffd'],
    ['Tom &amp Jerry', 'Tom & Jerry'],
  ])('%s', (input, output) => {
    expect(decodeEntities(input)).toBe(output)
  })
})

describe('stripTags', () => {
  it('turns paragraph tags into breaks and cells into tabs', () => {
    expect(stripTags('<p>a</p><p>b<br>c</p>')).toBe('\na\n\nb\nc\n')
    expect(stripTags('<td>a</td><td>b</td>')).toBe('\ta\t\tb\t')
  })

  it('drops inline and Word tags, comments and styles', () => {
    expect(stripTags('<span style="x">a</span><o:p></o:p><!-- c --><style>p{}</style><b>b</b>')).toBe('ab')
  })

  it('writes chemical subscripts in Unicode', () => {
    expect(stripTags('CO<sub>2</sub>, m<sup>2</sup>, 1<sup>st</sup>')).toBe('CO₂, m², 1st')
  })
})

describe('unescapeMarkdown', () => {
  it('removes backslashes before punctuation only', () => {
    expect(unescapeMarkdown('US\\$39 \\*a\\* 1\\. C:\\Users')).toBe('US$39 *a* 1. C:\\Users')
  })
})

describe('splitTableRow', () => {
  it('splits on unescaped pipes and drops the outer borders', () => {
    expect(splitTableRow('| 3rd | A \\| B |')).toEqual(['3rd', 'A \\| B'])
    expect(splitTableRow('3rd | text')).toEqual(['3rd', 'text'])
  })
})

describe('cleanLine', () => {
  it('reads a Markdown table row as day, tab, text', () => {
    expect(cleanLine('| 3rd | US\\$39 &amp; more |')).toBe('3rd\tUS$39 & more')
  })

  it('keeps decoded angle brackets as text', () => {
    expect(cleanLine('&lt;p&gt;')).toBe('<p>')
  })
})

describe('snippet', () => {
  it('shortens long lines for messages', () => {
    expect(snippet('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`)
    expect(snippet('  short\tline ')).toBe('short line')
  })
})
