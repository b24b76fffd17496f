import { Document, Page, StyleSheet, View } from '@react-pdf/renderer'
import type { IssueModel } from '@/issue/model'
import { documentProps } from '../meta'
import { COLOR, MARGIN, PAGE, SERIF } from '../theme'
import { Chronology, type ChronologyPart } from './Chronology'
import { Highlights } from './Highlights'
import { Publications } from './Publications'
import type { FlowSection } from './common'

const styles = StyleSheet.create({
  page: {
    fontFamily: SERIF,
    color: COLOR.ink,
    paddingTop: MARGIN.top,
    paddingBottom: MARGIN.bottom,
    paddingLeft: MARGIN.left,
    paddingRight: MARGIN.right,
  },
})

export interface FlowSectionRef {
  section: FlowSection
  sectionIndex: number
  /** A part of a long chronology (see ChronologyPart). */
  part?: ChronologyPart
}

function FlowSectionView({ section, sectionIndex, part }: FlowSectionRef) {
  switch (section.kind) {
    case 'highlights':
      return <Highlights section={section} sectionIndex={sectionIndex} />
    case 'forthcoming':
    case 'recent':
      return <Publications section={section} sectionIndex={sectionIndex} />
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
      {/* Packing pagination, as the essays (see EssayColumnsDocument). */}
      <Page size={[PAGE.width, PAGE.height]} style={styles.page} experimentalPagination>
        {offsetTop > 0 ? <View style={{ height: offsetTop }} /> : null}
        {sections.map((ref) => (
          <FlowSectionView key={ref.sectionIndex} {...ref} />
        ))}
        {endMarker ? <View id={endMarker} /> : null}
      </Page>
    </Document>
  )
}
