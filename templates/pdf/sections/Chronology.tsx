import { StyleSheet, Text, View } from '@react-pdf/renderer'
import type { Style } from '@react-pdf/types'
import type { ChronologyEntryModel } from '@/issue/model'
import { formatDayCell, formatMonthHeading } from '@/chronology/dayCell'
import { itemDest } from '../contents'
import { Breakable, keepLastWord, printable, whole as keepWhole } from '../text'
import { BODY, COLOR, CONTENT_WIDTH, HYPHENATION_PENALTY, SANS } from '../theme'
import { PRINT_MARKS } from '../printMarks'
import { SectionHead, type FlowSection } from './common'

/** The chronology: month headings, entries with their day cells, the sources note. */

/** Space above an entry's first line, inside the rule above it. */
const ENTRY_PADDING_TOP = 4

/** The day cell's type and box, first or repeated. */
const DAY_CELL = { width: 84, paddingLeft: 6, paddingRight: 8, fontFamily: SANS, fontWeight: 700, fontSize: 8, color: COLOR.navy } as const

const styles = StyleSheet.create({
  sectionEnd: { height: 0, marginBottom: 22 },
  paragraph: { fontSize: BODY.fontSize, lineHeight: BODY.lineHeight, textAlign: 'justify', marginBottom: 5 },
  chronoTitle: { fontFamily: SANS, fontWeight: 700, fontSize: 13.5, lineHeight: 1.25, color: COLOR.ink },
  chronoPeriod: { fontFamily: SANS, fontWeight: 700, fontSize: 9, lineHeight: 1.3, color: COLOR.accent, marginTop: 3 },
  chronoCompiler: { fontSize: 9, lineHeight: 1.35, marginTop: 6 },
  chronoAffiliation: { fontStyle: 'italic', fontSize: 8.2, lineHeight: 1.35, color: COLOR.muted },
  chronoIntro: { marginTop: 8, marginBottom: 4 },
  month: {
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 9.5,
    letterSpacing: 0.5,
    color: COLOR.white,
    backgroundColor: COLOR.navy,
    paddingTop: 3.5,
    paddingBottom: 2.5,
    paddingLeft: 6,
    marginTop: 10,
  },
  entry: {
    flexDirection: 'row',
    paddingTop: ENTRY_PADDING_TOP,
    paddingBottom: 3,
    borderBottomWidth: 0.4,
    borderBottomColor: COLOR.rule,
  },
  day: {
    // Only as tall as its own lines: stretched to the row's height, react-pdf split the day
    // cell with the row and, its lines being fewer than orphans and widows allow, moved them
    // all to the next page beside the tail of the entry.
    alignSelf: 'flex-start',
    ...DAY_CELL,
    lineHeight: 1.4,
  },
  // The day cell where a long entry starts (see LongEntry): only as tall as its lines, like
  // `day`, so that a page break across the row leaves it whole beside the entry's first lines.
  dayOfLong: { alignSelf: 'flex-start', ...DAY_CELL },
  // The repeat rides in the event column (which repeats what is fixed in it on every page it
  // reaches), laid over the day cell's column.
  dayContinued: { position: 'absolute', top: 0, left: -DAY_CELL.width, width: DAY_CELL.width },
  dayContinuedText: DAY_CELL,
  // Where the entry goes on, the row holds only the event column: as wide as beside the day
  // cell, at the right, so that its lines keep their measure and place. The space above the
  // entry is its cells' margin, not its padding: react-pdf may break a page after a box's
  // padding (leaving the entry to go on, unpadded, at the top of the next page), never
  // inside a margin.
  longEntry: { justifyContent: 'flex-end', paddingTop: 0 },
  longEntryTop: { marginTop: ENTRY_PADDING_TOP },
  longEvent: { width: CONTENT_WIDTH - DAY_CELL.width },
  event: { flex: 1 },
  eventText: { fontSize: 8.8, lineHeight: 1.4, textAlign: 'justify', marginBottom: 1.5 },
  sources: { marginTop: 12, paddingTop: 7, borderTopWidth: 0.75, borderTopColor: COLOR.navy },
  sourcesText: { fontSize: 7.8, lineHeight: 1.42, color: '#39404b', textAlign: 'justify', marginBottom: 3 },
})

/** Lines an entry takes, roughly (about 90 characters a line at this width). */
function roughLines(entry: ChronologyEntryModel): number {
  return entry.paragraphs.reduce((n, p) => n + Math.ceil(p.length / 90), 0)
}

/** Entries up to this many lines move to the next page whole rather than split. */
const KEEP_WHOLE_LINES = 6

/**
 * The day cell as printed: a date never breaks inside ("29th June – 4th July" may break only
 * at the dash), so the spaces within each date are no-break spaces.
 */
export function dayCellText(entry: ChronologyEntryModel): string {
  return formatDayCell(entry.startDate, entry.endDate)
    .split(' – ')
    .map((date) => date.replace(/ /g, '\u00a0'))
    .join(' – ')
}

const keptWhole = (entry: ChronologyEntryModel) => roughLines(entry) <= KEEP_WHOLE_LINES

/** A paragraph of an entry's event column. No entry leaves a single line alone at the top or bottom of a page. */
function EventParagraph({ text, opens = false }: { text: string; opens?: boolean }) {
  // The paragraph that opens a long entry: the space above the entry is its margin (see
  // longEntry), and the entry starts only where three of its lines fit, so that its day cell
  // never stands at the foot of a page beside a line or two.
  return (
    <Text style={opens ? [styles.eventText, styles.longEntryTop] : styles.eventText} orphans={opens ? 3 : 2} widows={2} hyphenationPenalty={HYPHENATION_PENALTY}>
      <Breakable text={keepLastWord(text)} />
    </Text>
  )
}

/**
 * An entry that may go on to the next page: a row that react-pdf may cut across, with its
 * day cell repeated, marked "(cont.)", where it goes on. The repeat is fixed in the event
 * column, after the first paragraph: on the page where the entry starts it is reached only
 * when that paragraph ended there, and is then taken off after layout (PRINT_MARKS.entryStart
 * and entryContinued, src/render/pdf/continued.ts); where the entry goes on, it heads the
 * column. Were it first in the column, a page with room for the cell and no line of the
 * entry would end with the cell alone.
 */
function LongEntry({ entry, day }: { entry: ChronologyEntryModel; day: string }) {
  const [first, ...rest] = entry.paragraphs
  return (
    <View style={[styles.entry, styles.longEntry]}>
      <Text style={[styles.dayOfLong, styles.longEntryTop]} hyphenationCallback={keepWhole} {...{ [PRINT_MARKS.entryStart]: entry.id }}>
        {day}
      </Text>
      <View style={styles.longEvent}>
        <EventParagraph text={first ?? ''} opens />
        <View fixed style={styles.dayContinued} {...{ [PRINT_MARKS.entryContinued]: entry.id }}>
          <Text style={styles.dayContinuedText} hyphenationCallback={keepWhole}>{`${day} (cont.)`}</Text>
        </View>
        {rest.map((text, i) => (
          <EventParagraph key={i} text={text} />
        ))}
      </View>
    </View>
  )
}

function Entry({ entry }: { entry: ChronologyEntryModel }) {
  const day = dayCellText(entry)
  if (!keptWhole(entry)) return <LongEntry entry={entry} day={day} />
  return (
    <View style={styles.entry} wrap={false}>
      <Text style={styles.day} hyphenationCallback={keepWhole}>
        {day}
      </Text>
      {entry.paragraphs.length === 1 ? (
        // One paragraph: the text is the event column (a node fewer to lay out).
        <Text style={[styles.event, styles.eventText]} hyphenationPenalty={HYPHENATION_PENALTY}>
          <Breakable text={keepLastWord(entry.paragraphs[0])} />
        </Text>
      ) : (
        <View style={styles.event}>
          {entry.paragraphs.map((text, i) => (
            <EventParagraph key={i} text={text} />
          ))}
        </View>
      )}
    </View>
  )
}

function monthGroups(entries: readonly ChronologyEntryModel[]) {
  // The model promises date order; a stable sort keeps that promise if an import slipped.
  const sorted = [...entries].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a.orderInDay - b.orderInDay,
  )
  const groups: Array<{ heading: string; entries: ChronologyEntryModel[] }> = []
  for (const entry of sorted) {
    const heading = formatMonthHeading(entry.startDate)
    const last = groups[groups.length - 1]
    if (last && last.heading === heading) last.entries.push(entry)
    else groups.push({ heading, entries: [entry] })
  }
  return groups
}

/** Room a month's heading needs below it: the heading and its first entry, or a few of its lines. */
function monthPresence(group: { entries: ChronologyEntryModel[] } | undefined): number {
  const first = group?.entries[0]
  if (!first) return 40
  const lines = roughLines(first)
  return 30 + (lines <= KEEP_WHOLE_LINES ? lines * 12.4 + 9 : 60)
}

/** The intro or the sources note: justified paragraphs in their box, nothing when there are none. */
function Paragraphs({ texts, boxStyle, textStyle }: { texts: readonly string[]; boxStyle: Style; textStyle: Style }) {
  if (texts.length === 0) return null
  return (
    <View style={boxStyle}>
      {texts.map((text, i) => (
        <Text key={i} style={textStyle} orphans={2} widows={2} hyphenationPenalty={HYPHENATION_PENALTY}>
          <Breakable text={keepLastWord(text)} />
        </Text>
      ))}
    </View>
  )
}

/**
 * Set when the renderer sets a long chronology in parts (src/render/pdf): whether this part
 * holds the chronology's head and its foot, and the month the part before ended in.
 */
export interface ChronologyPart {
  head: boolean
  foot: boolean
  continuedMonth?: string
}

export function Chronology({
  section,
  sectionIndex,
  part,
}: {
  section: Extract<FlowSection, { kind: 'chronology' }>
  sectionIndex: number
  part?: ChronologyPart
}) {
  const { chronology } = section
  const groups = monthGroups(chronology.entries)
  const head = part?.head ?? true
  const foot = part?.foot ?? true
  // No wrapping view (see Forthcoming): its first child moving to the next page would take
  // the whole chronology with it, leaving the rest of the page empty.
  return (
    <>
      {/* Section title and chronology title in one piece, with room for what follows. */}
      {head ? (
        <View wrap={false} minPresenceAhead={chronology.intro.length > 0 ? 40 : monthPresence(groups[0])}>
          <SectionHead title={section.title} sectionIndex={sectionIndex} />
          <View id={itemDest(sectionIndex, 0)}>
            <Text style={styles.chronoTitle}>{printable(chronology.title)}</Text>
            <Text style={styles.chronoPeriod}>
              {`${formatMonthHeading(chronology.periodStart)} to ${formatMonthHeading(chronology.periodEnd)}`}
            </Text>
            <Text style={styles.chronoCompiler}>{printable(`Compiled by ${chronology.compiler}`)}</Text>
            {chronology.compilerAffiliation ? (
              <Text style={styles.chronoAffiliation}>{printable(chronology.compilerAffiliation)}</Text>
            ) : null}
          </View>
        </View>
      ) : null}
      {head ? <Paragraphs texts={chronology.intro} boxStyle={styles.chronoIntro} textStyle={styles.paragraph} /> : null}
      {groups.map((group, i) => {
        const [first, ...rest] = group.entries
        // A month heading never ends a page: it is bound to its first entry (when that entry
        // is of a size that can always move whole), or else asks for room ahead of it.
        const bind = roughLines(first) <= KEEP_WHOLE_LINES
        // A part of the chronology that goes on with the month the part before ended in.
        const goesOn = i === 0 && part?.continuedMonth === group.heading
        return (
          <View key={group.heading}>
            {goesOn ? (
              <Entry entry={first} />
            ) : bind ? (
              <View wrap={false}>
                <Text style={styles.month}>{group.heading.toUpperCase()}</Text>
                <Entry entry={first} />
              </View>
            ) : (
              <>
                <Text style={styles.month} minPresenceAhead={60}>
                  {group.heading.toUpperCase()}
                </Text>
                <Entry entry={first} />
              </>
            )}
            {rest.map((entry) => (
              <Entry key={entry.id} entry={entry} />
            ))}
          </View>
        )
      })}
      {foot ? <Paragraphs texts={chronology.sourcesNote} boxStyle={styles.sources} textStyle={styles.sourcesText} /> : null}
      {foot ? <View style={styles.sectionEnd} /> : null}
    </>
  )
}
