import { describe, expect, it } from 'vitest'
import { headingOf, readable, reads } from './pdfTools'

// The PDF tests compare text through these; they must tell a broken text from a whole one.
describe('reads: the words of a PDF text, as a reader meets them', () => {
  const expected = 'When the defence ministers of Korea met in Manila'

  it('finds the words across line breaks, extra spaces and the inkless filler letters', () => {
    expect(reads('When the defence\nministers of  Korea \u3164met in Manila', expected)).toBe(true)
  })

  it('finds a word the line breaker hyphenated, with or without a soft hyphen', () => {
    expect(reads('When the de-\nfence ministers of Korea met in Manila', expected)).toBe(true)
    expect(reads('When the defence minis\u00ad\nters of Korea met in Manila', expected)).toBe(true)
  })

  it('finds a real hyphen, also at a line end', () => {
    expect(reads('KANG Min-jae and Lim Jun-\nho', 'KANG Min-jae and Lim Jun-ho')).toBe(true)
  })

  it('does not find words run together, a word lost or words out of order', () => {
    expect(reads('When the defenceministers of Korea met in Manila', expected)).toBe(false)
    expect(reads('When the defence of Korea met in Manila', expected)).toBe(false)
    expect(reads('When the ministers defence of Korea met in Manila', expected)).toBe(false)
  })

  it('does not find a hyphenated compound written as one word, or a word broken without a hyphen', () => {
    expect(reads('KANG Minjae and Lim Jun-ho', 'KANG Min-jae and Lim Jun-ho')).toBe(false)
    expect(reads('When the defen\nce ministers of Korea met in Manila', expected)).toBe(false)
  })

  it('keeps spaces in what it reads', () => {
    expect(readable(' IN THIS\n ISSUE ')).toBe('IN THIS ISSUE')
  })
})

describe('headingOf: the heading a page ends with', () => {
  const headings = ['Art', 'Essays', 'Middle Powers at Sea: Korea, ASEAN and the Quiet Work of Maritime Cooperation', 'MAY 2024', 'CONTENTS']

  it('finds a short heading on the last line', () => {
    expect(headingOf(['…the last words of a paragraph.', 'Essays'], headings)).toBe('Essays')
    expect(headingOf(['body text', 'MAY 2024'], headings)).toBe('MAY 2024')
    expect(headingOf(['body text', 'Art'], headings)).toBe('Art')
  })

  it('finds a heading set on several lines', () => {
    const lines = ['body text', 'Middle Powers at Sea: Korea, ASEAN', 'and the Quiet Work of Maritime', 'Cooperation']
    expect(headingOf(lines, headings)).toBe(headings[2])
  })

  it('finds nothing when the page ends with body text, even text that holds a heading’s words', () => {
    expect(headingOf(['Essays and notes were read by the committee.'], headings)).toBeUndefined()
    expect(headingOf(['and the Quiet Work of Maritime', 'Cooperation in the region went on.'], headings)).toBeUndefined()
    expect(headingOf(['Cooperation'], headings)).toBeUndefined()
  })
})
