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
import { planImport, type StoredEntry } from '@/chronology/importPlan'
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
        // Every entry and diagnostic names a line (or Word paragraph) the file has.
        expectWellFormed(result, Math.max(0, ...source.lines.map((l) => l.line)))
      }),
      { numRuns: 200 },
    )
  })
})

// --- well-formed documents: what goes in comes out ---------------------------------------

const MONTHS = ['April', 'May', 'June'] as const
const WORDS = ['minister', 'delegation', 'met', 'signed', 'agreement', 'ports', 'coast', 'guard', 'training', 'visit', 'talks', 'trade', 'forum', 'embassy', 'cooperation', 'Hanoi', 'Seoul', 'Manila', 'Jakarta', 'Bangkok']
const ORDINAL = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`
const iso = (month: number, day: number) => `2024-${String(month + 4).padStart(2, '0')}-${String(day).padStart(2, '0')}`

interface WrittenEntry {
  startDate: string
  endDate: string
  paragraphs: string[]
  /** 1-based line of its day cell. */
  line: number
}

/** A sentence of plain words: prose to the parser, never a day or a heading. */
const sentence = fc
  .tuple(fc.constantFrom('The', 'A', 'Officials', 'Korea'), fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 12 }), fc.nat(999))
  .map(([first, words, n]) => `${first} ${words.join(' ')} ${n}.`)

/**
 * A chronology of April–June 2024 as an editor writes it: month headings, entries in date
 * order (several on a day, some over several days, some with a second paragraph on the next
 * line), and what it must read back as.
 */
const document = fc
  .array(
    fc.record({
      month: fc.integer({ min: 0, max: 2 }),
      day: fc.integer({ min: 1, max: 27 }),
      span: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 })),
      paragraphs: fc.array(sentence, { minLength: 1, maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((drawn) => {
    const sorted = [...drawn].sort((a, b) => a.month - b.month || a.day - b.day)
    const lines: string[] = []
    const entries: WrittenEntry[] = []
    let month = -1
    for (const e of sorted) {
      if (e.month !== month) {
        lines.push(`${MONTHS[e.month]} 2024`, '')
        month = e.month
      }
      const cell = e.span === 0 ? ORDINAL(e.day) : `${ORDINAL(e.day)} - ${ORDINAL(e.day + e.span)}`
      lines.push(`${cell}\t${e.paragraphs[0]}`)
      entries.push({ startDate: iso(e.month, e.day), endDate: iso(e.month, e.day + e.span), paragraphs: e.paragraphs, line: lines.length })
      lines.push(...e.paragraphs.slice(1))
    }
    return { text: lines.join('\n'), entries }
  })

describe('parseChronology on well-formed documents', () => {
  it('reads every entry, in the document’s order, with its dates and every word of its text', () => {
    fc.assert(
      fc.property(document, ({ text, entries }) => {
        const result = parse(text)
        expect(result.errors).toEqual([])
        expect(result.entries.map((e) => ({ line: e.line, startDate: e.startDate, endDate: e.endDate, paragraphs: e.paragraphs }))).toEqual(entries)
      }),
      { numRuns: 300 },
    )
  })

  it('keeps to the period: an entry starting outside it is an error on its line, one inside is read', () => {
    const day = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 30 })).map(([m, d]) => iso(m, Math.min(d, m === 1 ? 31 : 30)))
    fc.assert(
      fc.property(document, day, day, ({ text, entries }, a, b) => {
        const period = a <= b ? { start: a, end: b } : { start: b, end: a }
        const result = parse(text, period)
        const inside = entries.filter((e) => e.startDate >= period.start && e.startDate <= period.end)
        const outside = entries.filter((e) => !inside.includes(e))
        expect(result.entries.map((e) => e.line)).toEqual(inside.map((e) => e.line))
        for (const e of result.entries) {
          expect(e.startDate >= period.start && e.startDate <= period.end, `${e.startDate} in ${period.start}–${period.end}`).toBe(true)
        }
        expect(result.errors.map((e) => e.line)).toEqual(outside.map((e) => e.line))
        for (const error of result.errors) expect(error.message).toMatch(/(before|after) the chronology's period/)
      }),
      { numRuns: 300 },
    )
  })
})

describe('planImport on well-formed documents', () => {
  /** What the import stores for a plan: each planned entry with an id. */
  const store = (plan: ReturnType<typeof planImport>): StoredEntry[] =>
    plan.entries.map((e, i) => ({ id: i + 1, startDate: e.startDate, endDate: e.endDate, text: e.text, countries: e.countries, orderInDay: e.orderInDay }))

  it('imports every entry once, as new, numbering each day from 0 and keeping the document’s order on a day', () => {
    fc.assert(
      fc.property(document, ({ text }) => {
        const parsed = parse(text).entries
        const plan = planImport([], parsed)
        expect(plan.entries.map((e) => e.status)).toEqual(parsed.map(() => 'new'))
        expect(plan.entries.map((e) => e.text)).toEqual(parsed.map((e) => e.paragraphs.join('\n\n')))
        const byDay = new Map<string, typeof plan.entries>()
        for (const e of plan.entries) byDay.set(e.startDate, [...(byDay.get(e.startDate) ?? []), e])
        for (const [, onDay] of byDay) {
          expect(onDay.map((e) => e.orderInDay).sort((a, b) => a - b)).toEqual(onDay.map((_, i) => i))
          // Entries on the same days keep the order they have in the document.
          for (let i = 0; i < onDay.length; i++) {
            for (let j = i + 1; j < onDay.length; j++) {
              if (onDay[i].endDate === onDay[j].endDate) expect(onDay[i].orderInDay).toBeLessThan(onDay[j].orderInDay)
            }
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('importing the same document twice is importing it once: nothing new, nothing moved', () => {
    fc.assert(
      fc.property(document, ({ text }) => {
        const parsed = parse(text).entries
        const stored = store(planImport([], parsed))
        const again = planImport(stored, parsed)
        expect(again.entries.map((e) => [e.status, e.id, e.reordered])).toEqual(stored.map((s) => ['unchanged', s.id, false]))
        expect(again.entries.map((e) => e.orderInDay)).toEqual(stored.map((s) => s.orderInDay))
        expect(again.reorder).toEqual([])
        expect(again.kept).toEqual([])
        expect(again.notInDocument).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})
