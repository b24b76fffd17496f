import { Fragment } from 'react'
import { Document, Image, Page, StyleSheet, Text, View } from '@react-pdf/renderer'
import type { Block, EssayModel, IssueModel, SectionModel } from '@/issue/model'
import { itemDest, sectionDest } from './contents'
import { documentProps } from './meta'
import { Breakable, Runs, keepLastWordOfRuns, printable, whole } from './text'
import { printSource } from './printSource'
import { BODY, COLOR, COLUMN, FAMILY, HYPHENATION_PENALTY, SANS, SERIF } from './theme'

type EssaysSection = Extract<SectionModel, { kind: 'essays' }>

/** Type sizes of a pull quote, by the essay's `pullQuoteSize` layout choice. */
export const PULL_QUOTE_SIZE = { medium: 10.8, large: 13.2 } as const
export type PullQuoteSize = keyof typeof PULL_QUOTE_SIZE

/** Space above a figure. */
const FIGURE_MARGIN_TOP = 6

/** Space above the rule between two essays. */
const ESSAY_GAP = 16

/** The header rule with its white above and below (see styles.headerRule). */
const HEADER_RULE_BAND = 9 + 1.5 + 9

const styles = StyleSheet.create({
  page: { fontFamily: SERIF, color: COLOR.ink },
  essay: {},
  nextEssay: { marginTop: ESSAY_GAP, paddingTop: 12, borderTopWidth: 0.75, borderTopColor: COLOR.rule },
  kicker: {
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 6.8,
    letterSpacing: 0.4,
    color: COLOR.accent,
    marginBottom: 4,
  },
  title: { fontFamily: SANS, fontWeight: 700, fontSize: 15.5, lineHeight: 1.2, color: COLOR.navy },
  standfirst: { fontStyle: 'italic', fontSize: 10, lineHeight: 1.38, color: COLOR.muted, marginTop: 6 },
  byline: { marginTop: 8 },
  author: { fontFamily: SANS, fontWeight: 700, fontSize: 9, lineHeight: 1.3, color: COLOR.ink },
  affiliation: { fontStyle: 'italic', fontSize: 7.8, lineHeight: 1.35, color: COLOR.muted },
  headerRule: { marginTop: 9, marginBottom: 9, width: 34, borderTopWidth: 1.5, borderTopColor: COLOR.accent },
  paragraph: { fontSize: BODY.fontSize, lineHeight: BODY.lineHeight, textAlign: 'justify' },
  indented: { textIndent: 11 },
  heading2: {
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 10,
    lineHeight: 1.3,
    color: COLOR.navy,
    marginTop: 9,
    marginBottom: 3,
  },
  heading3: {
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 9.2,
    lineHeight: 1.3,
    color: COLOR.ink,
    marginTop: 7,
    marginBottom: 2,
  },
  heading4: { fontWeight: 700, fontStyle: 'italic', fontSize: 9.2, lineHeight: 1.3, marginTop: 6, marginBottom: 1 },
  quote: {
    marginTop: 5,
    marginBottom: 6,
    marginLeft: 6,
    paddingLeft: 8,
    borderLeftWidth: 1.5,
    borderLeftColor: COLOR.rule,
  },
  quoteText: { fontSize: 8.6, lineHeight: 1.42, color: '#333a44', textAlign: 'justify' },
  list: { marginTop: 3, marginBottom: 4 },
  listItem: { flexDirection: 'row', marginBottom: 2 },
  listMarker: { width: 14, fontSize: BODY.fontSize, lineHeight: BODY.lineHeight, color: COLOR.muted },
  listText: { flex: 1, fontSize: BODY.fontSize, lineHeight: BODY.lineHeight, textAlign: 'justify' },
  pullQuote: {
    marginTop: 10,
    marginBottom: 11,
    paddingTop: 8,
    paddingBottom: 8,
    borderTopWidth: 1.5,
    borderTopColor: COLOR.accent,
    borderBottomWidth: 0.75,
    borderBottomColor: COLOR.accent,
  },
  pullQuoteText: { fontStyle: 'italic', fontSize: PULL_QUOTE_SIZE.large, lineHeight: 1.3, color: COLOR.navy },
  pullQuoteMedium: { fontSize: PULL_QUOTE_SIZE.medium },
  pullQuoteBy: {
    fontFamily: SANS,
    fontSize: 7,
    lineHeight: 1.3,
    letterSpacing: 0.3,
    color: COLOR.muted,
    marginTop: 5,
  },
  figure: { marginTop: FIGURE_MARGIN_TOP, marginBottom: 9 },
  caption: { fontFamily: SANS, fontSize: 7, lineHeight: 1.35, color: COLOR.muted, marginTop: 4 },
  credit: { fontStyle: 'italic' },
})

/** Tallest a figure may be, so that it always fits a column with its caption. */
const MAX_FIGURE_HEIGHT = COLUMN.height * 0.4

function figureSize(image: Extract<Block, { type: 'figure' }>['image']): { width: number; height: number } {
  const width: number = COLUMN.width
  const height = (width * image.height) / image.width
  if (height <= MAX_FIGURE_HEIGHT) return { width, height }
  return { width: (width * MAX_FIGURE_HEIGHT) / height, height: MAX_FIGURE_HEIGHT }
}

/**
 * Room a heading asks for below it (beyond a block that never breaks): three lines of body
 * text and a half, so that whatever the rounding at least three whole lines of its text fit
 * in the column with it (keep-with-next).
 */
export const KEEP_WITH_NEXT = 3.5 * BODY.fontSize * BODY.lineHeight

/** Lines a text of `chars` characters takes across a column, at about `em` points a character. */
const roughLines = (chars: number, em: number) => Math.max(1, Math.ceil((chars * em) / COLUMN.width))

/**
 * About how tall a block that never breaks (a figure, a pull quote) is, so that the heading
 * before it can ask for that much room below it and never end a column alone; 0 for text.
 */
export function keepHeight(block: Block | undefined, pullQuoteSize: PullQuoteSize = 'large'): number {
  if (block?.type === 'figure') {
    const caption = block.caption.length + (block.credit ?? block.image.credit ?? '').length
    return figureSize(block.image).height + 6 + 9 + 4 + roughLines(caption, 3.8) * 7 * 1.35
  }
  if (block?.type === 'pullQuote') {
    const size = PULL_QUOTE_SIZE[pullQuoteSize]
    return 10 + 11 + 16 + roughLines(block.text.length + 2, size / 2) * size * 1.3 + (block.attribution ? 14 : 0)
  }
  return 0
}

function Figure({ block }: { block: Extract<Block, { type: 'figure' }> }) {
  const { image } = block
  const { width, height } = figureSize(image)
  const credit = block.credit ?? image.credit
  // Figures never split: image and caption move to the next column together.
  return (
    <View style={styles.figure} wrap={false}>
      <Image src={printSource(image.printPath)} style={{ width, height, alignSelf: 'center' }} />
      {/* From just above the figure's top margin: a block of the other column that ends above
          the figure would otherwise be read before it. */}
      <TextAnchors top={-FIGURE_MARGIN_TOP - 2} height={height + FIGURE_MARGIN_TOP + 2} />
      <Text style={styles.caption}>
        <Breakable text={block.caption} />
        {credit ? <Text style={styles.credit}>{` ${printable(credit)}`}</Text> : null}
      </Text>
    </View>
  )
}

/**
 * Text extractors (pdftotext) order blocks by geometry: beside a stretch of column with no
 * text (a figure, the gap between essays), blocks of the other column are "extended" across
 * it and read out of turn. An inkless letter (HANGUL FILLER: no outline, and unlike the
 * no-break or zero-width spaces poppler does not drop it) set as tall as the stretch at both
 * edges of the column gives the stretch a text presence and keeps the two columns apart.
 */
export function TextAnchors({ top = 0, height, leftOnly = false }: { top?: number; height: number; leftOnly?: boolean }) {
  const anchor = {
    position: 'absolute' as const,
    top,
    fontFamily: FAMILY.hangul,
    fontSize: height / 1.45,
    lineHeight: 1,
  }
  return (
    <>
      <Text style={{ ...anchor, left: 0 }}>{HANGUL_FILLER}</Text>
      {leftOnly ? null : <Text style={{ ...anchor, right: 0 }}>{HANGUL_FILLER}</Text>}
    </>
  )
}

export const HANGUL_FILLER = '\u3164'

/**
 * `loose` lets a paragraph leave a single line at the top of a column (a widow): only at the
 * very end of the essays, where the last lines are shared out between the two columns.
 */
export function BodyBlock({
  block,
  previous,
  next,
  loose = false,
  pullQuoteSize = 'large',
}: {
  block: Block
  previous?: Block
  /** The block after it: a heading keeps room for it when it cannot break, and three lines more. */
  next?: Block
  loose?: boolean
  pullQuoteSize?: PullQuoteSize
}) {
  const widows = loose ? 1 : 2
  switch (block.type) {
    case 'paragraph':
      // Book style: paragraphs that follow a paragraph are indented instead of spaced.
      return (
        <Text
          style={previous?.type === 'paragraph' ? [styles.paragraph, styles.indented] : styles.paragraph}
          orphans={2}
          widows={widows}
          hyphenationPenalty={HYPHENATION_PENALTY}
        >
          <Runs runs={keepLastWordOfRuns(block.runs)} />
        </Text>
      )
    case 'heading': {
      const style = block.level === 2 ? styles.heading2 : block.level === 3 ? styles.heading3 : styles.heading4
      return (
        <Text style={style} minPresenceAhead={keepHeight(next, pullQuoteSize) + KEEP_WITH_NEXT} hyphenationCallback={whole}>
          <Runs runs={block.runs} />
        </Text>
      )
    }
    case 'quote':
      return (
        <View style={styles.quote}>
          <Text style={styles.quoteText} orphans={2} widows={widows} hyphenationPenalty={HYPHENATION_PENALTY}>
            <Runs runs={keepLastWordOfRuns(block.runs)} />
          </Text>
        </View>
      )
    case 'list':
      return (
        <View style={styles.list}>
          {block.items.map((runs, i) => (
            <View key={i} style={styles.listItem} wrap={false}>
              <Text style={styles.listMarker}>{block.ordered ? `${i + 1}.` : '•'}</Text>
              <Text style={styles.listText} hyphenationPenalty={HYPHENATION_PENALTY}>
                <Runs runs={keepLastWordOfRuns(runs)} />
              </Text>
            </View>
          ))}
        </View>
      )
    case 'pullQuote':
      return (
        <View style={styles.pullQuote} wrap={false}>
          <Text style={pullQuoteSize === 'medium' ? [styles.pullQuoteText, styles.pullQuoteMedium] : styles.pullQuoteText} hyphenationCallback={whole}>
            {`“${printable(block.text)}”`}
          </Text>
          {block.attribution ? (
            <Text style={styles.pullQuoteBy}>{printable(block.attribution).toUpperCase()}</Text>
          ) : null}
        </View>
      )
    case 'figure':
      return <Figure block={block} />
  }
}

function authorLine(author: EssayModel['authors'][number]): string {
  return author.nameInScript ? `${author.name} (${author.nameInScript})` : author.name
}

/**
 * Zero-size markers with named destinations, one before each essay and each body block and
 * one at the end of the flow: the compositor reads back where the flow's units landed (to
 * balance the last page's columns; they are not carried into the finished file).
 */
export function flowMarker(essay: number, block: number | 'head'): string {
  return `bp-k${essay}-${block}`
}
export const FLOW_END = 'bp-k-end'

function Marker({ id }: { id: string }) {
  return <View id={id} />
}

/**
 * One essay, as direct children of the page (no wrapping view): react-pdf reports the
 * position of a nested element relative to its parent, and the markers must be page-relative.
 */
function Essay({
  essay,
  sectionIndex,
  essayIndex,
  flowIndex,
  follows,
  fromBlock = -1,
  looseFrom = Number.POSITIVE_INFINITY,
}: {
  essay: EssayModel
  sectionIndex: number
  essayIndex: number
  /** Position of the essay in the whole flow (for the markers). */
  flowIndex: number
  follows: boolean
  /** Set only the body from this block on (the header and earlier blocks are set elsewhere). */
  fromBlock?: number
  /** Blocks from this one on may leave a widow (see BodyBlock). */
  looseFrom?: number
}) {
  return (
    <>
      {fromBlock < 0 ? (
        <>
          <Marker id={flowMarker(flowIndex, 'head')} />
          {/* The header stays in one piece and brings the block that opens the essay (a figure
              moves with it) and three lines of text with it. */}
          <View
            style={follows ? styles.nextEssay : styles.essay}
            wrap={false}
            minPresenceAhead={keepHeight(essay.body[0], essay.layout?.pullQuoteSize) + KEEP_WITH_NEXT}
          >
            {follows ? <TextAnchors top={-ESSAY_GAP} height={ESSAY_GAP + 12} /> : null}
            {essayIndex === 0 ? <View id={sectionDest(sectionIndex)} /> : null}
            <View id={itemDest(sectionIndex, essayIndex)} />
            <Text style={styles.kicker}>ESSAY</Text>
            <Text style={styles.title} hyphenationCallback={whole}>
              {printable(essay.title)}
            </Text>
            {essay.standfirst ? (
              <Text style={styles.standfirst} hyphenationCallback={whole}>
                {printable(essay.standfirst)}
              </Text>
            ) : null}
            {essay.authors.map((author) => (
              <View key={author.id} style={styles.byline}>
                <Text style={styles.author}>{printable(authorLine(author))}</Text>
                {author.affiliations.map((line, i) => (
                  <Text key={i} style={styles.affiliation}>
                    {printable(line)}
                  </Text>
                ))}
              </View>
            ))}
            {/* The rule's white band beside the other column: a block there (a contents
                line on page 1) would be read before the header otherwise. */}
            <View>
              <View style={styles.headerRule} />
              <TextAnchors height={HEADER_RULE_BAND} leftOnly />
            </View>
          </View>
        </>
      ) : null}
      {essay.body.map((block, i) =>
        i < Math.max(fromBlock, 0) ? null : (
          <Fragment key={i}>
            <Marker id={flowMarker(flowIndex, i)} />
            <BodyBlock
              block={block}
              previous={essay.body[i - 1]}
              next={essay.body[i + 1]}
              loose={i >= looseFrom}
              pullQuoteSize={essay.layout?.pullQuoteSize}
            />
          </Fragment>
        ),
      )}
    </>
  )
}

export interface EssaySectionRef {
  section: EssaysSection
  sectionIndex: number
  /**
   * Index in the issue's section of `section.essays[0]`: a section is split where an essay
   * starts on a new page, and each part holds only its own essays.
   */
  firstEssay?: number
}

/** Where a part of the flow starts: an essay's header (block 'head') or one of its body blocks. */
export interface FlowPoint {
  essay: number
  block: number | 'head'
}

/**
 * The essays as one continuous column: pages one column wide and (by default) one column
 * tall, which the compositor then places side by side on A4 pages. `offsetTop` leaves room at
 * the top of the first page (the masthead on page 1; the compositor crops that strip away).
 * `from` and `pageHeight` set only the end of the flow, on shorter pages: the compositor uses
 * that to balance the two columns of the last page (see src/render/pdf/balance.ts).
 */
export function EssayColumnsDocument({
  model,
  sections,
  offsetTop,
  pageHeight = COLUMN.height,
  from,
  loose = false,
}: {
  model: IssueModel
  sections: readonly EssaySectionRef[]
  offsetTop: number
  pageHeight?: number
  from?: FlowPoint
  /** Let the blocks from `from` on leave a widow, so that a short end can still be shared out. */
  loose?: boolean
}) {
  const essays = sections.flatMap(({ section, sectionIndex, firstEssay = 0 }) =>
    section.essays.map((essay, i) => ({ essay, sectionIndex, essayIndex: firstEssay + i })),
  )
  const start = from?.essay ?? 0
  return (
    <Document {...documentProps(model)}>
      {/* react-pdf's packing pagination: the legacy one lays out all the rest of the flow again
          at every page break; this one measures the content once (same pages, see the specs). */}
      <Page size={[COLUMN.width, pageHeight]} style={styles.page} experimentalPagination>
        {offsetTop > 0 ? <View style={{ height: offsetTop }} /> : null}
        {essays.map(({ essay, sectionIndex, essayIndex }, i) =>
          i < start ? null : (
            <Essay
              key={`${sectionIndex}-${essay.id}`}
              essay={essay}
              sectionIndex={sectionIndex}
              essayIndex={essayIndex}
              flowIndex={i}
              follows={i > 0}
              fromBlock={i === start && typeof from?.block === 'number' ? from.block : -1}
              looseFrom={!loose ? undefined : i > start ? 0 : typeof from?.block === 'number' ? from.block : 0}
            />
          ),
        )}
        <Marker id={FLOW_END} />
      </Page>
    </Document>
  )
}
