import type { ReactElement } from 'react'
import { Image, StyleSheet, Text, View } from '@react-pdf/renderer'
import type { HighlightModel } from '@/issue/model'
import { itemDest } from '../contents'
import { Breakable, formatLongDate, printable, whole as keepWhole } from '../text'
import { printSource } from '../printSource'
import { COLOR, CONTENT_WIDTH, SANS } from '../theme'
import { common, SectionHead, type FlowSection } from './common'

/** The highlights: captioned photos of the Centre's events, in rows and grids. */

const styles = StyleSheet.create({
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
})

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
            <Image src={printSource(photo.image.printPath)} style={{ width, height }} />
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
            <Image src={printSource(photos[i].image.printPath)} style={{ width: height * aspects[i], height }} />
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

export function Highlights({ section, sectionIndex }: { section: Extract<FlowSection, { kind: 'highlights' }>; sectionIndex: number }) {
  const [first, ...rest] = highlightRows(section, sectionIndex)
  return (
    <View style={common.section}>
      <View wrap={false}>
        <SectionHead title={section.title} sectionIndex={sectionIndex} />
        {first}
      </View>
      {rest}
    </View>
  )
}
