import { StyleSheet, Text, View } from '@react-pdf/renderer'
import type { Style } from '@react-pdf/types'
import type { ChronologyEntryModel } from '@/issue/model'
import { formatDayCell, formatMonthHeading } from '@/chronology/dayCell'
import { itemDest } from '../contents'
import { Breakable, keepLastWord, printable, whole as keepWhole } from '../text'
import { BODY, COLOR, HYPHENATION_PENALTY, SANS } from '../theme'
import { SectionHead, type FlowSection } from './common'

/** The chronology: month headings, entries with their day cells, the sources note. */

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
    paddingTop: 4,
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
  // The day cell of an entry that may go on to the next page (see Entry): as tall as the row,
  // so that it goes on to the next page with it, where react-pdf sets it again (a render
  // prop); no lineHeight, which makes react-pdf drop a text set by a render prop.
  dayRepeated: DAY_CELL,
  event: { flex: 1 },
  presence: { height: 0 },
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

/**
 * The day cell of an entry that may go on to another page, as a render prop: react-pdf runs
 * it on each page the row reaches. While it paginates (no `totalPages` yet) the cell is
 * measured as the first one; in its last pass, page by page in order, the first page it is
 * run for is where the entry starts, and the pages after it print "(cont.)". One layout sets
 * both, where reading back which entries went on to another page took a second one.
 */
function dayCellPages(day: string): (page: { pageNumber: number; totalPages?: number }) => string {
  let first: number | undefined
  return ({ pageNumber, totalPages }) => {
    if (totalPages === undefined) return day
    if (first === undefined || pageNumber <= first) first = pageNumber
    return pageNumber > first ? `${day} (cont.)` : day
  }
}

/**
 * Whether some entry of these may go on to the next page with its day cell repeated there.
 * The repeat is a render prop in a row, which only react-pdf's legacy pagination splits: a
 * document with such an entry keeps it (see FlowSectionsDocument).
 */
export function repeatsDayCells(entries: readonly ChronologyEntryModel[]): boolean {
  return entries.some((entry) => !keptWhole(entry))
}

const keptWhole = (entry: ChronologyEntryModel) => roughLines(entry) <= KEEP_WHOLE_LINES

function Entry({ entry }: { entry: ChronologyEntryModel }) {
  const whole = keptWhole(entry)
  const day = dayCellText(entry)
  const row = (
    <View style={styles.entry} wrap={!whole}>
      {whole ? (
        <Text style={styles.day} hyphenationCallback={keepWhole}>
          {day}
        </Text>
      ) : (
        // An entry that goes on to the next page repeats its day cell there, marked "(cont.)".
        <Text style={styles.dayRepeated} hyphenationCallback={keepWhole} render={dayCellPages(day)} />
      )}
      {whole && entry.paragraphs.length === 1 ? (
        // One paragraph that never splits: the text is the event column (a node fewer to lay out).
        <Text style={[styles.event, styles.eventText]} hyphenationPenalty={HYPHENATION_PENALTY}>
          <Breakable text={keepLastWord(entry.paragraphs[0])} />
        </Text>
      ) : (
        <View style={styles.event}>
          {entry.paragraphs.map((text, i) => (
            // No entry leaves a single line alone at the top or bottom of a page.
            <Text key={i} style={styles.eventText} orphans={2} widows={2} hyphenationPenalty={HYPHENATION_PENALTY}>
              <Breakable text={keepLastWord(text)} />
            </Text>
          ))}
        </View>
      )}
    </View>
  )
  if (whole) return row
  // A long entry may split, but only starts where at least three of its lines fit, so its
  // day cell never sits alone at the foot of a page.
  return (
    <>
      <View style={styles.presence} minPresenceAhead={40} />
      {row}
    </>
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
