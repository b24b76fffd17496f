import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer'
import { numberingLabel, quarterName } from '@/issue/labels'
import { issueLayout, type EndMatter, type IssueModel } from '@/issue/model'
import { HANGUL_FILLER, TextAnchors } from './Essays'
import { documentProps, issueLabel } from './meta'
import { printable, whole } from './text'
import { COLOR, CONTENT_WIDTH, FAMILY, FOOTER, MARGIN, MASTHEAD_HEIGHT, PAGE, SANS, SERIF } from './theme'

/** A spot in the finished issue: named destination and/or bookmark. */
export interface FrameMarker {
  /** 0-based page of the finished issue. */
  page: number
  /** From the top-left corner of the page, in points. */
  left: number
  top: number
  dest?: string
  bookmark?: { title: string; ref: string; parent?: string }
}

/**
 * A stretch of a text column with no text (the foot of the shorter column of a balanced
 * page): it gets inkless text anchors, so that extractors read the columns in order (see
 * TextAnchors).
 */
export interface FrameGap {
  page: number
  left: number
  top: number
  width: number
  height: number
}

const styles = StyleSheet.create({
  // No lineHeight anywhere on the frame: it holds the page numbers (see the footer note).
  page: { fontFamily: SERIF, color: COLOR.ink },
  masthead: {
    position: 'absolute',
    top: MARGIN.top - 14,
    left: MARGIN.left,
    width: CONTENT_WIDTH,
  },
  topBar: { flexDirection: 'row', height: 4 },
  topBarNavy: { flex: 4, backgroundColor: COLOR.navy },
  topBarAccent: { flex: 1, backgroundColor: COLOR.accent },
  titleRow: { flexDirection: 'row', alignItems: 'flex-end', marginTop: 12 },
  titleBlock: { flex: 1 },
  bulletinName: {
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 32,
    letterSpacing: 1.5,
    color: COLOR.navy,
  },
  publisher: { fontFamily: SANS, fontSize: 8.6, color: COLOR.muted, marginTop: 3, letterSpacing: 0.4 },
  issueBlock: { width: 170, alignItems: 'flex-end' },
  issueLine: { fontFamily: SANS, fontWeight: 700, fontSize: 8.8, color: COLOR.navy, marginBottom: 2 },
  issuePeriod: { fontFamily: SANS, fontSize: 8.6, color: COLOR.ink, marginBottom: 2 },
  issueQuarter: { fontFamily: SANS, fontSize: 7.6, color: COLOR.muted, letterSpacing: 0.4 },
  ruleThick: { marginTop: 10, borderTopWidth: 2.2, borderTopColor: COLOR.navy },
  ruleThin: { marginTop: 1.6, borderTopWidth: 0.6, borderTopColor: COLOR.navy },
  footerRule: {
    position: 'absolute',
    left: MARGIN.left,
    width: CONTENT_WIDTH,
    top: PAGE.height - FOOTER.ruleFromBottom,
    borderTopWidth: 0.5,
    borderTopColor: COLOR.rule,
  },
  footerText: {
    position: 'absolute',
    left: MARGIN.left,
    top: PAGE.height - FOOTER.textFromBottom - 8,
    fontFamily: SANS,
    fontSize: 7,
    letterSpacing: 0.3,
    color: COLOR.muted,
  },
  footerDraft: { color: COLOR.accent, fontWeight: 700 },
  // A proof's mark, under the running footer on every page; plain text, no lineHeight.
  proofMark: {
    position: 'absolute',
    left: MARGIN.left,
    width: CONTENT_WIDTH,
    top: PAGE.height - FOOTER.textFromBottom + 6,
    // From the left margin: centred, its block overlapped both columns and pdftotext read the essay's
    // head inside the contents (page 1's reading order).
    textAlign: 'left',
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 6.5,
    letterSpacing: 0.3,
    color: COLOR.accent,
  },
  // The page number is plain text: every frame page is its own <Page>, so no render prop is
  // needed, and no lineHeight reaches it (a lineHeight on a page-number Text makes react-pdf
  // drop it or crash on long documents).
  pageNumber: {
    position: 'absolute',
    left: MARGIN.left,
    width: CONTENT_WIDTH,
    top: PAGE.height - FOOTER.textFromBottom - 9,
    textAlign: 'right',
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 8.5,
    color: COLOR.navy,
  },
  marker: { position: 'absolute', width: 0, height: 0 },
})

/** Pages needed to close the last signature of 4 pages (folded sheets print 4 pages). */
export const SIGNATURE = 4

/** How many pages the issue's end matter adds to `pageCount`: up to the next multiple of 4, or none. */
export function fillerPages(model: IssueModel, pageCount: number): number {
  return issueLayout(model).endMatter === 'none' ? 0 : (SIGNATURE - (pageCount % SIGNATURE)) % SIGNATURE
}

const filler = StyleSheet.create({
  // Every style that sets lineHeight sets fontSize too (see BODY in theme.ts); the page
  // number Text below has its own style and inherits none of these.
  box: { position: 'absolute', left: MARGIN.left, top: MARGIN.top, width: CONTENT_WIDTH },
  title: { fontFamily: SANS, fontWeight: 700, fontSize: 17, lineHeight: 1.2, color: COLOR.navy },
  rule: { marginTop: 5, borderTopWidth: 2.4, borderTopColor: COLOR.accent, width: 44 },
  noteLine: { height: 24, borderBottomWidth: 0.5, borderBottomColor: COLOR.rule },
  coverName: { fontFamily: SANS, fontWeight: 700, fontSize: 30, lineHeight: 1.2, letterSpacing: 1.5, color: COLOR.navy },
  coverPublisher: { fontFamily: SANS, fontSize: 9, lineHeight: 1.4, color: COLOR.muted, marginTop: 4 },
  text: { fontSize: 10, lineHeight: 1.45, marginTop: 14, textAlign: 'justify' },
  ad: {
    marginTop: 120,
    padding: 28,
    borderWidth: 2,
    borderColor: COLOR.navy,
    backgroundColor: COLOR.tint,
  },
  adTitle: { fontFamily: SANS, fontWeight: 700, fontSize: 24, lineHeight: 1.25, color: COLOR.navy },
})

/** "Subscribe" in the bulletin's words: where to write, from the publisher's settings. */
function subscribeText(model: IssueModel): string {
  const { publisher } = model
  const web = publisher.aboutUrl ? `, or visit ${publisher.aboutUrl}` : ''
  return `Subscribe to the ${publisher.bulletinName}: it is free, and each issue comes to you by email as soon as it is published. Write to ${publisher.correspondence.email}${web}.`
}

const NOTE_LINES = Math.floor((PAGE.height - MARGIN.top - MARGIN.bottom - 50) / 24)

/** One page of end matter: what fills the last signature (the issue's `endMatter` choice). */
function EndMatterPage({ model, kind }: { model: IssueModel; kind: Exclude<EndMatter, 'none'> }) {
  const { publisher } = model
  if (kind === 'notes') {
    return (
      <View style={filler.box}>
        <Text style={filler.title}>Notes</Text>
        <View style={filler.rule} />
        {Array.from({ length: NOTE_LINES }, (_, i) => (
          <View key={i} style={filler.noteLine} />
        ))}
      </View>
    )
  }
  if (kind === 'houseAd') {
    return (
      <View style={filler.box}>
        <View style={filler.ad}>
          <Text style={filler.adTitle} hyphenationCallback={whole}>{printable(`Read the ${publisher.bulletinName} every quarter`)}</Text>
          <Text style={filler.text}>{printable(subscribeText(model))}</Text>
        </View>
      </View>
    )
  }
  return (
    <View style={filler.box}>
      <Text style={filler.coverName} hyphenationCallback={whole}>{printable(publisher.bulletinName).toUpperCase()}</Text>
      <Text style={filler.coverPublisher}>{printable(`${publisher.centre}  ·  ${publisher.institute}`)}</Text>
      <View style={[filler.rule, { width: CONTENT_WIDTH, borderTopWidth: 1.5, borderTopColor: COLOR.navy, marginTop: 10 }]} />
      <Text style={filler.text}>{printable(model.mastheadOverride ?? publisher.aboutText)}</Text>
      <Text style={filler.text}>{printable(publisher.rightsText)}</Text>
      <Text style={filler.text}>{printable(subscribeText(model))}</Text>
    </View>
  )
}

function Masthead({ model }: { model: IssueModel }) {
  const { publisher } = model
  return (
    <View style={[styles.masthead, { height: MASTHEAD_HEIGHT }]}>
      <View style={styles.topBar}>
        <View style={styles.topBarNavy} />
        <View style={styles.topBarAccent} />
      </View>
      <View style={styles.titleRow}>
        <View style={styles.titleBlock}>
          <Text style={styles.bulletinName}>{printable(publisher.bulletinName).toUpperCase()}</Text>
          <Text style={styles.publisher}>
            {printable(`${publisher.centre}  ·  ${publisher.institute}`)}
          </Text>
        </View>
        <View style={styles.issueBlock}>
          {issueLabel(model) ? <Text style={styles.issueLine}>{issueLabel(model)}</Text> : null}
          <Text style={styles.issuePeriod}>{printable(model.periodLabel)}</Text>
          <Text style={styles.issueQuarter}>
            {`${quarterName(model.quarter)} ${model.year}`.toUpperCase()}
          </Text>
        </View>
      </View>
      <View style={styles.ruleThick} />
      <View style={styles.ruleThin} />
      <MastheadSeparator />
    </View>
  )
}

// The inkless letter's advance (Noto Sans KR, in ems) and the size it is set at here.
const FILLER_EM = 0.92
const SEPARATOR_SIZE = 6

/**
 * A line of inkless letters (see TextAnchors) across the page under the masthead. Text
 * extractors (pdftotext, screen readers) put a block beside another before it, so without a
 * full-width line between them the date stack on the right came after the whole contents
 * column; with it, everything above the line reads first.
 */
function MastheadSeparator() {
  const count = Math.floor(CONTENT_WIDTH / (FILLER_EM * SEPARATOR_SIZE))
  return (
    <Text
      style={{
        position: 'absolute',
        // Between the rules and the columns (MASTHEAD_HEIGHT from the top margin).
        top: MARGIN.top + MASTHEAD_HEIGHT - (MARGIN.top - 14) - SEPARATOR_SIZE - 4,
        left: 0,
        fontFamily: FAMILY.hangul,
        fontSize: SEPARATOR_SIZE,
        lineHeight: 1,
      }}
    >
      {HANGUL_FILLER.repeat(count)}
    </Text>
  )
}

export function footerLabel(model: IssueModel): string {
  return printable(
    [model.publisher.bulletinName, numberingLabel(model, true), model.periodLabel].filter(Boolean).join('  ·  '),
  )
}

/**
 * The fixed furniture of every page of the issue: masthead on page 1, running footer with
 * the page number, plus invisible markers that carry the named destinations and bookmarks
 * of the sections (the compositor draws the text columns and section pages on top).
 */
export function FrameDocument({
  model,
  pageCount,
  markers,
  gaps = [],
  proofMark,
  endMatterPages = 0,
}: {
  model: IssueModel
  /** Every page, end matter included. */
  pageCount: number
  /** How many of the last pages are end matter (see fillerPages). */
  endMatterPages?: number
  markers: readonly FrameMarker[]
  gaps?: readonly FrameGap[]
  /** Printed on every page of a proof (latest drafts, committee only); absent on the edition. */
  proofMark?: string
}) {
  const { publisher } = model
  const pages = Array.from({ length: pageCount }, (_, i) => i)
  // The end matter fills the pages after the content: notes pages, the chosen one last.
  const endMatter = issueLayout(model).endMatter
  const fill = endMatter === 'none' ? 0 : endMatterPages
  const fillerKind = (index: number): Exclude<EndMatter, 'none'> | undefined =>
    endMatter === 'none' || index < pageCount - fill ? undefined : index === pageCount - 1 ? endMatter : 'notes'
  return (
    <Document
      {...documentProps(model)}
      title={printable([publisher.bulletinName, issueLabel(model), model.periodLabel].filter(Boolean).join(', '))}
      author={printable(`${publisher.centre}, ${publisher.institute}`)}
      subject={printable(model.title)}
      keywords={printable(`${publisher.bulletinName}; ${model.periodLabel}; ${model.year}`)}
      pageMode="useOutlines"
    >
      {pages.map((index) => (
        <Page key={index} size={[PAGE.width, PAGE.height]} style={styles.page}>
          {index === 0 ? <Masthead model={model} /> : null}
          {fillerKind(index) ? <EndMatterPage model={model} kind={fillerKind(index) ?? 'notes'} /> : null}
          <View style={styles.footerRule} />
          <Text style={styles.footerText}>
            {footerLabel(model)}
            {model.status === 'draft' ? <Text style={styles.footerDraft}>{'  ·  DRAFT'}</Text> : null}
          </Text>
          <Text style={styles.pageNumber}>{String(index + 1)}</Text>
          {proofMark ? <Text style={styles.proofMark}>{printable(proofMark)}</Text> : null}
          {gaps
            .filter((g) => g.page === index)
            .map((g, i) => (
              <View key={`gap-${i}`} style={{ position: 'absolute', left: g.left, top: g.top, width: g.width, height: g.height }}>
                <TextAnchors height={g.height} />
              </View>
            ))}
          {markers
            .filter((m) => m.page === index)
            .map((m, i) => (
              <View
                key={`${m.dest ?? ''}-${m.bookmark?.ref ?? ''}-${i}`}
                {...(m.dest ? { id: m.dest } : {})}
                {...(m.bookmark ? { bookmark: m.bookmark } : {})}
                style={[styles.marker, { left: m.left, top: m.top }]}
              />
            ))}
        </Page>
      ))}
    </Document>
  )
}
