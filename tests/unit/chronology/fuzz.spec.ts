/**
 * The parser must never throw and must always hand back well-formed results, whatever an
 * editor pastes. Random text, text built from the pieces chronologies are made of, and real
 * fixture lines with random damage.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chronologyTextFromFile } from '@/chronology/fromFile'
import {
  COUNTRY_CODES,
  PARSER_FAILURE,
  parseChronology,
  type ChronologyPeriod,
  type ParseResult,
} from '@/chronology/parse'
import { isValidIsoDate } from '@/chronology/readDayCell'
import { docx, wordParagraph } from './support/docx'
import { readAprilFixture } from './support/fixture'

function expectWellFormed(result: ParseResult, lastLine: number): void {
  for (const entry of result.entries) {
    expect(isValidIsoDate(entry.startDate), entry.startDate).toBe(true)
    expect(isValidIsoDate(entry.endDate), entry.endDate).toBe(true)
    expect(entry.startDate <= entry.endDate).toBe(true)
    expect(entry.line).toBeGreaterThanOrEqual(1)
    expect(entry.line).toBeLessThanOrEqual(lastLine)
    expect(entry.dayCell.trim()).not.toBe('')
    expect(entry.paragraphs.length).toBeGreaterThan(0)
    for (const paragraph of entry.paragraphs) {
      expect(paragraph.trim()).toBe(paragraph)
      expect(paragraph).not.toBe('')
      expect(paragraph).not.toMatch(/[\t\n]/)
    }
    for (const code of entry.countries) expect(COUNTRY_CODES).toContain(code)
  }
  for (const diagnostic of [...result.warnings, ...result.errors]) {
    expect(diagnostic.line).toBeGreaterThanOrEqual(0)
    expect(diagnostic.line).toBeLessThanOrEqual(lastLine)
    expect(diagnostic.message).not.toBe('')
    expect(diagnostic.message).not.toBe(PARSER_FAILURE)
  }
}

const lineCount = (text: string): number => text.split(/\r\n|\r|\n/).length

/** Parsing never throws; checked separately so a throw is reported as such. */
function parse(text: string, period?: ChronologyPeriod): ParseResult {
  let result: ParseResult | undefined
  expect(() => {
    result = parseChronology(text, { period })
  }).not.toThrow()
  return result as ParseResult
}

// The pieces chronologies are made of, and the debris web editors add.
const PIECES = [
  'April 2024', 'December 2024', 'January', 'May', '## June 2024', '**July 2024**',
  '1st', '3rd-4th', '23rd - 26th', '7-8th', '12-13th', '25th- 31st', '3', '3 April', '29th June -4th July',
  '30th June - 3 July', '30th December - 2nd January', '31st', '0', '99th', '29th February', '2024-02-30',
  '2024-04-03 to 2024-04-05', '30th - 2nd', 'early', 'to', '–', '—', '-', '~', '&', 'and',
  '\t', '\t\t', '\n', '\r\n', '  ', ' ', '\u00a0', '\u2028', '\u000b',
  '<p>', '</p>', '<br>', '<td>', '</td>', '<tr>', '<strong>', '<sub>2</sub>', '<o:p></o:p>', '<!--', '-->', '<',
  '&amp;', '&nbsp;', '&#8217;', '&#x2019;', '&#99999999;', '&#0;', '&quot;', '&',
  '\\$', '\\', '|', '|---|---|', '---------', '--', '"', '“', '’',
  'The minister met.', 'Vietnam', 'North Korean', 'Korea', 'Phan Chí Hiếu', 'CO₂', '김정은', 'US$39',
  'This chronology of events is cross-referenced from', 'Highlights at the Korea Centre',
]

const pieced = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join(''))

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  pieced,
)

const isoDay = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

const period = fc.option(
  fc.oneof(
    fc.tuple(isoDay, isoDay).map(([a, b]): ChronologyPeriod => (a <= b ? { start: a, end: b } : { start: b, end: a })),
    fc.record({ start: fc.string({ maxLength: 12 }), end: fc.string({ maxLength: 12 }) }),
  ),
  { nil: undefined },
)

describe('parseChronology never throws', () => {
  it('on random text and random periods', () => {
    fc.assert(
      fc.property(anyText, period, (text, p) => {
        expectWellFormed(parse(text, p), lineCount(text))
      }),
      { numRuns: 1000 },
    )
  })

  it('on documents built line by line from chronology pieces', () => {
    const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), period, (lines, p) => {
        const text = lines.join('\n')
        expectWellFormed(parse(text, p), lineCount(text))
      }),
      { numRuns: 500 },
    )
  })
})

describe('parseChronology on damaged real lines', () => {
  const fixtureLines = readAprilFixture().split('\n')

  const damage = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), fc.constantFrom(...PIECES)) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }) }),
    fc.record({ kind: fc.constant('tag' as const), tag: fc.constantFrom('p', 'strong', 'span', 'td', 'div', 'sub') }),
    fc.record({ kind: fc.constant('tabs' as const), count: fc.integer({ min: 2, max: 4 }) }),
  )
  type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never

  function apply(line: string, d: Damage): string {
    switch (d.kind) {
      case 'insert': {
        const at = d.at % (line.length + 1)
        return line.slice(0, at) + d.text + line.slice(at)
      }
      case 'delete': {
        const at = d.at % (line.length + 1)
        return line.slice(0, at) + line.slice(at + d.length)
      }
      case 'replace': {
        const at = d.at % (line.length + 1)
        return line.slice(0, at) + d.text + line.slice(at + 1)
      }
      case 'tag':
        return line.replace(/^([^\t]*)\t(.*)$/, `<${d.tag}>$1</${d.tag}>\t<${d.tag}>$2</${d.tag}>`)
      case 'tabs':
        return line.replace('\t', '\t'.repeat(d.count))
    }
  }

  it('keeps every result well formed and the undamaged entries dated', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), damage), { maxLength: 12 }), period, (damages, p) => {
        const lines = [...fixtureLines]
        for (const [which, d] of damages) {
          const i = which % lines.length
          lines[i] = apply(lines[i], d)
        }
        const text = lines.join('\n')
        const result = parse(text, p)
        expectWellFormed(result, lineCount(text))
        // Lines no damage touched still come out as entries, while the heading survives and
        // no line break was added (which would renumber the lines).
        if (lines[0] === fixtureLines[0] && p === undefined && !lines.some((line) => /[\r\n]/.test(line))) {
          const touched = new Set(damages.map(([which]) => which % lines.length))
          const entryLines = new Set(result.entries.map((e) => e.line))
          fixtureLines.forEach((line, i) => {
            if (!touched.has(i) && line.includes('\t')) expect(entryLines.has(i + 1), `line ${i + 1}`).toBe(true)
          })
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('chronologyTextFromFile never rejects', () => {
  it('on random text in every text format', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, fc.constantFrom('q2.txt', 'q2.md', 'q2.html', 'q2.csv'), async (text, filename) => {
        const source = await chronologyTextFromFile(new TextEncoder().encode(text), filename)
        expectWellFormed(parseChronology(source), lineCount(text))
      }),
      { numRuns: 400 },
    )
  })

  it('on random bytes and damaged Word files', async () => {
    const word = docx(wordParagraph('April 2024') + wordParagraph('1st\tText.'))
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => word.slice(Math.min(a, b) % word.length, Math.max(a, b) % word.length)),
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, value]) => {
        const copy = word.slice()
        copy[at % copy.length] = value
        return copy
      }),
    )
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('q2.docx', 'q2.txt', 'q2.csv'), async (data, filename) => {
        const source = await chronologyTextFromFile(data, filename)
        const result = parseChronology(source)
        expectWellFormed(result, Number.MAX_SAFE_INTEGER)
      }),
      { numRuns: 200 },
    )
  })
})
