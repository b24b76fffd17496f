import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer'
import { numberingLabel, quarterName } from '@/issue/labels'
import type { IssueModel } from '@/issue/model'
import { TextAnchors } from './Essays'
import { documentProps, issueLabel } from './meta'
import { printable } from './text'
import { COLOR, CONTENT_WIDTH, FOOTER, MARGIN, MASTHEAD_HEIGHT, PAGE, SANS, SERIF } from './theme'

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
    </View>
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
}: {
  model: IssueModel
  pageCount: number
  markers: readonly FrameMarker[]
  gaps?: readonly FrameGap[]
}) {
  const { publisher } = model
  const pages = Array.from({ length: pageCount }, (_, i) => i)
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
          <View style={styles.footerRule} />
          <Text style={styles.footerText}>
            {footerLabel(model)}
            {model.status === 'draft' ? <Text style={styles.footerDraft}>{'  ·  DRAFT'}</Text> : null}
          </Text>
          <Text style={styles.pageNumber}>{String(index + 1)}</Text>
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
