import type { SafeDocumentNode, SafePageNode } from '@react-pdf/layout'
import type PDFDocument from 'pdfkit'
import type { PdfkitImage } from 'pdfkit'
import { printEngine } from './engine'
import type { HyphenLadder } from './ladders'

/**
 * The finished file from laid-out parts. react-pdf has no column flow, so the essays are laid
 * out on column-sized pages and each page is placed into a slot of an A4 page; the one-off
 * sections and the front matter likewise. Parts are only laid out (./layOut.ts): the pages
 * the issue keeps are drawn once, all into one PDF, over the frame's pages (masthead,
 * footers, destinations, bookmarks). So each font is subset once for the whole issue, and a
 * part that was laid out to be measured and then not used (a try at balancing the last
 * columns, a front matter too long for its column) is never written.
 */

/** A laid-out part of the issue, read from many times (and kept in the part cache). */
export interface Part {
  pages: SafePageNode[]
  pageCount: number
  /** Named destinations the templates set: page index and point (PDF user space, y up). */
  dests: Map<string, { page: number; x: number; y: number }>
  /** Runs of hyphenated lines found when the part was set (./ladders.ts), by page of the part. */
  ladders?: HyphenLadder[]
}

/** One source page drawn onto a finished page. */
export interface Placement {
  part: Part
  page: number
  /** Where the source page's bottom-left corner lands. */
  x: number
  y: number
  /** Points cut from the top of the source page (the masthead strip on page 1). */
  cropTop: number
}

/** What of a laid-out node is read here (the rest is react-pdf's and drawn as it is). */
interface LaidOutNode {
  type?: string
  box?: { top?: number; left?: number; width?: number; height?: number }
  props?: Record<string, unknown>
  children?: LaidOutNode[]
}

const idOf = (node: LaidOutNode): string | undefined => {
  const id = node.props?.id
  return typeof id === 'string' ? id : undefined
}

/**
 * The named destinations of a laid-out document, where react-pdf would write them: at the
 * node's box, read as PDF points (y up from the foot of the page). A name set twice (a view
 * split across pages) keeps its last place, as in react-pdf's own name tree.
 */
function destinationsOf(pages: readonly SafePageNode[]): Part['dests'] {
  const dests: Part['dests'] = new Map()
  pages.forEach((page, index) => {
    const height = page.box?.height ?? 0
    const visit = (node: LaidOutNode) => {
      const id = idOf(node)
      if (id !== undefined && node.box) dests.set(id, { page: index, x: node.box.left ?? 0, y: height - (node.box.top ?? 0) })
      node.children?.forEach(visit)
    }
    ;(page.children as LaidOutNode[] | undefined)?.forEach(visit)
  })
  return dests
}

/**
 * A part from its laid-out document: its destinations are read, then taken off its pages
 * (the frame sets the finished file's), once, however often the part is placed.
 */
export function partOf(document: SafeDocumentNode, ladders?: HyphenLadder[]): Part {
  const dests = destinationsOf(document.children)
  const pages = document.children.map((page) => withoutDestinations(page as unknown as LaidOutNode) as unknown as SafePageNode)
  return { pages, pageCount: pages.length, dests, ladders }
}

/** A node without the named destinations inside it; only the nodes on the way to one are copied. */
function withoutDestinations(node: LaidOutNode): LaidOutNode {
  let children = node.children
  if (children) {
    const stripped = children.map(withoutDestinations)
    if (stripped.some((child, i) => child !== children?.[i])) children = stripped
  }
  if (idOf(node) === undefined && children === node.children) return node
  const props = { ...node.props }
  delete props.id
  return { ...node, props, children }
}

/** A source page as a node of the finished page: moved to its slot, its top strip cut off. */
function placed(at: Placement, pageHeight: number): LaidOutNode {
  const source = at.part.pages[at.page]
  if (!source) throw new Error(`A part has no page ${at.page + 1}`)
  const width = source.box?.width ?? 0
  const height = source.box?.height ?? 0
  const content: LaidOutNode = {
    type: 'VIEW',
    props: {},
    box: { left: 0, top: -at.cropTop, width, height },
    children: (source.children as LaidOutNode[] | undefined) ?? [],
  }
  // A clipping view the size of what is kept of the page, as a form's bounding box would be.
  return {
    type: 'VIEW',
    props: {},
    style: { overflow: 'hidden' },
    box: { left: at.x, top: pageHeight - at.y - height + at.cropTop, width, height: height - at.cropTop },
    children: [content],
  } as LaidOutNode
}

/** An image node's picture, as react-pdf loaded it. */
type LoadedImage = { data?: unknown }

/**
 * Embeds the pictures one after the other, in the order they are drawn, before the
 * pages are drawn. pdfkit writes a PNG with transparency only once its pixels are decoded,
 * which happens off the main thread: embedded as they are met, several pictures would be
 * written in whatever order their decoding ended, and the same issue would give another file.
 */
async function embedImagesInOrder(ctx: PDFDocument, document: SafeDocumentNode): Promise<void> {
  const embedded = new Map<unknown, PdfkitImage>()
  const pictures: Uint8Array[] = []
  const visit = (node: LaidOutNode & { image?: LoadedImage }) => {
    const data = node.image?.data
    if (data instanceof Uint8Array && !pictures.includes(data)) pictures.push(data)
    node.children?.forEach(visit)
  }
  visit(document as unknown as LaidOutNode)
  const open = ctx.openImage.bind(ctx)
  for (const data of pictures) {
    const image = open(data)
    await new Promise<void>((resolve) => {
      const finalize = image.finalize
      if (finalize) {
        image.finalize = function finalizeInOrder(this: PdfkitImage) {
          const result = finalize.call(this)
          resolve()
          return result
        }
      }
      image.embed(ctx)
      if (!finalize) resolve()
    })
    embedded.set(data, image)
  }
  // react-pdf opens each picture it draws: it gets the one already embedded.
  ctx.openImage = (src) => embedded.get(src) ?? open(src)
}

/** What react-pdf writes of a Document's props into the file (its own render does the same). */
interface FrameProps {
  title?: string
  author?: string
  subject?: string
  keywords?: string
  creator?: string
  producer?: string
  language?: string
  pdfVersion?: string
  pageLayout?: string
}

/**
 * Draws the placements over the frame's pages and returns the finished file. The frame
 * (masthead, footers, destinations, bookmarks, metadata) gives the pages and the file's props.
 */
export async function compose(frame: SafeDocumentNode, pages: ReadonlyArray<readonly Placement[]>, modified: Date): Promise<Uint8Array> {
  if (frame.children.length !== pages.length) {
    throw new Error(`Frame has ${frame.children.length} pages but the layout has ${pages.length}`)
  }
  const { PDFDocument, renderPdf } = await printEngine()
  const props = frame.props as FrameProps
  const info: Record<string, string | Date> = {
    // The date, not the clock: the same issue gives the same file.
    CreationDate: modified,
    ModDate: modified,
  }
  const given = { Title: props.title, Author: props.author, Subject: props.subject, Keywords: props.keywords, Creator: props.creator, Producer: props.producer }
  for (const [key, value] of Object.entries(given)) if (value !== undefined) info[key] = value
  const ctx = new PDFDocument({
    compress: true,
    // zlib's level 4, not pdfkit's 6 (patches/pdfkit+0.20.1.patch reads this): the page
    // contents and fonts are deflated in 30% less time (3.9 against 5.6 ms for the demo); the
    // demo's file is 0.7% larger (most of it is pictures, already compressed), a chronology
    // of text alone 27%.
    compressionLevel: 4,
    pdfVersion: props.pdfVersion,
    lang: props.language,
    displayTitle: true,
    autoFirstPage: false,
    pageLayout: props.pageLayout,
    info,
  })
  const finished = {
    ...frame,
    children: frame.children.map((page, i) => {
      const placements = pages[i] ?? []
      if (placements.length === 0) return page
      const height = page.box?.height ?? 0
      return { ...page, children: [...((page.children ?? []) as LaidOutNode[]), ...placements.map((at) => placed(at, height))] }
    }),
  } as SafeDocumentNode
  await embedImagesInOrder(ctx, finished)
  const chunks: Buffer[] = []
  const done = new Promise<void>((resolve, reject) => {
    ctx.on('data', (chunk: Buffer) => chunks.push(chunk))
    ctx.on('end', () => resolve())
    ctx.on('error', reject)
  })
  renderPdf(ctx as unknown as Parameters<typeof renderPdf>[0], finished)
  await done
  return new Uint8Array(Buffer.concat(chunks))
}
