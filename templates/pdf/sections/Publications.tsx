import type { ReactElement } from 'react'
import { Image, Link, StyleSheet, Text, View } from '@react-pdf/renderer'
import type { Style } from '@react-pdf/types'
import type { PublicationModel } from '@/issue/model'
import { itemDest } from '../contents'
import { BodyBlock } from '../Essays'
import { Breakable, joinNames, printable, runsText, whole as keepWhole } from '../text'
import { printSource } from '../printSource'
import { BODY, COLOR, CONTENT_WIDTH, MARGIN, PAGE, SANS } from '../theme'
import { common, SectionHead, type FlowSection } from './common'

/** Books: the forthcoming book with its cover, description and contents; recent books. */

/** Chapters sit indented under their part heading. */
const CHAPTER_INDENT = 15

const styles = StyleSheet.create({
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
})

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
  return <Image src={printSource(cover.printPath)} style={[styles.cover, { width: w, height: h }]} />
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

/**
 * A book's head: its cover beside its details (kicker, title and facts, description, link).
 * Forthcoming and recent books differ only in sizes and in the kicker.
 */
function BookHead({
  publication,
  id,
  style,
  wrap,
  cover,
  kicker,
  titleStyle,
}: {
  publication: PublicationModel
  id: string
  style: Style | Style[]
  wrap: boolean
  cover: { width: number; maxHeight: number }
  kicker?: string
  titleStyle: Style
}) {
  return (
    <View style={style} id={id} wrap={wrap}>
      <Cover publication={publication} width={cover.width} maxHeight={cover.maxHeight} />
      <View style={styles.bookDetails}>
        {kicker ? <Text style={styles.bookKicker}>{kicker}</Text> : null}
        <BookFacts publication={publication} titleStyle={titleStyle} />
        <Description publication={publication} />
        <MoreDetails url={publication.url} />
      </View>
    </View>
  )
}

/** The section title (`lead`) and what follows it, in one unbreakable piece when `keep`. */
function WithLead({ lead, keep, children }: { lead?: ReactElement; keep: boolean; children: ReactElement }) {
  if (lead && keep) {
    return (
      <View wrap={false}>
        {lead}
        {children}
      </View>
    )
  }
  return (
    <>
      {lead}
      {children}
    </>
  )
}

interface BookProps {
  publication: PublicationModel
  sectionIndex: number
  index: number
  /** The section title, set in one piece with the book's head. */
  lead?: ReactElement
}

function Forthcoming({ publication, sectionIndex, index, lead }: BookProps) {
  const whole = roughDetailsHeight(publication) <= KEEP_BOOK_HEAD
  // No wrapping view: react-pdf keeps a view whose first child moves to the next page in one
  // piece (squeezed into what is left of the page) when nothing precedes it in its parent.
  return (
    <>
      <WithLead lead={lead} keep={whole}>
        <BookHead
          publication={publication}
          id={itemDest(sectionIndex, index)}
          style={styles.bookHead}
          wrap={!whole}
          cover={{ width: 150, maxHeight: 225 }}
          kicker="FORTHCOMING"
          titleStyle={styles.bookTitle}
        />
      </WithLead>
      <Contents publication={publication} />
      <View style={styles.bookEnd} />
    </>
  )
}

function Recent({ publication, sectionIndex, index, lead }: BookProps) {
  return (
    <WithLead lead={lead} keep>
      <BookHead
        publication={publication}
        id={itemDest(sectionIndex, index)}
        style={[styles.book, styles.bookHead]}
        wrap={false}
        cover={{ width: 92, maxHeight: 140 }}
        titleStyle={styles.bookTitleSmall}
      />
    </WithLead>
  )
}

/** A section of books, forthcoming or recent: the section title goes with the first book. */
export function Publications({
  section,
  sectionIndex,
}: {
  section: Extract<FlowSection, { kind: 'forthcoming' | 'recent' }>
  sectionIndex: number
}) {
  return (
    <View style={common.section}>
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
}
