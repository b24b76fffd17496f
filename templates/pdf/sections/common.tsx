/** What the full-width sections share: the section title and the space after a section. */
import { StyleSheet, Text, View } from '@react-pdf/renderer'
import type { SectionModel } from '@/issue/model'
import { sectionDest } from '../contents'
import { printable } from '../text'
import { COLOR, SANS } from '../theme'

/** Every section kind that is set full width on its own pages (all but the essays). */
export type FlowSection = Exclude<SectionModel, { kind: 'essays' }>

export const common = StyleSheet.create({
  section: { marginBottom: 22 },
  sectionHead: { marginBottom: 12 },
  sectionTitle: { fontFamily: SANS, fontWeight: 700, fontSize: 17, lineHeight: 1.2, color: COLOR.navy },
  sectionRule: { flexDirection: 'row', marginTop: 5 },
  sectionRuleAccent: { width: 44, borderTopWidth: 2.4, borderTopColor: COLOR.accent },
  sectionRuleRest: { flex: 1, borderTopWidth: 0.6, borderTopColor: COLOR.rule, marginTop: 0.9 },
})

/**
 * A section title never ends a page. Where what follows cannot break (a row of photos, a
 * book), the title is set in one unbreakable view with it (see Keep); where it can (text),
 * the title asks for room for its first lines (`presence`).
 */
export function SectionHead({ title, sectionIndex, presence }: { title: string; sectionIndex: number; presence?: number }) {
  return (
    <View style={common.sectionHead} id={sectionDest(sectionIndex)} {...(presence ? { minPresenceAhead: presence } : {})}>
      <Text style={common.sectionTitle}>{printable(title)}</Text>
      <View style={common.sectionRule}>
        <View style={common.sectionRuleAccent} />
        <View style={common.sectionRuleRest} />
      </View>
    </View>
  )
}
