import { Document, Link, Page, StyleSheet, Text, View } from '@react-pdf/renderer'
import { aboutRuns } from '@/issue/labels'
import type { IssueModel } from '@/issue/model'
import { documentProps } from './meta'
import { QuoteMark } from './quoteMarks'
import { printable, whole } from './text'
import { HANGUL_FILLER } from './Essays'
import { COLOR, COLUMN, FAMILY, SANS, SERIF } from './theme'

/** One line of the "IN THIS ISSUE" box, with the page number the renderer found for it. */
export interface TocLine {
  dest: string
  title: string
  authors: string[]
  page: number
}

export interface TocGroup {
  title: string
  lines: TocLine[]
}

/**
 * Sizes scale down a little when the front matter would not fit its column on page 1 (a long
 * contents list): density 0 is the house size, 1 and 2 are tighter.
 */
export const SIDEBAR_DENSITIES = [1, 0.92, 0.85] as const

function makeStyles(k: number) {
  const sz = (n: number) => Math.round(n * k * 100) / 100
  return StyleSheet.create({
    page: { fontFamily: SERIF, color: COLOR.ink },
    box: { backgroundColor: COLOR.tint, paddingBottom: sz(8) },
    boxHead: {
      backgroundColor: COLOR.navy,
      color: COLOR.white,
      fontFamily: SANS,
      fontWeight: 700,
      fontSize: sz(9),
      letterSpacing: 0.55,
      paddingTop: 5,
      paddingBottom: 4,
      paddingLeft: 10,
    },
    group: {
      fontFamily: SANS,
      fontWeight: 700,
      fontSize: sz(6.6),
      letterSpacing: 0.4,
      color: COLOR.accent,
      marginTop: sz(7),
      marginBottom: sz(1),
      marginLeft: 10,
      marginRight: 10,
    },
    line: { flexDirection: 'row', marginTop: sz(3), marginLeft: 10, marginRight: 10 },
    pageNo: { width: 19, fontFamily: SANS, fontWeight: 700, fontSize: sz(10), color: COLOR.navy },
    lineBody: { flex: 1 },
    lineTitle: { fontWeight: 700, fontSize: sz(8.1), lineHeight: 1.28, color: COLOR.ink },
    lineAuthors: { fontStyle: 'italic', fontSize: sz(7.5), lineHeight: 1.28, color: COLOR.muted },
    quoteBlock: { marginTop: sz(12), paddingLeft: 4, paddingRight: 4 },
    // The marks' size (a solid line of them) and how far they tuck into the quote.
    quoteMarkOpen: { height: sz(44), marginBottom: -sz(13) },
    quoteMarkClose: { height: sz(44), marginTop: -sz(2), marginBottom: -sz(24) },
    quoteText: {
      fontFamily: SANS,
      fontWeight: 700,
      fontSize: sz(10.2),
      lineHeight: 1.36,
      letterSpacing: 0.3,
      color: COLOR.navy,
      textTransform: 'uppercase',
    },
    quoteBy: { fontFamily: SANS, fontSize: sz(7), lineHeight: 1.3, color: COLOR.muted, marginTop: sz(2) },
    committee: {
      marginTop: sz(12),
      paddingTop: sz(6),
      paddingBottom: sz(5),
      borderTopWidth: 2,
      borderTopColor: COLOR.navy,
      borderBottomWidth: 0.75,
      borderBottomColor: COLOR.rule,
    },
    label: {
      fontFamily: SANS,
      fontWeight: 700,
      fontSize: sz(7.8),
      letterSpacing: 0.45,
      color: COLOR.navy,
      marginBottom: sz(1),
    },
    member: { marginTop: sz(3.5) },
    memberName: { fontWeight: 700, fontSize: sz(8), lineHeight: 1.28 },
    memberRole: { fontWeight: 400, fontStyle: 'italic', color: COLOR.muted },
    memberEmail: { fontFamily: SANS, fontSize: sz(6.9), lineHeight: 1.28, color: COLOR.link, textDecoration: 'none' },
    intro: { marginTop: sz(9) },
    introText: { fontStyle: 'italic', fontSize: sz(7.8), lineHeight: 1.4, textAlign: 'justify' },
    about: { marginTop: sz(8) },
    aboutText: {
      fontSize: sz(6.7),
      lineHeight: 1.4,
      color: '#3d4450',
      textAlign: 'justify',
      marginBottom: sz(3.5),
    },
    link: { color: COLOR.link, textDecoration: 'none' },
  })
}

type Styles = ReturnType<typeof makeStyles>
const STYLES: Styles[] = SIDEBAR_DENSITIES.map(makeStyles)

// Advances (in ems) of a digit in the number's face (Noto Sans Bold: tabular figures) and of
// the Hangul filler in the fallback face (Noto Sans KR).
const DIGIT_EM = 0.572
const FILLER_EM = 0.92
// The fillers' size, as a fraction of the number's: small enough that the taller Hangul face
// does not raise the line, large enough that poppler keeps them on the number's line.
const FILLER_SCALE = 0.6
// Least room the fillers leave before the title, in points (so they never touch it).
const FILLER_GAP = 1

/**
 * The contents line's page number, followed by inkless letters (see TextAnchors) that fill
 * its box up to the title. Without them text extractors (pdftotext, screen readers) take the
 * gap for a column break and read every number apart from its title; plain, figure or
 * no-break spaces do not help, as poppler drops them and measures the gap.
 */
function PageNumber({ page, styles }: { page: number; styles: Styles }) {
  const digits = String(page)
  const size = styles.pageNo.fontSize
  const fillerSize = FILLER_SCALE * size
  const rest = styles.pageNo.width - FILLER_GAP - digits.length * DIGIT_EM * size
  const count = Math.max(0, Math.floor(rest / (FILLER_EM * fillerSize)))
  return (
    <Text style={styles.pageNo} hyphenationCallback={whole}>
      {digits}
      {count > 0 ? <Text style={{ fontFamily: FAMILY.hangul, fontSize: fillerSize }}>{HANGUL_FILLER.repeat(count)}</Text> : null}
    </Text>
  )
}

function TocBox({ groups, styles }: { groups: readonly TocGroup[]; styles: Styles }) {
  return (
    <View style={styles.box}>
      <Text style={styles.boxHead}>IN THIS ISSUE</Text>
      {groups.map((group, g) => (
        <View key={g}>
          {/* A section listed as one line under its own name ("Highlights at the Korea Centre") needs no group heading. */}
          {group.lines.length === 1 && group.lines[0].title === group.title ? null : (
            <Text style={styles.group}>{printable(group.title).toUpperCase()}</Text>
          )}
          {group.lines.map((line) => (
            // Each line jumps to where its item starts.
            <Link key={line.dest} src={`#${line.dest}`} style={{ textDecoration: 'none', color: COLOR.ink }}>
              <View style={styles.line} wrap={false}>
                <PageNumber page={line.page} styles={styles} />
                <View style={styles.lineBody}>
                  <Text style={styles.lineTitle} hyphenationCallback={whole}>
                    {printable(line.title)}
                  </Text>
                  {line.authors.length > 0 ? (
                    <Text style={styles.lineAuthors}>{printable(line.authors.join(', '))}</Text>
                  ) : null}
                </View>
              </View>
            </Link>
          ))}
        </View>
      ))}
    </View>
  )
}

function CoverQuote({ model, styles }: { model: IssueModel; styles: Styles }) {
  const quote = model.coverPullQuote
  if (!quote || quote.text.trim() === '') return null
  return (
    <View style={styles.quoteBlock} wrap={false}>
      <QuoteMark mark="open" size={styles.quoteMarkOpen.height} color={COLOR.accent} style={styles.quoteMarkOpen} />
      <Text style={styles.quoteText} hyphenationCallback={whole}>
        {printable(quote.text)}
      </Text>
      <QuoteMark mark="close" size={styles.quoteMarkClose.height} color={COLOR.accent} style={styles.quoteMarkClose} />
      {quote.attribution ? <Text style={styles.quoteBy}>{printable(quote.attribution)}</Text> : null}
    </View>
  )
}

function Committee({ model, styles }: { model: IssueModel; styles: Styles }) {
  if (model.editorialCommittee.length === 0) return null
  return (
    <View style={styles.committee} wrap={false}>
      <Text style={styles.label}>EDITORIAL COMMITTEE</Text>
      {model.editorialCommittee.map((member, i) => (
        <View key={i} style={styles.member}>
          <Text style={styles.memberName}>
            {printable(member.honorific ? `${member.honorific} ${member.name}` : member.name)}
            <Text style={styles.memberRole}>{`, ${printable(member.role)}`}</Text>
          </Text>
          <Link src={`mailto:${member.email}`} style={styles.memberEmail}>
            {member.email}
          </Link>
        </View>
      ))}
    </View>
  )
}

function MastheadText({ model, styles }: { model: IssueModel; styles: Styles }) {
  const { publisher } = model
  const about = model.mastheadOverride ?? publisher.aboutText
  const { correspondence } = publisher
  return (
    <View style={styles.about}>
      <Text style={styles.aboutText}>
        {aboutRuns(about, publisher.aboutUrl, publisher.aboutLinkText).map((run, i) =>
          run.href ? (
            <Link key={i} src={run.href} style={styles.link}>
              {printable(run.text)}
            </Link>
          ) : (
            printable(run.text)
          ),
        )}
      </Text>
      <Text style={styles.aboutText}>{printable(publisher.rightsText)}</Text>
      <Text style={styles.aboutText}>
        {'Please address all correspondence to '}
        {printable(correspondence.name)}
        {' at '}
        <Link src={`mailto:${correspondence.email}`} style={styles.link}>
          {correspondence.email}
        </Link>
        {publisher.postalAddress ? `, ${printable(publisher.postalAddress)}` : ''}.
      </Text>
    </View>
  )
}

/**
 * The front-matter column of page 1 (left of the lead essay): contents, cover quote,
 * editorial committee, masthead text. Same column geometry as the essays; if it ever runs
 * long it continues in the left column of page 2.
 */
export function SidebarDocument({
  model,
  groups,
  offsetTop,
  density,
}: {
  model: IssueModel
  groups: readonly TocGroup[]
  offsetTop: number
  /** Index into SIDEBAR_DENSITIES. */
  density: number
}) {
  const styles = STYLES[Math.min(Math.max(density, 0), STYLES.length - 1)]
  return (
    <Document {...documentProps(model)}>
      {/* Packing pagination, as the essays (see EssayColumnsDocument). */}
      <Page size={[COLUMN.width, COLUMN.height]} style={styles.page} experimentalPagination>
        {offsetTop > 0 ? <View style={{ height: offsetTop }} /> : null}
        <TocBox groups={groups} styles={styles} />
        <CoverQuote model={model} styles={styles} />
        <Committee model={model} styles={styles} />
        {model.editorsIntro ? (
          <View style={styles.intro}>
            <Text style={styles.introText}>{printable(model.editorsIntro)}</Text>
          </View>
        ) : null}
        <MastheadText model={model} styles={styles} />
      </Page>
    </Document>
  )
}
