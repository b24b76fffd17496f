import type { ReactElement } from 'react'
import { Document, Image, Link, Page, StyleSheet, Text, View } from '@react-pdf/renderer'
import type { Style } from '@react-pdf/types'
import type { ChronologyEntryModel, HighlightModel, IssueModel, PublicationModel, SectionModel } from '@/issue/model'
import { formatDayCell, formatMonthHeading } from '@/chronology/dayCell'
import { itemDest, sectionDest } from './contents'
import { BodyBlock } from './Essays'
import { documentProps } from './meta'
import { Breakable, formatLongDate, joinNames, keepLastWord, printable, runsText, whole as keepWhole } from './text'
import { BODY, COLOR, CONTENT_WIDTH, HYPHENATION_PENALTY, MARGIN, PAGE, SANS, SERIF } from './theme'

/** Every section kind that is set full width on its own pages (all but the essays). */
export type FlowSection = Exclude<SectionModel, { kind: 'essays' }>

/** Chapters sit indented under their part heading. */
const CHAPTER_INDENT = 15

const styles = StyleSheet.create({
  page: {
    fontFamily: SERIF,
    color: COLOR.ink,
    paddingTop: MARGIN.top,
    paddingBottom: MARGIN.bottom,
    paddingLeft: MARGIN.left,
    paddingRight: MARGIN.right,
  },
  section: { marginBottom: 22 },
  sectionEnd: { height: 0, marginBottom: 22 },
  sectionHead: { marginBottom: 12 },
  sectionTitle: { fontFamily: SANS, fontWeight: 700, fontSize: 17, lineHeight: 1.2, color: COLOR.navy },
  sectionRule: { flexDirection: 'row', marginTop: 5 },
  sectionRuleAccent: { width: 44, borderTopWidth: 2.4, borderTopColor: COLOR.accent },
  sectionRuleRest: { flex: 1, borderTopWidth: 0.6, borderTopColor: COLOR.rule, marginTop: 0.9 },
  paragraph: { fontSize: BODY.fontSize, lineHeight: BODY.lineHeight, textAlign: 'justify', marginBottom: 5 },

  // Highlights
  highlight: { marginBottom: 14 },
  highlightEnd: { height: 0, marginBottom: 4 },
  highlightHead: { marginBottom: 6 },
  gridRow: { marginBottom: 14 },
  gridLine: { flexDirection: 'row' },
  gridHead: { marginBottom: 5 },
  gridTitle: { fontWeight: 700, fontSize: 9.8, lineHeight: 1.28, color: COLOR.navy },
  highlightTitle: { fontWeight: 700, fontSize: 11.5, lineHeight: 1.3, color: COLOR.navy },
  highlightDate: { fontFamily: SANS, fontSize: 7.2, letterSpacing: 0.4, color: COLOR.muted, marginTop: 1 },
  photoRow: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 10 },
  photoCell: {},
  photoCaption: { fontFamily: SANS, fontSize: 7.2, lineHeight: 1.38, color: '#39404b', marginTop: 4 },
  photoCue: { fontWeight: 700, color: COLOR.navy },

  // Publications
  book: { marginBottom: 16 },
  bookEnd: { height: 0, marginBottom: 16 },
  bookHead: { flexDirection: 'row', marginBottom: 9 },
  bookDetails: { flex: 1, marginLeft: 16 },
  bookKicker: { fontFamily: SANS, fontWeight: 700, fontSize: 6.8, letterSpacing: 0.4, color: COLOR.accent },
  bookTitle: { fontWeight: 700, fontSize: 14.5, lineHeight: 1.25, color: COLOR.navy, marginTop: 3 },
  bookTitleSmall: { fontWeight: 700, fontSize: 11.5, lineHeight: 1.28, color: COLOR.navy },
  bookSubtitle: { fontStyle: 'italic', fontSize: 10, lineHeight: 1.3, color: COLOR.ink, marginTop: 2 },
  bookEditors: { fontSize: 9, lineHeight: 1.35, marginTop: 6 },
  bookImprint: { fontFamily: SANS, fontSize: 7.8, lineHeight: 1.4, color: COLOR.muted, marginTop: 3 },
  bookMore: { fontSize: 8.6, lineHeight: 1.4, marginTop: 2 },
  link: { color: COLOR.link, textDecoration: 'none' },
  cover: { borderWidth: 0.5, borderColor: COLOR.rule },
  contents: { marginTop: 6, paddingTop: 8, borderTopWidth: 0.75, borderTopColor: COLOR.rule },
  contentsLabel: {
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 8,
    letterSpacing: 0.45,
    color: COLOR.navy,
    marginBottom: 2,
  },
  part: {
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 7.6,
    lineHeight: 1.3,
    letterSpacing: 0.35,
    color: COLOR.accent,
    marginTop: 7,
    marginBottom: 2,
  },
  contentsColumns: { flexDirection: 'row', justifyContent: 'space-between' },
  contentsColumn: { width: (CONTENT_WIDTH - 24) / 2 },
  chapter: { marginTop: 3, paddingLeft: CHAPTER_INDENT },
  chapterNo: { fontFamily: SANS, fontWeight: 700, color: COLOR.navy },
  chapterTitle: { fontSize: 8.6, lineHeight: 1.35 },
  chapterAuthors: { fontStyle: 'italic', fontSize: 8.2, lineHeight: 1.35, color: COLOR.muted },
  description: { marginTop: 7 },
  descriptionBlock: { marginBottom: 4 },

  // Chronology
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
    width: 84,
    paddingLeft: 6,
    paddingRight: 8,
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 8,
    lineHeight: 1.4,
    color: COLOR.navy,
  },
  event: { flex: 1 },
  presence: { height: 0 },
  eventText: { fontSize: 8.8, lineHeight: 1.4, textAlign: 'justify', marginBottom: 1.5 },
  sources: { marginTop: 12, paddingTop: 7, borderTopWidth: 0.75, borderTopColor: COLOR.navy },
  sourcesText: { fontSize: 7.8, lineHeight: 1.42, color: '#39404b', textAlign: 'justify', marginBottom: 3 },
})

/**
 * A section title never ends a page. Where what follows cannot break (a row of photos, a
 * book), the title is set in one unbreakable view with it (see Keep); where it can (text),
 * the title asks for room for its first lines (`presence`).
 */
function SectionHead({ title, sectionIndex, presence }: { title: string; sectionIndex: number; presence?: number }) {
  return (
    <View style={styles.sectionHead} id={sectionDest(sectionIndex)} {...(presence ? { minPresenceAhead: presence } : {})}>
      <Text style={styles.sectionTitle}>{printable(title)}</Text>
      <View style={styles.sectionRule}>
        <View style={styles.sectionRuleAccent} />
        <View style={styles.sectionRuleRest} />
      </View>
    </View>
  )
}

// ----- Highlights ------------------------------------------------------------------------

type Photo = HighlightModel['photos'][number]

const PHOTO_GAP = 14
const HERO_MAX_HEIGHT = 290
const ROW_MAX_HEIGHT = 230
/** Space between the cells of the grid of single-photo highlights. */
const GRID_GAP = 16

/** Rows of at most two photos, each row as wide as the page and photos uncropped. */
function photoRows(photos: readonly Photo[]): Photo[][] {
  const rows: Photo[][] = []
  let i = 0
  // An odd count opens with one large photo.
  if (photos.length % 2 === 1) rows.push([photos[i++]])
  while (i < photos.length) rows.push(photos.slice(i, (i += 2)))
  return rows
}

function PhotoCaption({ photo }: { photo: Photo }) {
  if (!photo.caption && !photo.positionCue) return null
  return (
    <Text style={styles.photoCaption}>
      {photo.positionCue ? <Text style={styles.photoCue}>{`${printable(photo.positionCue)} `}</Text> : null}
      <Breakable text={photo.caption} />
    </Text>
  )
}

function PhotoRow({ row }: { row: readonly Photo[] }) {
  const aspects = row.map((p) => p.image.width / p.image.height)
  const available = CONTENT_WIDTH - PHOTO_GAP * (row.length - 1)
  // One height for the row, so the photos line up top and bottom.
  const height = Math.min(available / aspects.reduce((a, b) => a + b, 0), row.length === 1 ? HERO_MAX_HEIGHT : ROW_MAX_HEIGHT)
  return (
    <View style={[styles.photoRow, row.length === 1 ? { justifyContent: 'center' } : {}]} wrap={false}>
      {row.map((photo, i) => {
        const width = height * aspects[i]
        return (
          <View key={i} style={[styles.photoCell, { width }]}>
            <Image src={photo.image.printPath} cache={false} style={{ width, height }} />
            <PhotoCaption photo={photo} />
          </View>
        )
      })}
    </View>
  )
}

function HighlightHead({ highlight, dest, small }: { highlight: HighlightModel; dest: string; small?: boolean }) {
  // A captioned photo group without a title or date: the section heading says what it is.
  if (!highlight.title && !highlight.eventDate) return <View id={dest} />
  return (
    <View style={small ? styles.gridHead : styles.highlightHead} id={dest}>
      {highlight.title ? (
        <Text style={small ? styles.gridTitle : styles.highlightTitle} hyphenationCallback={keepWhole}>
          {printable(highlight.title)}
        </Text>
      ) : null}
      {highlight.eventDate ? <Text style={styles.highlightDate}>{formatLongDate(highlight.eventDate).toUpperCase()}</Text> : null}
    </View>
  )
}

interface Cell {
  highlight: HighlightModel
  index: number
}

/** Columns of the grid of `n` single-photo highlights: two when that fills the rows, else three. */
export function gridColumns(n: number): number {
  return n === 2 || n === 4 ? 2 : 3
}

/**
 * One row of the grid: each highlight's title over its photo over its caption, in cells of
 * equal width. Titles, photos and captions are each set as a row, so that the photos line up
 * whatever the length of the titles; the whole row never breaks.
 */
function GridRow({ cells, columns, sectionIndex }: { cells: readonly Cell[]; columns: number; sectionIndex: number }) {
  const width = (CONTENT_WIDTH - GRID_GAP * (columns - 1)) / columns
  const photos = cells.map((c) => c.highlight.photos[0])
  const aspects = photos.map((p) => p.image.width / p.image.height)
  const height = Math.min(...aspects.map((a) => width / a), width * 0.8)
  const cell = (i: number) => ({ width, marginLeft: i === 0 ? 0 : GRID_GAP })
  // A short last row is centred under the full ones.
  const line = [styles.gridLine, cells.length < columns ? { justifyContent: 'center' as const } : {}]
  return (
    <View style={styles.gridRow} wrap={false}>
      <View style={[...line, { alignItems: 'flex-end' }]}>
        {cells.map((c, i) => (
          <View key={c.highlight.id} style={cell(i)}>
            <HighlightHead highlight={c.highlight} dest={itemDest(sectionIndex, c.index)} small />
          </View>
        ))}
      </View>
      <View style={line}>
        {cells.map((c, i) => (
          <View key={c.highlight.id} style={[cell(i), { alignItems: 'center' }]}>
            <Image src={photos[i].image.printPath} cache={false} style={{ width: height * aspects[i], height }} />
          </View>
        ))}
      </View>
      <View style={line}>
        {cells.map((c, i) => (
          <View key={c.highlight.id} style={cell(i)}>
            <PhotoCaption photo={photos[i]} />
          </View>
        ))}
      </View>
    </View>
  )
}

/**
 * Rows of the highlights, each one unbreakable: a run of highlights with one photo each is
 * set as a grid (two or three to a row, title above each photo); a highlight with several
 * photos gets its own rows, its title with the first of them.
 */
function highlightRows(section: Extract<FlowSection, { kind: 'highlights' }>, sectionIndex: number): ReactElement[] {
  const rows: ReactElement[] = []
  let run: Cell[] = []
  const flush = () => {
    if (run.length === 1) {
      const { highlight, index } = run[0]
      rows.push(
        <View key={highlight.id} style={styles.highlight} wrap={false}>
          <HighlightHead highlight={highlight} dest={itemDest(sectionIndex, index)} />
          <PhotoRow row={highlight.photos} />
        </View>,
      )
    } else if (run.length > 1) {
      const columns = gridColumns(run.length)
      for (let i = 0; i < run.length; i += columns) {
        const cells = run.slice(i, i + columns)
        rows.push(<GridRow key={cells[0].highlight.id} cells={cells} columns={columns} sectionIndex={sectionIndex} />)
      }
    }
    run = []
  }
  section.highlights.forEach((given, index) => {
    // One photo: the group's caption is that photo's caption.
    const highlight =
      given.photos.length === 1 && !given.photos[0].caption && given.caption
        ? { ...given, caption: undefined, photos: [{ ...given.photos[0], caption: given.caption }] }
        : given
    if (highlight.photos.length === 1) {
      run.push({ highlight, index })
      return
    }
    flush()
    const photoRowsOf = photoRows(highlight.photos)
    // One caption for the group goes under its last row of photos, and travels with it.
    const groupCaption = highlight.caption ? <Text style={styles.photoCaption}>{printable(highlight.caption)}</Text> : null
    const [first, ...rest] = photoRowsOf
    rows.push(
      // The title travels with the first row of photos.
      <View key={highlight.id} wrap={false}>
        <HighlightHead highlight={highlight} dest={itemDest(sectionIndex, index)} />
        {first ? <PhotoRow row={first} /> : null}
        {rest.length === 0 ? groupCaption : null}
      </View>,
    )
    rest.forEach((row, r) =>
      rows.push(
        <View key={`${highlight.id}-${r}`} wrap={false}>
          <PhotoRow row={row} />
          {r === rest.length - 1 ? groupCaption : null}
        </View>,
      ),
    )
    rows.push(<View key={`${highlight.id}-end`} style={styles.highlightEnd} />)
  })
  flush()
  return rows
}

function Highlights({ section, sectionIndex }: { section: Extract<FlowSection, { kind: 'highlights' }>; sectionIndex: number }) {
  const [first, ...rest] = highlightRows(section, sectionIndex)
  return (
    <View style={styles.section}>
      <View wrap={false}>
        <SectionHead title={section.title} sectionIndex={sectionIndex} />
        {first}
      </View>
      {rest}
    </View>
  )
}

// ----- Publications ----------------------------------------------------------------------

function imprint(p: PublicationModel): string {
  return [p.publisher, p.place, String(p.year)].filter((s) => s && s.trim() !== '').join(', ')
}

function editorsLine(p: PublicationModel): string {
  if (p.editors.length === 0) return ''
  return `${p.editors.length > 1 ? 'Editors' : 'Editor'}: ${joinNames(p.editors)}`
}

function Cover({ publication, width, maxHeight }: { publication: PublicationModel; width: number; maxHeight: number }) {
  const cover = publication.cover
  if (!cover) return null
  let w = width
  let h = (width * cover.height) / cover.width
  if (h > maxHeight) {
    w = (w * maxHeight) / h
    h = maxHeight
  }
  return <Image src={cover.printPath} cache={false} style={[styles.cover, { width: w, height: h }]} />
}

/** Parts split into two columns of about equal length (parts are never split). */
function balanceParts(contents: PublicationModel['contents']): [PublicationModel['contents'], PublicationModel['contents']] {
  const weight = (part: PublicationModel['contents'][number]) => part.chapters.length + (part.title ? 1.5 : 0)
  const total = contents.reduce((n, part) => n + weight(part), 0)
  let left = 0
  let split = 0
  while (split < contents.length && left + weight(contents[split]) / 2 <= total / 2) left += weight(contents[split++])
  return [contents.slice(0, split), contents.slice(split)]
}

function ContentsPart({ part }: { part: PublicationModel['contents'][number] }) {
  return (
    <View wrap={false}>
      {part.title ? (
        <Text style={styles.part} hyphenationCallback={keepWhole}>
          {printable(part.title).toUpperCase()}
        </Text>
      ) : null}
      {part.chapters.map((chapter, c) => (
        // Number and title in one text, so extractors keep them together.
        <View key={`${c}-${chapter.title}`} style={styles.chapter} wrap={false}>
          <Text style={styles.chapterTitle}>
            {/* Front and back matter ("Contributors") are unnumbered. */}
            {chapter.number !== undefined ? <Text style={styles.chapterNo}>{`${chapter.number}\u2002`}</Text> : null}
            {printable(chapter.title)}
          </Text>
          {chapter.authors.length > 0 ? (
            <Text style={styles.chapterAuthors}>{printable(joinNames(chapter.authors))}</Text>
          ) : null}
        </View>
      ))}
    </View>
  )
}

function ContentsColumn({ parts }: { parts: PublicationModel['contents'] }) {
  return (
    <View style={styles.contentsColumn}>
      {parts.map((part, p) => (
        <ContentsPart key={p} part={part} />
      ))}
    </View>
  )
}

function Contents({ publication }: { publication: PublicationModel }) {
  if (publication.contents.length === 0) return null
  const chapters = publication.contents.reduce((n, part) => n + part.chapters.length, 0)
  const [left, right] = balanceParts(publication.contents)
  const label = <Text style={styles.contentsLabel}>CONTENTS</Text>
  // Up to a page's worth of chapters sits in two columns that stay together; a longer list
  // runs down the page in one, its label kept with the first part.
  if (chapters <= 24 && right.length > 0) {
    return (
      <View style={styles.contents} wrap={false}>
        {label}
        <View style={styles.contentsColumns}>
          <ContentsColumn parts={left} />
          <ContentsColumn parts={right} />
        </View>
      </View>
    )
  }
  const [first, ...rest] = publication.contents
  return (
    <View style={styles.contents}>
      <View wrap={false}>
        {label}
        <ContentsColumn parts={[first]} />
      </View>
      <ContentsColumn parts={rest} />
    </View>
  )
}

function BookFacts({ publication, titleStyle }: { publication: PublicationModel; titleStyle: Style }) {
  return (
    <>
      <Text style={titleStyle} hyphenationCallback={keepWhole}>
        {printable(publication.title)}
      </Text>
      {publication.subtitle ? (
        <Text style={styles.bookSubtitle} hyphenationCallback={keepWhole}>
          {printable(publication.subtitle)}
        </Text>
      ) : null}
      {publication.editors.length > 0 ? <Text style={styles.bookEditors}>{printable(editorsLine(publication))}</Text> : null}
      <Text style={styles.bookImprint}>{printable(imprint(publication))}</Text>
      {publication.isbn ? <Text style={styles.bookImprint}>{`ISBN ${printable(publication.isbn)}`}</Text> : null}
    </>
  )
}

function Description({ publication }: { publication: PublicationModel }) {
  return (
    <View style={styles.description}>
      {publication.description.map((block, i) => (
        <View key={i} style={styles.descriptionBlock}>
          <BodyBlock block={block} />
        </View>
      ))}
    </View>
  )
}

function MoreDetails({ url }: { url?: string }) {
  if (!url) return null
  return (
    <Text style={styles.bookMore}>
      {'For more details, visit '}
      <Link src={url} style={styles.link}>
        <Breakable text={url} />
      </Link>
    </Text>
  )
}

/** Rough height of a book's details beside its cover: to tell whether they can be kept in one piece. */
function roughDetailsHeight(publication: PublicationModel): number {
  const chars = publication.description.reduce((n, block) => n + (block.type === 'paragraph' ? runsText(block.runs).length : 200), 0)
  return 110 + (chars / 60) * BODY.fontSize * BODY.lineHeight + publication.description.length * 9
}

/** Books whose head (cover and details) is at most this tall keep it, and their section title, in one piece. */
const KEEP_BOOK_HEAD = PAGE.height - MARGIN.top - MARGIN.bottom - 120

function Forthcoming({
  publication,
  sectionIndex,
  index,
  lead,
}: {
  publication: PublicationModel
  sectionIndex: number
  index: number
  /** The section title, set in one piece with the book's head. */
  lead?: ReactElement
}) {
  const whole = roughDetailsHeight(publication) <= KEEP_BOOK_HEAD
  const head = (
    <View style={styles.bookHead} id={itemDest(sectionIndex, index)} wrap={!whole}>
      <Cover publication={publication} width={150} maxHeight={225} />
      <View style={styles.bookDetails}>
        <Text style={styles.bookKicker}>FORTHCOMING</Text>
        <BookFacts publication={publication} titleStyle={styles.bookTitle} />
        <Description publication={publication} />
        <MoreDetails url={publication.url} />
      </View>
    </View>
  )
  // No wrapping view: react-pdf keeps a view whose first child moves to the next page in one
  // piece (squeezed into what is left of the page) when nothing precedes it in its parent.
  return (
    <>
      {lead && whole ? (
        <View wrap={false}>
          {lead}
          {head}
        </View>
      ) : (
        <>
          {lead}
          {head}
        </>
      )}
      <Contents publication={publication} />
      <View style={styles.bookEnd} />
    </>
  )
}

function Recent({
  publication,
  sectionIndex,
  index,
  lead,
}: {
  publication: PublicationModel
  sectionIndex: number
  index: number
  lead?: ReactElement
}) {
  const book = (
    <View style={[styles.book, styles.bookHead]} wrap={false} id={itemDest(sectionIndex, index)}>
      <Cover publication={publication} width={92} maxHeight={140} />
      <View style={styles.bookDetails}>
        <BookFacts publication={publication} titleStyle={styles.bookTitleSmall} />
        <Description publication={publication} />
        <MoreDetails url={publication.url} />
      </View>
    </View>
  )
  if (!lead) return book
  return (
    <View wrap={false}>
      {lead}
      {book}
    </View>
  )
}

// ----- Chronology ------------------------------------------------------------------------

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

function Entry({ entry }: { entry: ChronologyEntryModel }) {
  const whole = roughLines(entry) <= KEEP_WHOLE_LINES
  const row = (
    <View style={styles.entry} wrap={!whole}>
      <Text style={styles.day} hyphenationCallback={keepWhole}>
        {dayCellText(entry)}
      </Text>
      <View style={styles.event}>
        {entry.paragraphs.map((text, i) => (
          // No entry leaves a single line alone at the top or bottom of a page.
          <Text key={i} style={styles.eventText} orphans={2} widows={2} hyphenationPenalty={HYPHENATION_PENALTY}>
            <Breakable text={keepLastWord(text)} />
          </Text>
        ))}
      </View>
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

function Chronology({ section, sectionIndex, part }: FlowSectionRef & { section: Extract<FlowSection, { kind: 'chronology' }> }) {
  const { chronology } = section
  const groups = monthGroups(chronology.entries)
  const head = part?.head ?? true
  const foot = part?.foot ?? true
  // No wrapping view (see Forthcoming): its first child moving to the next page would take
  // the whole chronology with it, leaving the rest of the page empty.
  return (
    <>
      {/* Section title and chronology title in one piece, with room for what follows. */}
      {head ? <View wrap={false} minPresenceAhead={chronology.intro.length > 0 ? 40 : monthPresence(groups[0])}>
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
      </View> : null}
      {head && chronology.intro.length > 0 ? (
        <View style={styles.chronoIntro}>
          {chronology.intro.map((text, i) => (
            <Text key={i} style={styles.paragraph} orphans={2} widows={2} hyphenationPenalty={HYPHENATION_PENALTY}>
              <Breakable text={keepLastWord(text)} />
            </Text>
          ))}
        </View>
      ) : null}
      {groups.map((group, i) => {
        const [first, ...rest] = group.entries
        // A month heading never ends a page: it is bound to its first entry (when that entry
        // is of a size that can always move whole), or else asks for room ahead of it.
        const bind = roughLines(first) <= KEEP_WHOLE_LINES
        // A part of the chronology that goes on with the month the part before ended in.
        const continued = i === 0 && part?.continuedMonth === group.heading
        return (
          <View key={group.heading}>
            {continued ? (
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
      {foot && chronology.sourcesNote.length > 0 ? (
        <View style={styles.sources}>
          {chronology.sourcesNote.map((text, i) => (
            <Text key={i} style={styles.sourcesText} orphans={2} widows={2} hyphenationPenalty={HYPHENATION_PENALTY}>
              <Breakable text={keepLastWord(text)} />
            </Text>
          ))}
        </View>
      ) : null}
      {foot ? <View style={styles.sectionEnd} /> : null}
    </>
  )
}

// ----- The document ----------------------------------------------------------------------

export interface FlowSectionRef {
  section: FlowSection
  sectionIndex: number
  /**
   * Set when the renderer sets a long chronology in parts (src/render/pdf): whether this part
   * holds the chronology's head and its foot, and the month the part before ended in.
   */
  part?: { head: boolean; foot: boolean; continuedMonth?: string }
}

function FlowSectionView({ section, sectionIndex, part }: FlowSectionRef) {
  switch (section.kind) {
    case 'highlights':
      return <Highlights section={section} sectionIndex={sectionIndex} />
    case 'forthcoming':
    case 'recent':
      return (
        <View style={styles.section}>
          {section.publications.length === 0 ? <SectionHead title={section.title} sectionIndex={sectionIndex} /> : null}
          {section.publications.map((publication, i) => {
            // The section title goes with the first book.
            const lead = i === 0 ? <SectionHead title={section.title} sectionIndex={sectionIndex} presence={120} /> : undefined
            return section.kind === 'forthcoming' ? (
              <Forthcoming key={publication.id} publication={publication} sectionIndex={sectionIndex} index={i} lead={lead} />
            ) : (
              <Recent key={publication.id} publication={publication} sectionIndex={sectionIndex} index={i} lead={lead} />
            )
          })}
        </View>
      )
    case 'chronology':
      return <Chronology section={section} sectionIndex={sectionIndex} part={part} />
  }
}

/**
 * Full-width sections on A4 pages (the frame adds the running footer afterwards).
 * `offsetTop` keeps the top of the first page free below the margin: the compositor sets the
 * sections there under the balanced columns of the essays' last page, and crops that strip.
 */
export function FlowSectionsDocument({
  model,
  sections,
  offsetTop = 0,
  endMarker,
}: {
  model: IssueModel
  sections: readonly FlowSectionRef[]
  offsetTop?: number
  /** A named destination where the sections end, for the renderer to set the next part below. */
  endMarker?: string
}) {
  return (
    <Document {...documentProps(model)}>
      <Page size={[PAGE.width, PAGE.height]} style={styles.page}>
        {offsetTop > 0 ? <View style={{ height: offsetTop }} /> : null}
        {sections.map((ref) => (
          <FlowSectionView key={ref.sectionIndex} {...ref} />
        ))}
        {endMarker ? <View id={endMarker} /> : null}
      </Page>
    </Document>
  )
}
