/**
 * The print bulletin: IssueModel -> A4 PDF.
 *
 * react-pdf cannot flow text through columns, so the issue is laid out in parts, whose pages
 * are then drawn into one file (./compose.ts):
 * - the essays as one column-wide, column-tall flow (templates/pdf/Essays.tsx), whose pages
 *   are placed two to an A4 page (the first one beside the front matter on page 1); the end of
 *   the flow is set again on shorter pages so that the last page's two columns are balanced
 *   (./balance.ts);
 * - the front matter of page 1 (contents box, cover quote, committee, masthead text) the same
 *   way, in the left column;
 * - the one-off sections full width on A4 pages (highlights and the chronology each open a
 *   page, publications follow on), except that the first one after the essays starts below
 *   their balanced columns when there is room;
 * - a frame: masthead, running footer with page numbers, destinations, bookmarks, metadata.
 * Parts are cached by a hash of their inputs, so a re-render only sets what changed. The
 * contents numbers are read back from where each item's named destination landed, and the
 * front matter is set again until they hold.
 */
import type { ReactElement } from 'react'
import type { SafeDocumentNode } from '@react-pdf/layout'
import { formatMonthHeading } from '@/chronology/dayCell'
import { issueLayout, type IssueLayout, type IssueModel, type SectionModel } from '@/issue/model'
import {
  COLUMN,
  COLUMN_X,
  EssayColumnsDocument,
  FlowSectionsDocument,
  FrameDocument,
  MARGIN,
  fillerPages,
  MASTHEAD_HEIGHT,
  PAGE,
  SidebarDocument,
  SIDEBAR_DENSITIES,
  listContents,
  pdfDate,
  sectionDest,
  tableOfContentsOrder,
  type ContentsSection,
  type EssaySectionRef,
  type FlowSectionRef,
  type FrameGap,
  type FrameMarker,
  type TocGroup,
} from '../../../templates/pdf'
import { balanceTail, flowUnits, type Ending, type RenderTail, type Tail } from './balance'
import { LruCache, fileStamps, hashOf } from './cache'
import { compose, partOf, type Part, type Placement } from './compose'
import { findUncoveredCharacters, withCoveredCharacters, type UncoveredCharacter } from './coverage'
import { prepareFonts } from './fonts'
import { findHyphenLadders, type HyphenLadder } from './ladders'
import { layOutTemplate } from './layOut'
import { writeShapedText } from './shapingStore'

export { findUncoveredCharacters, type UncoveredCharacter } from './coverage'
export { findOverflowingWords, type OverflowingWord } from './overflow'
export { hyphenateWord, registerFonts, FONT_FILES } from './fonts'
export { findHyphenLadders, MAX_HYPHENS_IN_A_ROW, type HyphenLadder } from './ladders'

export interface RenderIssuePdfOptions {
  /** Renders allowed for the table of contents to settle (default 3). */
  maxPasses?: number
  /** Reuse rendered parts whose inputs have not changed (default true). */
  cache?: boolean
  /** A proof's mark, printed in the footer of every page ("PROOF — includes unpublished drafts — …"). */
  proofMark?: string
}

export interface TocEntry {
  id: string
  title: string
  authors: string[]
  /** 1-based page of the finished PDF where the item starts. */
  page: number
  group: string
}

export interface RenderIssuePdfResult {
  pdf: Uint8Array
  pageCount: number
  toc: TocEntry[]
  /** How many times the front matter was rendered before its page numbers held. */
  passes: number
  /** Characters no font covers; they were printed as "?" (see findUncoveredCharacters). */
  uncoveredCharacters: UncoveredCharacter[]
  /** Pages of end matter added to close the last signature (counted in pageCount). */
  endMatterPages: number
  /** Runs of more than two hyphenated lines, by page of the issue (1-based), for preflight. */
  hyphenLadders: HyphenLadder[]
  /** Parts laid out by this render and their pages (the rest came from the cache). */
  laidOut: { parts: number; pages: number }
}

/** Bump when a template or the layout changes, so cached parts from before are not reused. */
const LAYOUT_VERSION = 12

// Laid-out parts by content hash. Bounded: an editor previewing many issues keeps a few.
const parts = new LruCache<Part>(160)
const frames = new LruCache<SafeDocumentNode>(8)

/** Drops every cached part (tests; or after templates change in a dev server). */
export function clearPdfCache(): void {
  parts.clear()
  frames.clear()
}

/**
 * A part by the hash of its inputs: from this render's own parts (`local`, always kept, as the
 * layout may ask for the same part again), then from the shared cache, else rendered.
 */
async function renderPart(
  key: string,
  useCache: boolean,
  local: Map<string, Promise<Part>>,
  element: () => ReactElement,
  labels: ReadonlyMap<string, string>,
  laidOut: RenderIssuePdfResult['laidOut'],
): Promise<Part> {
  const mine = local.get(key)
  if (mine) return mine
  const made = (async () => {
    const hit = useCache ? parts.get(key) : undefined
    if (hit) return hit
    const document = await layOutTemplate(element())
    const part = partOf(document, findHyphenLadders(document, labels))
    laidOut.parts++
    laidOut.pages += part.pageCount
    if (useCache) parts.set(key, part)
    return part
  })()
  local.set(key, made)
  return made
}

function imagePaths(sections: readonly SectionModel[]): string[] {
  const paths: string[] = []
  for (const s of sections) {
    if (s.kind === 'essays') {
      for (const e of s.essays) for (const b of e.body) if (b.type === 'figure') paths.push(b.image.printPath)
    } else if (s.kind === 'highlights') {
      for (const h of s.highlights) for (const p of h.photos) paths.push(p.image.printPath)
    } else if (s.kind === 'forthcoming' || s.kind === 'recent') {
      for (const p of s.publications) if (p.cover) paths.push(p.cover.printPath)
    }
  }
  return paths
}

type Run =
  | { kind: 'columns'; sections: EssaySectionRef[] }
  | {
      kind: 'flow'
      sections: FlowSectionRef[]
      /** The production editor asked for a new page: never start below the essays' columns. */
      newPage: boolean
    }

/** Whether a one-off section asks for a new page (the issue's layout fields). */
function opensPage(section: FlowSectionRef['section'], layout: IssueLayout): boolean {
  if (section.kind === 'highlights') return layout.highlightsOnNewPage
  if (section.kind === 'chronology') return layout.chronologyOnNewPage
  return false
}

/**
 * An essays section in parts: a new part where an essay starts on a new page (its layout
 * field), so that each part can open an A4 page of its own.
 */
function essayParts(section: Extract<SectionModel, { kind: 'essays' }>, sectionIndex: number): Array<{ ref: EssaySectionRef; newPage: boolean }> {
  const parts: Array<{ ref: EssaySectionRef; newPage: boolean }> = []
  section.essays.forEach((essay, i) => {
    const last = parts[parts.length - 1]
    const newPage = essay.layout?.startOnNewPage ?? false
    if (last && !newPage) last.ref.section.essays.push(essay)
    else parts.push({ ref: { section: { ...section, essays: [essay] }, sectionIndex, firstEssay: i }, newPage })
  })
  return parts
}

/**
 * How the sections are set: the leading essays flow in the columns from page 1 on; an essay
 * that starts on a new page opens a new run of columns. The one-off sections flow on after
 * what comes before them (below the essays' last columns when there is room, see arrange),
 * except highlights and the chronology when the issue's layout asks for a new page.
 */
function planRuns(model: IssueModel): { front: EssaySectionRef[]; runs: Run[] } {
  const layout = issueLayout(model)
  const front: EssaySectionRef[] = []
  const runs: Run[] = []
  model.sections.forEach((section, sectionIndex) => {
    const last = runs[runs.length - 1]
    if (section.kind === 'essays') {
      for (const { ref, newPage } of essayParts(section, sectionIndex)) {
        const tail = runs[runs.length - 1]
        // The lead essay is on page 1 whatever it asks.
        if (runs.length === 0 && (front.length === 0 || !newPage)) front.push(ref)
        else if (tail?.kind === 'columns' && !newPage) tail.sections.push(ref)
        else runs.push({ kind: 'columns', sections: [ref] })
      }
      return
    }
    const ref = { section, sectionIndex }
    const newPage = opensPage(section, layout)
    if (!newPage && last?.kind === 'flow') last.sections.push(ref)
    else runs.push({ kind: 'flow', sections: [ref], newPage })
  })
  return { front, runs }
}

/** Where each page of a part ended up: finished page and offset of its origin (by source page). */
type Origins = Map<Part, Array<{ page: number; x: number; y: number } | undefined>>

interface Layout {
  pages: Placement[][]
  origins: Origins
  /** Feet of the shorter column of balanced pages, for the frame to anchor (see FrameGap). */
  gaps: FrameGap[]
  /** Every part that was placed, in reading order (for finding destinations). */
  parts: Part[]
}

/** Space between the balanced columns of the essays' last page and a section set below them. */
const SHARE_GAP = 26
/** A section starts below the essays only when at least this much of the page is left. */
const MIN_SHARE = 150

/** A run of the issue as rendered: essays in columns (with how they end), or full-width sections. */
type PlacedRun =
  | { kind: 'columns'; part: Part; ending: Ending }
  | {
      kind: 'flow'
      part: Part
      /** Set when the part was rendered to start below the previous columns, this far down the page. */
      shareTop?: number
      /** Whether its first page holds anything (else the sections start on a new page). */
      shares: boolean
      /**
       * The rest of a long chronology, part by part: each starts on the last page of the part
       * before, `offsetTop` below the top margin, where that part ended.
       */
      next: Array<{ part: Part; offsetTop: number }>
    }

/**
 * Entries of a chronology part. A long chronology laid out as one document costs more than in
 * proportion to its length (react-pdf paginates the whole tree again for every page), and one
 * changed entry would set it all again: it is set in parts of about a page, each cached by
 * its entries and the point where it starts, the end of the part before.
 */
const CHRONOLOGY_PART = 24
/** Named destination where a part ends (not carried into the finished file). */
const END_MARKER = 'bp-part-end'

/** A flow run's sections in parts: the one long chronology split at entries (see CHRONOLOGY_PART). */
function chronologyParts(sections: readonly FlowSectionRef[]): FlowSectionRef[][] {
  const at = sections.findIndex((s) => s.section.kind === 'chronology' && s.section.chronology.entries.length > CHRONOLOGY_PART * 1.5)
  const ref = sections[at]
  if (!ref || ref.section.kind !== 'chronology') return [[...sections]]
  const { section } = ref
  // In print order (the template's monthGroups sorts the same way), so the parts follow on.
  const entries = [...section.chronology.entries].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.orderInDay - b.orderInDay)
  const count = Math.ceil(entries.length / CHRONOLOGY_PART)
  const out: FlowSectionRef[][] = []
  for (let i = 0; i < count; i++) {
    const slice = entries.slice(i * CHRONOLOGY_PART, (i + 1) * CHRONOLOGY_PART)
    const previous = i > 0 ? entries[i * CHRONOLOGY_PART - 1] : undefined
    const piece: FlowSectionRef = {
      section: { ...section, chronology: { ...section.chronology, entries: slice } },
      sectionIndex: ref.sectionIndex,
      part: {
        head: i === 0,
        foot: i === count - 1,
        continuedMonth: previous && formatMonthHeading(previous.startDate) === formatMonthHeading(slice[0].startDate) ? formatMonthHeading(slice[0].startDate) : undefined,
      },
    }
    out.push([...(i === 0 ? sections.slice(0, at) : []), piece, ...(i === count - 1 ? sections.slice(at + 1) : [])])
  }
  return out
}

/** Where a part's content ends on its last page, as space below the top margin. */
function endOf(part: Part): number {
  const end = part.dests.get(END_MARKER)
  if (!end || end.page !== part.pageCount - 1) throw new Error(`A chronology part did not end on its last page (${end?.page} of ${part.pageCount})`)
  return Math.max(0, PAGE.height - end.y - MARGIN.top)
}

function layOut(
  sidebar: { part?: Part; pages: number },
  front: { part: Part; ending: Ending } | undefined,
  runs: readonly PlacedRun[],
): Layout {
  const pages: Placement[][] = []
  const origins: Origins = new Map()
  const placed: Part[] = []
  const balanced: Array<{ page: number; tail: Tail }> = []
  const shared = new Set<number>()
  const place = (part: Part, source: number, page: number, x: number, y: number, cropTop: number) => {
    while (pages.length <= page) pages.push([])
    pages[page].push({ part, page: source, x, y, cropTop })
    let list = origins.get(part)
    if (!list) {
      list = []
      origins.set(part, list)
      placed.push(part)
    }
    list[source] = { page, x, y }
  }
  /**
   * Column pages from `start`: before `firstPair` one to a page in the right column (beside the
   * front matter), then two to a page; the balanced end replaces the part's last A4 page.
   */
  const placeColumns = (part: Part, ending: Ending, start: number, firstPair: number, cropFirst: number) => {
    const slot = (c: number) =>
      c < firstPair
        ? { page: start + c, x: COLUMN_X[1] }
        : { page: start + firstPair + Math.floor((c - firstPair) / 2), x: COLUMN_X[(c - firstPair) % 2] }
    const { tail } = ending
    for (let c = 0; c < (tail ? tail.from : part.pageCount); c++) {
      const { page, x } = slot(c)
      place(part, c, page, x, MARGIN.bottom, c === 0 ? cropFirst : 0)
    }
    if (tail) {
      const { page } = slot(tail.from)
      tail.pages.forEach((source, i) => place(tail.part, source, page, COLUMN_X[i], PAGE.height - MARGIN.top - tail.height, 0))
      balanced.push({ page, tail })
    }
  }
  // Page 1 onwards: front matter in the left column, the lead essay in the right one; once
  // the front matter ends, the essays take both columns.
  const k = sidebar.pages
  for (let i = 0; i < k; i++) {
    if (sidebar.part) place(sidebar.part, i, i, COLUMN_X[0], MARGIN.bottom, i === 0 ? MASTHEAD_HEIGHT : 0)
    else while (pages.length <= i) pages.push([])
  }
  if (front) placeColumns(front.part, front.ending, 0, k, MASTHEAD_HEIGHT)
  for (const run of runs) {
    const start = pages.length
    if (run.kind === 'columns') placeColumns(run.part, run.ending, start, 0, 0)
    else if (run.shareTop === undefined) {
      for (let p = 0; p < run.part.pageCount; p++) place(run.part, p, start + p, 0, 0, 0)
    } else if (run.shares) {
      // The first page goes under the essays' balanced columns, its empty top strip cut off.
      place(run.part, 0, start - 1, 0, 0, run.shareTop - SHARE_GAP / 2)
      shared.add(start - 1)
      for (let p = 1; p < run.part.pageCount; p++) place(run.part, p, start + p - 1, 0, 0, 0)
    } else {
      for (let p = 1; p < run.part.pageCount; p++) place(run.part, p, start + p - 1, 0, 0, 0)
    }
    if (run.kind !== 'flow') continue
    for (const { part, offsetTop } of run.next) {
      // The part's first page goes on the page where the part before ended, its empty top cut off.
      const last = pages.length - 1
      place(part, 0, last, 0, 0, MARGIN.top + offsetTop - 1)
      for (let p = 1; p < part.pageCount; p++) place(part, p, last + p, 0, 0, 0)
    }
  }
  // Text extractors read a column's last lines after the other column when nothing in the
  // other column reaches down beside them: fill the foot of the right column (down to the
  // bottom margin when nothing follows below) with inkless anchors. Only that column: anchors
  // side by side would be read as one line across both.
  const gaps: FrameGap[] = []
  const gap = (page: number, column: 0 | 1, from: number, to: number) => {
    if (to - from > 1) gaps.push({ page, left: COLUMN_X[column], top: MARGIN.top + from, width: COLUMN.width, height: to - from })
  }
  for (const { page, tail } of balanced) {
    if (tail.rightEnd === undefined) continue
    const foot = shared.has(page) ? tail.height : COLUMN.height
    gap(page, 1, tail.rightEnd, foot)
  }
  return { pages, origins, parts: placed, gaps }
}

/** Page (0-based) and top-left position on the finished page of a named destination. */
function locate(layout: Layout, dest: string): { page: number; left: number; top: number } | undefined {
  for (const part of layout.parts) {
    const d = part.dests.get(dest)
    const origin = d ? layout.origins.get(part)?.[d.page] : undefined
    if (d && origin) return { page: origin.page, left: origin.x + d.x, top: PAGE.height - (origin.y + d.y) }
  }
  return undefined
}

/** Names of the destinations where sections and their items start, in the editors' words. */
function destinationLabels(contents: readonly ContentsSection[]): Map<string, string> {
  const labels = new Map<string, string>()
  for (const section of contents) {
    labels.set(section.dest, `section “${section.title}”`)
    for (const item of section.items) labels.set(item.dest, section.kind === 'essays' ? `essay “${item.title}”` : `“${item.title}” (${section.title})`)
  }
  return labels
}

/** The ladders of the parts as placed, by page of the issue; pages set but not placed (a balanced tail's first try) are left out. */
function placedLadders(layout: Layout): HyphenLadder[] {
  return layout.parts
    .flatMap((part) =>
      (part.ladders ?? []).flatMap((ladder) => {
        const at = layout.origins.get(part)?.[ladder.page]
        return at ? [{ ...ladder, page: at.page + 1 }] : []
      }),
    )
    .sort((a, b) => a.page - b.page)
}

function frameKey(model: IssueModel) {
  const { publisher, volume, number, quarter, year, periodLabel, title, status, publicationDate, layout, mastheadOverride } = model
  return { publisher, volume, number, quarter, year, periodLabel, title, status, publicationDate, layout, mastheadOverride }
}

/**
 * Renders the print bulletin of an issue: A4, masthead and contents on page 1, essays in two
 * justified columns, the one-off sections full width, a running footer, bookmarks, links.
 * The "IN THIS ISSUE" page numbers are read back from the rendered pages and the front
 * matter is rendered again until they hold.
 */
export async function renderIssuePdf(input: IssueModel, options: RenderIssuePdfOptions = {}): Promise<RenderIssuePdfResult> {
  const maxPasses = options.maxPasses ?? 3
  const useCache = options.cache ?? true
  await prepareFonts()

  const uncoveredCharacters = findUncoveredCharacters(input)
  const model = withCoveredCharacters(input, uncoveredCharacters)
  const plan = planRuns(model)
  const contents = listContents(model)
  const meta = { v: LAYOUT_VERSION, date: model.publicationDate }

  const local = new Map<string, Promise<Part>>()
  const labels = destinationLabels(contents)
  const laidOut = { parts: 0, pages: 0 }
  const part = (key: object, element: () => ReactElement) =>
    renderPart(hashOf({ ...meta, ...key }), useCache, local, element, labels, laidOut)
  // Full-width sections, set once (chronology entries that go on to another page repeat
  // their day cell there in the same layout).
  const setFlow = (sections: FlowSectionRef[], files: readonly string[], offsetTop: number, end: boolean): Promise<Part> => {
    const endMarker = end ? END_MARKER : undefined
    return part({ kind: 'flow', sections, files, offsetTop, end }, () => FlowSectionsDocument({ model, sections, offsetTop, endMarker }))
  }

  // Essays in columns, set (or reused) once: they do not depend on the table of contents.
  // How their last page ends does, for the essays beside the front matter (it decides which
  // column pages share an A4 page), so that is worked out for each front-matter length.
  const columns = async (sections: EssaySectionRef[], offsetTop: number) => {
    const files = fileStamps(imagePaths(sections.map((s) => s.section)))
    const rendered = await part({ kind: 'columns', offset: offsetTop, sections, files }, () =>
      EssayColumnsDocument({ model, sections, offsetTop }),
    )
    const units = flowUnits(sections)
    const tail: RenderTail = (from, tailOffset, pageHeight, loose) =>
      part({ kind: 'tail', sections, files, from, offset: tailOffset, pageHeight, loose }, () =>
        EssayColumnsDocument({ model, sections, offsetTop: tailOffset, pageHeight, from, loose }),
      )
    const endings = new Map<number, Promise<Ending>>()
    const ending = (firstPair: number) => {
      let e = endings.get(firstPair)
      if (!e) endings.set(firstPair, (e = balanceTail(rendered, firstPair, units, tail)))
      return e
    }
    return { part: rendered, ending }
  }
  const front = plan.front.length > 0 ? await columns(plan.front, MASTHEAD_HEIGHT) : undefined
  const runColumns: Array<Awaited<ReturnType<typeof columns>> | undefined> = []
  for (const run of plan.runs) runColumns.push(run.kind === 'columns' ? await columns(run.sections, 0) : undefined)

  /** The runs for a front matter `k` pages long; a section run may start under the columns before it. */
  const arrange = async (sidebar: Part | undefined, k: number): Promise<Layout> => {
    const frontEnding = front ? await front.ending(k) : undefined
    let before = frontEnding
    const placed: PlacedRun[] = []
    for (const [i, run] of plan.runs.entries()) {
      const col = runColumns[i]
      if (run.kind === 'columns' && col) {
        const ending = await col.ending(0)
        placed.push({ kind: 'columns', part: col.part, ending })
        before = ending
        continue
      }
      if (run.kind !== 'flow') continue
      const files = fileStamps(imagePaths(run.sections.map((s) => s.section)))
      const top = before?.bottom !== undefined && !run.newPage ? MARGIN.top + before.bottom + SHARE_GAP : undefined
      const shareTop = top !== undefined && PAGE.height - MARGIN.bottom - top >= MIN_SHARE ? top : undefined
      const offsetTop = shareTop === undefined ? 0 : shareTop - MARGIN.top
      const [first, ...rest] = chronologyParts(run.sections)
      const flow = await setFlow(first, files, offsetTop, rest.length > 0)
      const shares = shareTop !== undefined && flow.dests.get(sectionDest(run.sections[0].sectionIndex))?.page === 0
      const next: Array<{ part: Part; offsetTop: number }> = []
      let previous = flow
      for (const [i, sections] of rest.entries()) {
        const top = endOf(previous)
        previous = await setFlow(sections, files, top, i < rest.length - 1)
        next.push({ part: previous, offsetTop: top })
      }
      placed.push({ kind: 'flow', part: flow, shareTop, shares, next })
      before = undefined
    }
    return layOut({ part: sidebar, pages: k }, front && frontEnding ? { part: front.part, ending: frontEnding } : undefined, placed)
  }

  const ordered = tableOfContentsOrder(contents)
  const items = ordered.flatMap((s) => s.items)
  const pageOf = (layout: Layout) =>
    items.map((item) => {
      const at = locate(layout, item.dest)
      if (!at) throw new Error(`Could not find where "${item.title}" starts in the rendered issue (${item.dest})`)
      return at.page + 1
    })

  // First guess: the front matter fits its first column. Then render, read back, repeat.
  let numbers = pageOf(await arrange(undefined, 1))
  let layout: Layout | undefined
  let passes = 0
  const frontMatter = {
    coverPullQuote: model.coverPullQuote,
    editorialCommittee: model.editorialCommittee,
    mastheadOverride: model.mastheadOverride,
    editorsIntro: model.editorsIntro,
    publisher: model.publisher,
  }
  for (;;) {
    passes++
    const printed = numbers
    let n = 0
    const groups: TocGroup[] = ordered.map((section) => ({
      title: section.title,
      lines: section.items.map((item) => ({ dest: item.dest, title: item.title, authors: item.authors, page: printed[n++] })),
    }))
    // Tighten the front matter step by step until it fits its column on page 1.
    let sidebar: Part | undefined
    for (let density = 0; density < SIDEBAR_DENSITIES.length && (!sidebar || sidebar.pageCount > 1); density++) {
      sidebar = await part({ kind: 'sidebar', frontMatter, groups, density }, () =>
        SidebarDocument({ model, groups, offsetTop: MASTHEAD_HEIGHT, density }),
      )
    }
    if (!sidebar) throw new Error('No front matter was rendered')
    layout = await arrange(sidebar, sidebar.pageCount)
    numbers = pageOf(layout)
    const moved = numbers.findIndex((page, i) => page !== printed[i])
    if (moved === -1) break
    if (passes >= maxPasses) {
      throw new Error(
        `The table of contents did not settle after ${passes} passes: "${items[moved].title}" is listed on page ${printed[moved]} but starts on page ${numbers[moved]}`,
      )
    }
  }

  const markers = frameMarkers(layout, contents)
  const { gaps } = layout
  // End matter (the issue's layout choice) closes the last signature of 4 pages.
  const endMatterPages = fillerPages(model, layout.pages.length)
  const pageCount = layout.pages.length + endMatterPages
  const pages = [...layout.pages, ...Array.from({ length: endMatterPages }, (): Placement[] => [])]
  const proofMark = options.proofMark
  const frameInput = { ...meta, frame: frameKey(model), pageCount, endMatterPages, markers, gaps, proofMark }
  const frameHash = hashOf(frameInput)
  let frame = useCache ? frames.get(frameHash) : undefined
  if (!frame) {
    frame = await layOutTemplate(FrameDocument({ model, pageCount, markers, gaps, endMatterPages, proofMark }))
    if (useCache) frames.set(frameHash, frame)
  }
  const bytes = await compose(frame, pages, pdfDate(model.publicationDate))
  writeShapedText()

  const toc: TocEntry[] = items.map((item, i) => ({
    id: item.id,
    title: item.title,
    authors: item.authors,
    page: numbers[i],
    group: item.group,
  }))
  return { pdf: bytes, pageCount, endMatterPages, toc, passes, uncoveredCharacters, hyphenLadders: placedLadders(layout), laidOut }
}

/** Destinations and bookmarks of the finished issue, in reading order. */
function frameMarkers(layout: Layout, contents: readonly ContentsSection[]): FrameMarker[] {
  const markers: FrameMarker[] = [
    { page: 0, left: MARGIN.left, top: MARGIN.top + MASTHEAD_HEIGHT, bookmark: { title: 'In This Issue', ref: 'front' } },
  ]
  for (const section of contents) {
    const first = section.items[0]
    const at = locate(layout, section.dest) ?? (first ? locate(layout, first.dest) : undefined)
    if (!at) continue
    const ref = section.dest
    markers.push({ ...at, dest: section.dest, bookmark: { title: section.title, ref } })
    section.items.forEach((item) => {
      const spot = locate(layout, item.dest)
      if (spot) markers.push({ ...spot, dest: item.dest, bookmark: { title: item.title, ref: item.dest, parent: ref } })
    })
  }
  return markers
}

/** Column geometry, for callers that lay out previews (e.g. the admin export view). */
export const PRINT_GEOMETRY = { page: PAGE, margin: MARGIN, column: COLUMN, mastheadHeight: MASTHEAD_HEIGHT } as const
