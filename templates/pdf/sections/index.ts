/** The full-width sections (all but the essays), one file per kind, and their document. */
export { FlowSectionsDocument, type FlowSectionRef } from './FlowSections'
export type { FlowSection } from './common'
