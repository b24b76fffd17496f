import { describe, expect, it } from 'vitest'
import { chronologyTextFromFile, csvRecords, formatOfFilename } from '@/chronology/fromFile'
import { formatDiagnostic, parseChronology, type ParsedEntry } from '@/chronology/parse'
import { docx, wordParagraph, wordTable } from './support/docx'
import { readAprilFixture } from './support/fixture'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

/** The 1-based line of the first line of `text` that contains `marker`: expected line numbers come from the file itself. */
const lineOf = (text: string, marker: string): number => text.split('\n').findIndex((line) => line.includes(marker)) + 1

async function parseFile(content: string | Uint8Array, filename: string) {
  const source = await chronologyTextFromFile(typeof content === 'string' ? bytes(content) : content, filename)
  return { source, ...parseChronology(source) }
}

const summary = (entries: ParsedEntry[]) => entries.map((e) => ({ line: e.line, start: e.startDate, end: e.endDate, paragraphs: e.paragraphs }))

describe('formatOfFilename', () => {
  it('goes by the extension, whatever its case', () => {
    expect(formatOfFilename('Chronology Q2.DOCX')).toBe('docx')
    expect(formatOfFilename('q2.markdown')).toBe('md')
    expect(formatOfFilename('q2.htm')).toBe('html')
    expect(formatOfFilename('q2.pdf')).toBeUndefined()
    expect(formatOfFilename('q2')).toBeUndefined()
  })
})

describe('.txt', () => {
  it('reads the fixture exactly as pasting it would', async () => {
    const text = readAprilFixture()
    const { source, entries, warnings, errors } = await parseFile(text, 'chronology-2024-04.txt')
    expect(source.format).toBe('txt')
    expect([warnings, errors]).toEqual([[], []])
    expect(entries).toEqual(parseChronology(text).entries)
  })

  it('reads UTF-16 with a byte order mark (Word\'s "Unicode text")', async () => {
    const text = 'April 2024\r\n1st\tPhan Chí Hiếu met 김정은.'
    const utf16 = new Uint8Array(2 + text.length * 2)
    utf16.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) new DataView(utf16.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true)
    const { entries, warnings } = await parseFile(utf16, 'q2.txt')
    expect(warnings).toEqual([])
    expect(entries[0].paragraphs).toEqual(['Phan Chí Hiếu met 김정은.'])
  })

  it('reads a file that is not UTF-8 as Windows text, with a warning', async () => {
    const latin = Uint8Array.from([...bytes('April 2024\n1st\tCaf'), 0xe9, 0x20, 0x93, 0x71, 0x94])
    const { entries, warnings } = await parseFile(latin, 'q2.txt')
    expect(entries[0].paragraphs).toEqual(['Café “q”'])
    expect(warnings).toEqual([{ line: 0, message: expect.stringMatching(/not in UTF-8/) }])
  })
})

describe('.md', () => {
  it('reads Markdown tables under headings, dropping column titles and delimiter rows', async () => {
    const md = [
      '## April 2024',
      '',
      '| Day | Event |',
      '|-----|-------|',
      '| 1st | US\\$39 million grant. |',
      '| 3rd-4th | Talks in Hà Nội \\| Seoul. |',
      '',
      '## May 2024',
      '',
      'Day | Event',
      ':--- | ---',
      '7-8th | Visit.',
    ].join('\n')
    const { source, entries, warnings, errors } = await parseFile(md, 'q2.md')
    expect(source.format).toBe('md')
    expect([warnings, errors]).toEqual([[], []])
    expect(summary(entries)).toEqual([
      { line: 5, start: '2024-04-01', end: '2024-04-01', paragraphs: ['US$39 million grant.'] },
      { line: 6, start: '2024-04-03', end: '2024-04-04', paragraphs: ['Talks in Hà Nội | Seoul.'] },
      { line: 12, start: '2024-05-07', end: '2024-05-08', paragraphs: ['Visit.'] },
    ])
  })

  it('does not take a heading underline for a table', async () => {
    const { entries, warnings } = await parseFile(['April 2024', '1st\tTalks | more.', '---'].join('\n'), 'q2.md')
    expect(entries[0].paragraphs).toEqual(['Talks | more.'])
    expect(warnings.map((w) => w.line)).toEqual([3])
  })

  it('keeps a first row that is an entry, and warns about separator rows inside a table', async () => {
    const md = ['April 2024', '| 1st | A. |', '|---|---|', '| 2nd | B. |', '|---|---|', '| 3rd | C. |'].join('\n')
    const { entries, warnings } = await parseFile(md, 'q2.md')
    expect(entries.map((e) => e.line)).toEqual([2, 4, 6])
    expect(warnings.map((w) => w.line)).toEqual([5])
  })
})

describe('.html', () => {
  it('reads a table, with line numbers pointing into the file', async () => {
    const html = [
      '<html><head><title>Chronology</title><style>td { color: red }</style></head><body>',
      '<h2>April 2024</h2>',
      '<!-- <tr><td>9th</td><td>commented out</td></tr> -->',
      '<table>',
      '  <thead><tr><th>Day</th><th>Event</th></tr></thead>',
      '  <tbody>',
      '  <tr><td>1st</td><td><p>First para &amp; more.</p>',
      '      <p>Second para.</p></td></tr>',
      '  <tr>',
      '    <td>3rd&ndash;4th</td>',
      '    <td>Talks in',
      '        Seoul.</td>',
      '  </tr>',
      '  <tr><td colspan="2"><strong>May 2024</strong></td></tr>',
      '  <tr><td>7-8th<td>No closing tags.',
      '  </tbody>',
      '</table>',
      '</body></html>',
    ].join('\n')
    const { entries, warnings, errors } = await parseFile(html, 'q2.html')
    expect([warnings, errors]).toEqual([[], []])
    expect(summary(entries)).toEqual([
      { line: lineOf(html, '<td>1st'), start: '2024-04-01', end: '2024-04-01', paragraphs: ['First para & more.', 'Second para.'] },
      { line: html.split('\n').indexOf('  <tr>') + 1, start: '2024-04-03', end: '2024-04-04', paragraphs: ['Talks in Seoul.'] },
      { line: lineOf(html, '7-8th'), start: '2024-05-07', end: '2024-05-08', paragraphs: ['No closing tags.'] },
    ])
  })

  it('reads paragraphs, with Word-style tabs and spaces as the column break', async () => {
    const html = [
      '<h1>ASEAN - Korea Relations</h1>',
      '<p><strong>April 2024</strong></p>',
      '<p class="MsoNormal">1st<span style="mso-tab-count:1">&nbsp;&nbsp;&nbsp; </span>Vietnamese delegation visited.</p>',
      '<p>2nd&#9;Text two.</p>',
      '<p>5th The minister met.</p>',
      '<p>12th</p><p>First para.</p><p>Second para.</p>',
    ].join('\n')
    const { entries, warnings } = await parseFile(html, 'q2.htm')
    expect(summary(entries)).toEqual([
      { line: 3, start: '2024-04-01', end: '2024-04-01', paragraphs: ['Vietnamese delegation visited.'] },
      { line: 4, start: '2024-04-02', end: '2024-04-02', paragraphs: ['Text two.'] },
      { line: 5, start: '2024-04-05', end: '2024-04-05', paragraphs: ['The minister met.'] },
      { line: 6, start: '2024-04-12', end: '2024-04-12', paragraphs: ['First para.', 'Second para.'] },
    ])
    // The title is not an entry; each <p> of a file is its own line, so the second paragraph is flagged.
    expect(warnings.map((w) => w.line)).toEqual([1, 6])
    expect(warnings[1].message).toMatch(/new paragraph of the 12th entry/)
  })
})

describe('.csv', () => {
  it('reads start, end and text, with quoted commas, quotes and newlines', async () => {
    const csv = [
      'start,end,text',
      '2024-04-01,,"Simple, with a comma."',
      '2024-04-03,2024-04-04,"First paragraph.',
      'Second paragraph with ""quotes""."',
      '2024-04-31,,Bad day.',
      '2024-04-10,2024-04-12,Last.',
    ].join('\r\n')
    const { entries, errors, warnings } = await parseFile(csv, 'q2.csv')
    expect(warnings).toEqual([])
    expect(summary(entries)).toEqual([
      { line: 2, start: '2024-04-01', end: '2024-04-01', paragraphs: ['Simple, with a comma.'] },
      { line: 3, start: '2024-04-03', end: '2024-04-04', paragraphs: ['First paragraph.', 'Second paragraph with "quotes".'] },
      { line: 6, start: '2024-04-10', end: '2024-04-12', paragraphs: ['Last.'] },
    ])
    expect(errors).toEqual([{ line: 5, message: expect.stringMatching(/no 31st April 2024/) }])
  })

  it('finds the columns by name, in any order, and takes semicolons from Excel', async () => {
    const csv = 'Text;End date;Start date\nTalks.;2024-04-05;2024-04-03\n'
    const { entries } = await parseFile(csv, 'q2.csv')
    expect(summary(entries)).toEqual([{ line: 2, start: '2024-04-03', end: '2024-04-05', paragraphs: ['Talks.'] }])
  })

  it('does not take semicolons in the text for the delimiter', async () => {
    const { entries } = await parseFile('2024-04-03,,Talks; then a dinner; then a concert.', 'q2.csv')
    expect(entries[0].paragraphs).toEqual(['Talks; then a dinner; then a concert.'])
  })

  it('reads a file without a header as start, end, text', async () => {
    const { entries } = await parseFile('2024-04-03,2024-04-03,Talks.', 'q2.csv')
    expect(summary(entries)).toEqual([{ line: 1, start: '2024-04-03', end: '2024-04-03', paragraphs: ['Talks.'] }])
  })

  it('reports a missing text column and a quote that is never closed', async () => {
    expect((await parseFile('start,end\n2024-04-03,', 'q2.csv')).errors).toEqual([
      { line: 1, message: expect.stringMatching(/needs the columns start, end and text/) },
    ])
    expect(csvRecords('a,b\n1,"never closed\n2,x').unclosedQuoteAt).toBe(2)
  })
})

describe('.docx', () => {
  const file = docx(
    wordParagraph('ASEAN - Korea Relations: A Chronology of Key Events') + // paragraph 1
      wordParagraph('April 2024') + // 2
      wordParagraph('1st\tVietnamese Deputy Minister visited Hà Nội.') + // 3, a real Word tab
      wordParagraph('---------') + // 4
      wordTable([
        [['3rd-4th'], ['First para.', 'Second para.']], // 5
        [['29th April – 2nd May'], ['CO₂ talks in Seoul.']], // 6
      ]),
  )

  it('reads paragraphs and table rows through mammoth', async () => {
    const { source, entries, errors } = await parseFile(file, 'Chronology.docx')
    expect(source.format).toBe('docx')
    expect(errors).toEqual([])
    expect(summary(entries)).toEqual([
      { line: 3, start: '2024-04-01', end: '2024-04-01', paragraphs: ['Vietnamese Deputy Minister visited Hà Nội.'] },
      { line: 5, start: '2024-04-03', end: '2024-04-04', paragraphs: ['First para.', 'Second para.'] },
      { line: 6, start: '2024-04-29', end: '2024-05-02', paragraphs: ['CO₂ talks in Seoul.'] },
    ])
  })

  it('numbers diagnostics by paragraph and says so', async () => {
    const { source, warnings } = await parseFile(file, 'Chronology.docx')
    expect(source.lineLabel).toBe('paragraph')
    expect(warnings.map((w) => formatDiagnostic(w, source.lineLabel))).toEqual([
      expect.stringMatching(/^paragraph 1: skipped "ASEAN - Korea Relations/),
      'paragraph 4: skipped "---------": a separator row, not an entry',
    ])
  })

  it('reports a file that is not a Word document instead of failing', async () => {
    const { errors, entries } = await parseFile(bytes('not a zip'), 'broken.docx')
    expect(entries).toEqual([])
    expect(errors).toEqual([{ line: 0, message: expect.stringMatching(/^the Word file could not be read/) }])
  })
})

describe('other files', () => {
  it('are refused with a message that says what to upload', async () => {
    expect((await chronologyTextFromFile(bytes('x'), 'q2.pdf')).errors).toEqual([
      { line: 0, message: '"q2.pdf" cannot be imported: use a .txt, .md, .html, .docx or .csv file' },
    ])
    expect((await chronologyTextFromFile(bytes('x'), 'q2.doc')).errors[0].message).toMatch(/save a \.doc as \.docx first/)
  })
})
