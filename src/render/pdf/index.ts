/**
 * The print bulletin: IssueModel -> A4 PDF.
 *
 * react-pdf cannot flow text through columns, so the issue is set in parts and put
 * together with pdf-lib:
 * - the essays as one column-wide, column-tall flow (templates/pdf/Essays.tsx), whose pages
 *   are placed two to an A4 page (the first one beside the front matter on page 1);
 * - the front matter of page 1 (contents box, cover quote, committee, masthead text) the same
 *   way, in the left column;
 * - the one-off sections full width on A4 pages (highlights and the chronology each open a
 *   page, publications follow on);
 * - a frame: masthead, running footer with page numbers, destinations, bookmarks, metadata.
 * Parts are cached by a hash of their inputs, so a re-render only sets what changed. The
 * contents numbers are read back from where each item's named destination landed, and the
 * front matter is set again until they hold.
 */
import type { ReactElement } from 'react'
import { pdf, type DocumentProps } from '@react-pdf/renderer'
import type { IssueModel, SectionModel } from '@/issue/model'
import {
  COLUMN,
  COLUMN_X,
  EssayColumnsDocument,
  FlowSectionsDocument,
  FrameDocument,
  MARGIN,
  MASTHEAD_HEIGHT,
  PAGE,
  SidebarDocument,
  SIDEBAR_DENSITIES,
  listContents,
  pdfDate,
  tableOfContentsOrder,
  type ContentsSection,
  type EssaySectionRef,
  type FlowSectionRef,
  type FrameMarker,
  type TocGroup,
} from '../../../templates/pdf'
import { LruCache, fileStamps, hashOf } from './cache'
import { compose, loadPart, type Part, type Placement } from './compose'
import { findUncoveredCharacters, withCoveredCharacters, type UncoveredCharacter } from './coverage'
import { registerFonts } from './fonts'

export { findUncoveredCharacters, type UncoveredCharacter } from './coverage'
export { hyphenateWord, registerFonts, FONT_FILES } from './fonts'

export interface RenderIssuePdfOptions {
  /** Renders allowed for the table of contents to settle (default 3). */
  maxPasses?: number
  /** Reuse rendered parts whose inputs have not changed (default true). */
  cache?: boolean
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
}

/** Bump when a template or the layout changes, so cached parts from before are not reused. */
const LAYOUT_VERSION = 1

// Parsed parts by content hash. Bounded: an editor previewing many issues keeps a few.
const parts = new LruCache<Part>(24)
const frames = new LruCache<Uint8Array>(8)

/** Drops every cached part (tests; or after templates change in a dev server). */
export function clearPdfCache(): void {
  parts.clear()
  frames.clear()
}

async function renderBytes(element: ReactElement<DocumentProps>): Promise<Uint8Array> {
  const instance = pdf(element)
  try {
    const stream = await instance.toBuffer()
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    return new Uint8Array(Buffer.concat(chunks))
  } finally {
    // Unmount, so the React tree of this render can be collected.
    instance.updateContainer(null as unknown as ReactElement<DocumentProps>)
  }
}

async function renderPart(key: string, useCache: boolean, element: () => ReactElement<DocumentProps>): Promise<Part> {
  const hit = useCache ? parts.get(key) : undefined
  if (hit) return hit
  const part = await loadPart(await renderBytes(element()))
  if (useCache) parts.set(key, part)
  return part
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

type Run = { kind: 'columns'; sections: EssaySectionRef[] } | { kind: 'flow'; sections: FlowSectionRef[] }

/**
 * How the sections are set: the leading essays flow in the columns from page 1 on; after
 * that, highlights and the chronology each open a new page, publications follow on.
 */
function planRuns(model: IssueModel): { front: EssaySectionRef[]; runs: Run[] } {
  const front: EssaySectionRef[] = []
  const runs: Run[] = []
  model.sections.forEach((section, sectionIndex) => {
    const last = runs[runs.length - 1]
    if (section.kind === 'essays') {
      if (runs.length === 0) front.push({ section, sectionIndex })
      else if (last.kind === 'columns') last.sections.push({ section, sectionIndex })
      else runs.push({ kind: 'columns', sections: [{ section, sectionIndex }] })
      return
    }
    const continues = (section.kind === 'forthcoming' || section.kind === 'recent') && last?.kind === 'flow'
    if (continues) last.sections.push({ section, sectionIndex })
    else runs.push({ kind: 'flow', sections: [{ section, sectionIndex }] })
  })
  return { front, runs }
}

/** Where each page of a part ended up: finished page and offset of its origin. */
type Origins = Map<Part, Array<{ page: number; x: number; y: number }>>

interface Layout {
  pages: Placement[][]
  origins: Origins
}

function layOut(
  sidebar: { part?: Part; pages: number },
  front: Part | undefined,
  runs: ReadonlyArray<{ kind: Run['kind']; part: Part }>,
): Layout {
  const pages: Placement[][] = []
  const origins: Origins = new Map()
  const place = (part: Part, page: number, x: number, y: number, cropTop: number) => {
    while (pages.length <= page) pages.push([])
    pages[page].push({ part, page: origins.get(part)?.length ?? 0, x, y, cropTop })
    const list = origins.get(part) ?? []
    list.push({ page, x, y })
    origins.set(part, list)
  }
  // Page 1 onwards: front matter in the left column, the lead essay in the right one; once
  // the front matter ends, the essays take both columns.
  const k = sidebar.pages
  for (let i = 0; i < k; i++) {
    if (sidebar.part) place(sidebar.part, i, COLUMN_X[0], MARGIN.bottom, i === 0 ? MASTHEAD_HEIGHT : 0)
    else while (pages.length <= i) pages.push([])
  }
  for (let c = 0; front && c < front.pageCount; c++) {
    const crop = c === 0 ? MASTHEAD_HEIGHT : 0
    if (c < k) place(front, c, COLUMN_X[1], MARGIN.bottom, crop)
    else place(front, k + Math.floor((c - k) / 2), COLUMN_X[(c - k) % 2], MARGIN.bottom, crop)
  }
  for (const run of runs) {
    const start = pages.length
    for (let p = 0; p < run.part.pageCount; p++) {
      if (run.kind === 'columns') place(run.part, start + Math.floor(p / 2), COLUMN_X[p % 2], MARGIN.bottom, 0)
      else place(run.part, start + p, 0, 0, 0)
    }
  }
  return { pages, origins }
}

/** Page (0-based) and top-left position on the finished page of a named destination. */
function locate(layout: Layout, all: readonly Part[], dest: string): { page: number; left: number; top: number } | undefined {
  for (const part of all) {
    const d = part.dests.get(dest)
    const origin = d ? layout.origins.get(part)?.[d.page] : undefined
    if (d && origin) return { page: origin.page, left: origin.x + d.x, top: PAGE.height - (origin.y + d.y) }
  }
  return undefined
}

function frameKey(model: IssueModel) {
  const { publisher, volume, number, quarter, year, periodLabel, title, status, publicationDate } = model
  return { publisher, volume, number, quarter, year, periodLabel, title, status, publicationDate }
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
  registerFonts()

  const uncoveredCharacters = findUncoveredCharacters(input)
  const model = withCoveredCharacters(input, uncoveredCharacters)
  const plan = planRuns(model)
  const contents = listContents(model)
  const meta = { v: LAYOUT_VERSION, date: model.publicationDate }

  // The sections do not depend on the table of contents: render (or reuse) them once.
  const front =
    plan.front.length > 0
      ? await renderPart(
          hashOf({ ...meta, kind: 'columns', offset: MASTHEAD_HEIGHT, sections: plan.front, files: fileStamps(imagePaths(plan.front.map((s) => s.section))) }),
          useCache,
          () => EssayColumnsDocument({ model, sections: plan.front, offsetTop: MASTHEAD_HEIGHT }),
        )
      : undefined
  const runs: Array<{ kind: Run['kind']; part: Part }> = []
  for (const run of plan.runs) {
    const files = fileStamps(imagePaths(run.sections.map((s) => s.section)))
    const key = hashOf({ ...meta, kind: run.kind, sections: run.sections, files })
    const part =
      run.kind === 'columns'
        ? await renderPart(key, useCache, () => EssayColumnsDocument({ model, sections: run.sections, offsetTop: 0 }))
        : await renderPart(key, useCache, () => FlowSectionsDocument({ model, sections: run.sections }))
    runs.push({ kind: run.kind, part })
  }
  const sectionParts = [...(front ? [front] : []), ...runs.map((r) => r.part)]

  const ordered = tableOfContentsOrder(contents)
  const items = ordered.flatMap((s) => s.items)
  const pageOf = (layout: Layout) =>
    items.map((item) => {
      const at = locate(layout, sectionParts, item.dest)
      if (!at) throw new Error(`Could not find where "${item.title}" starts in the rendered issue (${item.dest})`)
      return at.page + 1
    })

  // First guess: the front matter fits its first column. Then render, read back, repeat.
  let numbers = pageOf(layOut({ pages: 1 }, front, runs))
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
      sidebar = await renderPart(hashOf({ ...meta, kind: 'sidebar', frontMatter, groups, density }), useCache, () =>
        SidebarDocument({ model, groups, offsetTop: MASTHEAD_HEIGHT, density }),
      )
    }
    if (!sidebar) throw new Error('No front matter was rendered')
    layout = layOut({ part: sidebar, pages: sidebar.pageCount }, front, runs)
    numbers = pageOf(layout)
    const moved = numbers.findIndex((page, i) => page !== printed[i])
    if (moved === -1) break
    if (passes >= maxPasses) {
      throw new Error(
        `The table of contents did not settle after ${passes} passes: "${items[moved].title}" is listed on page ${printed[moved]} but starts on page ${numbers[moved]}`,
      )
    }
  }

  const markers = frameMarkers(layout, sectionParts, contents)
  const frameInput = { ...meta, frame: frameKey(model), pageCount: layout.pages.length, markers }
  const frameHash = hashOf(frameInput)
  let frameBytes = useCache ? frames.get(frameHash) : undefined
  if (!frameBytes) {
    frameBytes = await renderBytes(FrameDocument({ model, pageCount: layout.pages.length, markers }))
    if (useCache) frames.set(frameHash, frameBytes)
  }
  const bytes = await compose(frameBytes, layout.pages, pdfDate(model.publicationDate))

  const toc: TocEntry[] = items.map((item, i) => ({
    id: item.id,
    title: item.title,
    authors: item.authors,
    page: numbers[i],
    group: item.group,
  }))
  return { pdf: bytes, pageCount: layout.pages.length, toc, passes, uncoveredCharacters }
}

/** Destinations and bookmarks of the finished issue, in reading order. */
function frameMarkers(layout: Layout, all: readonly Part[], contents: readonly ContentsSection[]): FrameMarker[] {
  const markers: FrameMarker[] = [
    { page: 0, left: MARGIN.left, top: MARGIN.top + MASTHEAD_HEIGHT, bookmark: { title: 'In This Issue', ref: 'front' } },
  ]
  for (const section of contents) {
    const first = section.items[0]
    const at = locate(layout, all, section.dest) ?? (first ? locate(layout, all, first.dest) : undefined)
    if (!at) continue
    const ref = section.dest
    markers.push({ ...at, dest: section.dest, bookmark: { title: section.title, ref } })
    section.items.forEach((item) => {
      const spot = locate(layout, all, item.dest)
      if (spot) markers.push({ ...spot, dest: item.dest, bookmark: { title: item.title, ref: item.dest, parent: ref } })
    })
  }
  return markers
}

/** Column geometry, for callers that lay out previews (e.g. the admin export view). */
export const PRINT_GEOMETRY = { page: PAGE, margin: MARGIN, column: COLUMN, mastheadHeight: MASTHEAD_HEIGHT } as const
