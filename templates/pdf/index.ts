/** The print bulletin's react-pdf templates. Pure: IssueModel (plus layout facts) in, <Document> out. */
export { EssayColumnsDocument, FLOW_END, flowMarker, type EssaySectionRef, type FlowPoint } from './Essays'
export { FlowSectionsDocument, type FlowSection, type FlowSectionRef } from './sections'
export { SidebarDocument, SIDEBAR_DENSITIES, type TocGroup, type TocLine } from './Sidebar'
export { FrameDocument, fillerPages, footerLabel, SIGNATURE, type FrameGap, type FrameMarker } from './Frame'
export { listContents, tableOfContentsOrder, sectionDest, itemDest, type ContentsItem, type ContentsSection } from './contents'
export { printable, runsText } from './text'
export { documentProps, pdfDate } from './meta'
export * from './theme'
