import { describe, expect, it } from 'vitest'
import {
  entryKey,
  entryText,
  formatDiagnostic,
  normaliseForMatch,
  parseChronology,
  sortEntries,
  type ParsedEntry,
} from '@/chronology/parse'
import { readAprilFixture } from './support/fixture'

/** Lines joined as pasted: "\t" in the strings is the column break. */
const doc = (...lines: string[]): string => lines.join('\n')

const datesOf = (entries: ParsedEntry[]): [string, string, string][] =>
  entries.map((e) => [e.dayCell, e.startDate, e.endDate])

describe('the April 2024 chronology as it arrived', () => {
  const text = readAprilFixture()
  const lines = text.split('\n')
  const result = parseChronology(text)

  it('parses without warnings or errors, also within its quarter', () => {
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(parseChronology(text, { period: { start: '2024-04-01', end: '2024-06-30' } }).errors).toEqual([])
  })

  it('has one entry for every line with a day, a tab and text', () => {
    const entryLines = lines.filter((line) => /^\S[^\t]*\t\S/.test(line))
    expect(entryLines.length).toBeGreaterThan(10)
    expect(result.entries).toHaveLength(entryLines.length)
  })

  it('points every entry at its line and keeps its day cell and text as written', () => {
    for (const entry of result.entries) {
      const [cell, text] = lines[entry.line - 1].split('\t')
      expect(entry.dayCell).toBe(cell)
      expect(entry.paragraphs).toEqual([text.trim()])
    }
  })

  it('dates every entry in April 2024 from the numbers in its day cell', () => {
    for (const entry of result.entries) {
      const numbers = entry.dayCell.match(/\d+/g)?.map(Number) ?? []
      const day = (n: number | undefined): string => `2024-04-${String(n).padStart(2, '0')}`
      expect([entry.startDate, entry.endDate]).toEqual([day(numbers[0]), day(numbers[numbers.length - 1])])
    }
  })

  it('reads the ranges in it', () => {
    const ranges = datesOf(result.entries.filter((e) => e.startDate !== e.endDate))
    expect(ranges).toEqual([
      ['3rd-4th', '2024-04-03', '2024-04-04'],
      ['13th-14th', '2024-04-13', '2024-04-14'],
      ['23rd - 26th', '2024-04-23', '2024-04-26'],
    ])
  })

  it('suggests the countries of the North Korean delegation without South Korea', () => {
    const delegation = result.entries.find((e) => e.paragraphs[0].startsWith('A North Korean'))
    expect(delegation?.countries).toEqual(['LA', 'VN', 'KP'])
  })

  it('gives the same keys when re-imported through a web editor', () => {
    // The same document as a web editor hands it over: <p> tags, entities, curly quotes, NBSP.
    const webbed = lines
      .map((line) => {
        const [cell, body] = line.split('\t')
        if (body === undefined) return line
        const html = body.replace(/&/g, '&amp;').replace(/'/g, '&#8217;').replace(/ (?=\w)/, '&nbsp;')
        return `<p>${cell}</p>\t<p>${html}</p>`
      })
      .join('\r\n')
    const again = parseChronology(webbed)
    expect(again.warnings).toEqual([])
    expect(again.entries.map(entryKey)).toEqual(result.entries.map(entryKey))
  })
})

describe('a hand-made chronology with every day-cell form', () => {
  const text = doc(
    'March 2024',
    '1st\tA.',
    '1st-3rd\tB.',
    '3\tC.',
    '3rd-4th\tD.',
    '7-8th\tE.',
    '12-13th\tF.',
    '23rd - 26th\tG.',
    '25th- 31st\tH.',
    '27th – 28th\tI.',
    '27th—29th\tJ.',
    '28th to 30th\tK.',
    '30th March - 1st April\tL.',
    'April 2024',
    '3 April\tM.',
    '6-7 April\tN.',
    'June 2024',
    '29th June -4th July\tO.',
    '30th June - 3 July\tP.',
    'December 2024',
    '30th December - 2nd January\tQ.',
    'January 2025',
    '2nd\tR.',
  )
  const result = parseChronology(text)

  it('dates them all, with no warnings or errors', () => {
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(datesOf(result.entries)).toEqual([
      ['1st', '2024-03-01', '2024-03-01'],
      ['1st-3rd', '2024-03-01', '2024-03-03'],
      ['3', '2024-03-03', '2024-03-03'],
      ['3rd-4th', '2024-03-03', '2024-03-04'],
      ['7-8th', '2024-03-07', '2024-03-08'],
      ['12-13th', '2024-03-12', '2024-03-13'],
      ['23rd - 26th', '2024-03-23', '2024-03-26'],
      ['25th- 31st', '2024-03-25', '2024-03-31'],
      ['27th – 28th', '2024-03-27', '2024-03-28'],
      ['27th—29th', '2024-03-27', '2024-03-29'],
      ['28th to 30th', '2024-03-28', '2024-03-30'],
      ['30th March - 1st April', '2024-03-30', '2024-04-01'],
      ['3 April', '2024-04-03', '2024-04-03'],
      ['6-7 April', '2024-04-06', '2024-04-07'],
      ['29th June -4th July', '2024-06-29', '2024-07-04'],
      ['30th June - 3 July', '2024-06-30', '2024-07-03'],
      ['30th December - 2nd January', '2024-12-30', '2025-01-02'],
      ['2nd', '2025-01-02', '2025-01-02'],
    ])
  })

  it('numbers entries by their line', () => {
    expect(result.entries.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 18, 19, 21, 23])
  })
})

describe('separators between the day and the text', () => {
  it('accepts a run of spaces as the column break', () => {
    const { entries, errors } = parseChronology(doc('April 2024', '5th  The minister met.', '6th   Another.'))
    expect(errors).toEqual([])
    expect(datesOf(entries)).toEqual([
      ['5th', '2024-04-05', '2024-04-05'],
      ['6th', '2024-04-06', '2024-04-06'],
    ])
    expect(entries[0].paragraphs).toEqual(['The minister met.'])
  })

  it('reads a day with no tab when the text starts like a sentence', () => {
    const { entries, warnings } = parseChronology(doc('April 2024', '5th The minister met.', '7-8th "Quoted" event.'))
    expect(warnings).toEqual([])
    expect(entries.map((e) => [e.dayCell, e.startDate, e.paragraphs[0]])).toEqual([
      ['5th', '2024-04-05', 'The minister met.'],
      ['7-8th', '2024-04-07', '"Quoted" event.'],
    ])
  })

  it('collapses duplicated tabs and spaces inside the text', () => {
    const { entries } = parseChronology(doc('April 2024', '5th\t\t\tThe  minister\tmet.'))
    expect(entries[0].paragraphs).toEqual(['The minister met.'])
  })
})

describe('text from web editors', () => {
  it('keeps <p>-wrapped paragraphs of one entry apart', () => {
    const { entries, warnings } = parseChronology(
      doc('<p>April 2024</p>', '<p>12th</p>\t<p>First para.</p><p>Second para.</p>', '<p>13th\tOne <strong>bold</strong> para.</p>'),
    )
    expect(warnings).toEqual([])
    expect(entries.map((e) => [e.dayCell, e.paragraphs])).toEqual([
      ['12th', ['First para.', 'Second para.']],
      ['13th', ['One bold para.']],
    ])
  })

  it('reads <br>, <div> and table cells as breaks, Word tags as nothing', () => {
    const { entries } = parseChronology(
      doc('April 2024', '<tr><td>14th</td><td><div>One.</div><div>Two.<br/>Three.<o:p></o:p></div></td></tr>'),
    )
    expect(entries[0].paragraphs).toEqual(['One.', 'Two.', 'Three.'])
  })

  it('decodes entities and removes Markdown escapes', () => {
    const { entries } = parseChronology(
      doc(
        'April 2024',
        '1st\tUS\\$39 million &amp; S\\$2 billion; the minister&#8217;s &quot;Plan&quot;&nbsp;&ndash; &#x201C;done&#x201D; \\*not\\* &lt;p&gt;',
      ),
    )
    expect(entries[0].paragraphs).toEqual(['US$39 million & S$2 billion; the minister’s "Plan" – “done” *not* <p>'])
  })

  it('keeps Unicode text intact and composes decomposed diacritics', () => {
    const decomposed = 'Phan Chí Hiếu'.normalize('NFD')
    const { entries } = parseChronology(doc('April 2024', `1st\t${decomposed} met 김정은 about CO₂ and CO<sub>2</sub> cuts.`))
    expect(entries[0].paragraphs).toEqual(['Phan Chí Hiếu met 김정은 about CO₂ and CO₂ cuts.'])
  })

  it('turns odd spaces into plain ones and drops invisible characters', () => {
    const { entries } = parseChronology(doc('April 2024', '1st\tA\u00a0B\u202fC\u200bD\ufeffE\u2003F'))
    expect(entries[0].paragraphs).toEqual(['A B CDE F'])
  })

  it('leaves text that only looks like a tag alone', () => {
    const { entries } = parseChronology(doc('April 2024', '1st\tGrowth of <5% and <Kim> stay.'))
    expect(entries[0].paragraphs).toEqual(['Growth of <5% and <Kim> stay.'])
  })
})

describe('junk and stray lines', () => {
  const text = doc(
    'ASEAN - Korea Relations: A Chronology of Key Events', // 1
    'April 2024 to June 2024', // 2
    '', // 3
    'April 2024', // 4
    '---------', // 5
    '1st\tThe minister met.', // 6
    '--', // 7
    '|---|---|', // 8
    '', // 9
    'Highlights at the Korea Centre', // 10
    'Date\tEvent', // 11
    '2nd\tAnother meeting.', // 12
  )
  const result = parseChronology(text)

  it('skips them with a warning naming each line, blank lines silently', () => {
    expect(result.warnings.map((w) => w.line)).toEqual([1, 2, 5, 7, 8, 10, 11])
    expect(result.warnings.find((w) => w.line === 8)?.message).toBe('skipped "|---|---|": a separator row, not an entry')
    expect(result.warnings.find((w) => w.line === 10)?.message).toMatch(/skipped "Highlights at the Korea Centre"/)
  })

  it('never turns them into entries', () => {
    expect(result.errors).toEqual([])
    expect(result.entries.map((e) => e.line)).toEqual([6, 12])
  })
})

describe('lines without a day', () => {
  it('adds prose after an entry as a new paragraph, with a warning naming both lines', () => {
    const { entries, warnings } = parseChronology(
      doc('April 2024', '12th\tFirst para.', '', 'Second para, pasted on its own line.', '\tThird para, in the text column.'),
    )
    expect(entries[0].paragraphs).toEqual(['First para.', 'Second para, pasted on its own line.', 'Third para, in the text column.'])
    expect(warnings.map((w) => w.line)).toEqual([4, 5])
    expect(warnings[0].message).toMatch(/added as a new paragraph of the 12th entry \(line 2\)/)
  })

  it('gives a day standing alone on its line the text of the next line, silently', () => {
    const { entries, warnings } = parseChronology(doc('April 2024', '12th', 'The text on the next line.'))
    expect(warnings).toEqual([])
    expect(entries).toMatchObject([{ line: 2, dayCell: '12th', startDate: '2024-04-12', paragraphs: ['The text on the next line.'] }])
  })

  it('reports a day that never gets text', () => {
    const { entries, errors } = parseChronology(doc('April 2024', '12th', 'May 2024', '1st\tText.'))
    expect(entries.map((e) => e.dayCell)).toEqual(['1st'])
    expect(errors).toEqual([{ line: 2, message: '"12th" has a day but no text' }])
  })

  it('skips the sources paragraph and the list after it with one warning', () => {
    const { entries, warnings } = parseChronology(
      doc(
        'April 2024',
        '1st\tText.',
        'This chronology of events is cross-referenced from the following ministries, institutions, and news sources:',
        'Ministry of Foreign Affairs, Vietnam.',
        'Yonhap News Agency',
      ),
    )
    expect(entries[0].paragraphs).toEqual(['Text.'])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ line: 3, message: expect.stringMatching(/sources paragraph/) })
  })
})

describe('errors', () => {
  it('names an entry before any month heading', () => {
    const { entries, errors } = parseChronology(doc('3rd\tToo early.', 'April 2024', '4th\tFine.'))
    expect(entries.map((e) => e.line)).toEqual([3])
    expect(errors).toEqual([
      { line: 1, message: expect.stringMatching(/^"3rd" comes before any month heading/) },
    ])
  })

  it('reports undatable day cells, days that do not exist and ranges that end before they start', () => {
    const { entries, errors } = parseChronology(
      doc('April 2024', 'early April\tA.', '31st April\tB.', '26th - 23rd\tC.', '3rd & 5th\tD.', '5th-? The minister.', '1st\tFine.'),
    )
    expect(entries.map((e) => e.line)).toEqual([7])
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6])
    expect(errors[1].message).toBe('"31st April": there is no 31st April 2024 (April has 30 days)')
  })

  it('does not add the lines after a broken entry to anything, nor warn about them', () => {
    const { entries, warnings } = parseChronology(doc('April 2024', '31st\tB.', 'More about B, on its own line.', '1st\tFine.'))
    expect(entries.map((e) => e.paragraphs)).toEqual([['Fine.']])
    expect(warnings).toEqual([])
  })
})

describe('entries out of date order', () => {
  it('keeps them, in the order written, with a warning', () => {
    const { entries, warnings } = parseChronology(doc('April 2024', '12th\tLater.', '3rd\tEarlier.', '4th\tNext.'))
    expect(entries.map((e) => e.startDate)).toEqual(['2024-04-12', '2024-04-03', '2024-04-04'])
    expect(warnings.map((w) => formatDiagnostic(w))).toEqual([
      'line 3: 3rd April comes after 12th April (line 2); it will be sorted by date on commit',
    ])
  })

  it('does not flag entries sharing a day, or a single day after a range that starts earlier', () => {
    const { warnings } = parseChronology(doc('April 2024', '23rd - 26th\tA.', '23rd\tB.', '23rd\tC.', '24th\tD.'))
    expect(warnings).toEqual([])
  })
})

describe('the chronology period', () => {
  const period = { start: '2024-04-01', end: '2024-06-30' }
  const text = doc(
    'March 2024',
    '31st\tBefore.', // 2
    'April 2024',
    '1st\tFirst day.', // 4
    'June 2024',
    '29th June - 4th July\tRuns past the end.', // 6
    '30th\tLast day.', // 7
    'July 2024',
    '1st\tAfter.', // 9
  )

  it('is an error for entries that start outside it, not for one that runs past its end', () => {
    const { entries, errors } = parseChronology(text, { period })
    expect(datesOf(entries)).toEqual([
      ['1st', '2024-04-01', '2024-04-01'],
      ['29th June - 4th July', '2024-06-29', '2024-07-04'],
      ['30th', '2024-06-30', '2024-06-30'],
    ])
    expect(errors).toEqual([
      { line: 2, message: '"31st" starts on 31st March 2024, before the chronology\'s period (1st April 2024 – 30th June 2024)' },
      { line: 9, message: '"1st" starts on 1st July 2024, after the chronology\'s period (1st April 2024 – 30th June 2024)' },
    ])
  })

  it('is not checked when not given', () => {
    expect(parseChronology(text).errors).toEqual([])
  })

  it('is reported when it is not a pair of dates', () => {
    const { errors, entries } = parseChronology(text, { period: { start: '2024-06-30', end: '2024-04-01' } })
    expect(errors).toEqual([{ line: 0, message: expect.stringMatching(/period .* is not a valid pair of dates/) }])
    expect(entries).toHaveLength(5)
  })
})

describe('the year end', () => {
  it('gives the end of a December-January range the next year, and later headings their own year', () => {
    const { entries, warnings } = parseChronology(
      doc('December 2024', '30th December - 2nd January\tNew year.', 'January', '3rd\tAfter.'),
    )
    expect(datesOf(entries)).toEqual([
      ['30th December - 2nd January', '2024-12-30', '2025-01-02'],
      ['3rd', '2025-01-03', '2025-01-03'],
    ])
    expect(warnings).toEqual([{ line: 3, message: 'the month heading "January" has no year; read as January 2025' }])
  })
})

describe('entry keys, text and sorting', () => {
  const entry = (startDate: string, endDate: string, paragraphs: string[]): ParsedEntry => ({
    line: 1,
    dayCell: '',
    startDate,
    endDate,
    paragraphs,
    countries: [],
  })

  it('joins paragraphs with a blank line', () => {
    expect(entryText(['One.', 'Two.'])).toBe('One.\n\nTwo.')
  })

  it('folds case, whitespace, quotes and dashes for matching', () => {
    expect(normaliseForMatch('  The “Plan’s”\u00a0Vietnam–ROK\n\nTALKS ')).toBe(normaliseForMatch('the "plan\'s" vietnam-rok talks'))
    expect(normaliseForMatch('Plan A')).not.toBe(normaliseForMatch('Plan B'))
  })

  it('recognises the same entry whatever its typography', () => {
    const a = entry('2024-04-03', '2024-04-04', ['The “Plan”.', 'Second – para.'])
    const b = { startDate: '2024-04-03', endDate: '2024-04-04', text: 'the "plan".  Second - PARA.' }
    expect(entryKey(a)).toBe(entryKey(b))
    expect(entryKey(a)).toMatch(/^2024-04-03\|2024-04-04\|/)
    expect(entryKey({ ...a, endDate: '2024-04-05' })).not.toBe(entryKey(a))
  })

  it('sorts by start date, keeping the document order of entries that start on the same day', () => {
    const entries = [
      entry('2024-04-12', '2024-04-12', ['a']),
      entry('2024-04-03', '2024-04-05', ['b']),
      entry('2024-04-03', '2024-04-03', ['c']),
      entry('2024-04-12', '2024-04-12', ['d']),
      entry('2024-04-03', '2024-04-03', ['e']),
    ]
    // "3rd-5th" listed before "3rd" stays first: the compiler's order, not the end date.
    expect(sortEntries(entries).map((e) => e.paragraphs[0])).toEqual(['b', 'c', 'e', 'a', 'd'])
    expect(entries.map((e) => e.paragraphs[0])).toEqual(['a', 'b', 'c', 'd', 'e']) // not sorted in place
  })
})

describe('formatDiagnostic', () => {
  it('says line or paragraph, and nothing for the whole document', () => {
    expect(formatDiagnostic({ line: 4, message: 'x' })).toBe('line 4: x')
    expect(formatDiagnostic({ line: 4, message: 'x' }, 'paragraph')).toBe('paragraph 4: x')
    expect(formatDiagnostic({ line: 0, message: 'x' })).toBe('x')
  })
})
