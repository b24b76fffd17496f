import type { HyphenLadder } from './ladders'
import {
  concatTransformationMatrix,
  decodePDFRawStream,
  drawObject,
  ParseSpeeds,
  PDFArray,
  PDFContentStream,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFRawStream,
  PDFRef,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  type PDFContext,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib'

/**
 * The pdf-lib side of the layout: react-pdf has no column flow, so the essays are set on
 * column-sized pages and each page is placed, as a form XObject, into a slot of an A4 page.
 * Text stays real text (pdftotext reads it column by column), links are carried over.
 */

/** A rendered react-pdf document, parsed once and read from many times. */
export interface Part {
  doc: PDFDocument
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

const LOAD = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const

function destName(key: unknown): string | undefined {
  if (key instanceof PDFString || key instanceof PDFHexString) return key.decodeText()
  return undefined
}

function numberAt(array: PDFArray, index: number): number {
  const value = array.lookup(index)
  return value instanceof PDFNumber ? value.asNumber() : 0
}

/** Reads the /Dests name tree react-pdf writes for every element with an `id`. */
function readDests(doc: PDFDocument): Part['dests'] {
  const dests: Part['dests'] = new Map()
  const pageIndex = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i]))
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)
  const root = names?.lookupMaybe(PDFName.of('Dests'), PDFDict)
  const visit = (node: PDFDict) => {
    const list = node.lookupMaybe(PDFName.of('Names'), PDFArray)
    for (let i = 0; list && i + 1 < list.size(); i += 2) {
      const name = destName(list.lookup(i))
      let dest = list.lookup(i + 1)
      if (dest instanceof PDFDict) dest = dest.lookup(PDFName.of('D'))
      if (!name || !(dest instanceof PDFArray)) continue
      const pageRef = dest.get(0)
      const page = pageRef instanceof PDFRef ? pageIndex.get(pageRef.toString()) : undefined
      if (page === undefined) continue
      dests.set(name, { page, x: numberAt(dest, 2), y: numberAt(dest, 3) })
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray)
    for (let i = 0; kids && i < kids.size(); i++) visit(kids.lookup(i, PDFDict))
  }
  if (root) visit(root)
  return dests
}

export async function loadPart(bytes: Uint8Array): Promise<Part> {
  const doc = await PDFDocument.load(bytes, LOAD)
  return { doc, pageCount: doc.getPageCount(), dests: readDests(doc) }
}

/** The page's content stream bytes as stored (no re-compression), with their filter. */
function pageContents(page: PDFPage): { bytes: Uint8Array; filter?: PDFName | PDFArray } {
  const contents = page.node.Contents()
  if (contents instanceof PDFRawStream) {
    const filter = contents.dict.lookup(PDFName.of('Filter'))
    const hasParams = contents.dict.has(PDFName.of('DecodeParms'))
    if (!hasParams && (filter === undefined || filter instanceof PDFName || filter instanceof PDFArray)) {
      return { bytes: contents.contents, filter }
    }
    return { bytes: decodePDFRawStream(contents).decode() }
  }
  const parts: Uint8Array[] = []
  for (let i = 0; contents instanceof PDFArray && i < contents.size(); i++) {
    parts.push(decodePDFRawStream(contents.lookup(i, PDFRawStream)).decode(), Uint8Array.of(0x0a))
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const p of parts) {
    bytes.set(p, offset)
    offset += p.length
  }
  return { bytes }
}

/** A form XObject of the source page, cropped at the top, in the target's context. */
function formOf(context: PDFContext, copier: PDFObjectCopier, page: PDFPage, cropTop: number): PDFRef {
  const { width, height } = page.getSize()
  const { bytes, filter } = pageContents(page)
  const form = context.obj({
    Type: 'XObject',
    Subtype: 'Form',
    FormType: 1,
    BBox: [0, 0, width, height - cropTop],
    Matrix: [1, 0, 0, 1, 0, 0],
  })
  const resources = page.node.Resources()
  if (resources) form.set(PDFName.of('Resources'), copier.copy(resources))
  if (filter) form.set(PDFName.of('Filter'), copier.copy(filter))
  return context.register(PDFRawStream.of(form, bytes))
}

/** Link annotations of the source page, moved to where the page was placed. */
function carryLinks(context: PDFContext, copier: PDFObjectCopier, from: PDFPage, to: PDFPage, at: Placement) {
  const annots = from.node.Annots()
  if (!annots) return
  const top = from.getSize().height - at.cropTop
  for (let i = 0; i < annots.size(); i++) {
    const annot = annots.lookup(i, PDFDict)
    const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray)
    if (!rect) continue
    const [x1, y1, x2, y2] = [0, 1, 2, 3].map((n) => numberAt(rect, n))
    if (Math.min(y1, y2) >= top) continue // inside the cropped strip
    const moved = context.obj({})
    for (const [key, value] of annot.entries()) {
      // /P would drag the whole source page along.
      if (key === PDFName.of('Rect') || key === PDFName.of('P')) continue
      moved.set(key, copier.copy(value))
    }
    moved.set(
      PDFName.of('Rect'),
      context.obj([x1 + at.x, y1 + at.y, x2 + at.x, Math.min(y2, top) + at.y]),
    )
    to.node.addAnnot(context.register(moved))
  }
}

/**
 * A content stream of a few operators, stored as it is: pdf-lib would deflate each one with
 * its own compressor (a fresh window of some 256 KB each), for streams a few bytes long.
 */
function plainStream(context: PDFContext, operators: PDFOperator[]): PDFRef {
  return context.register(PDFContentStream.of(context.obj({}), operators, false))
}

/**
 * Draws the placements onto the frame's pages and returns the finished file. The frame
 * (masthead, footers, destinations, bookmarks, metadata) is the base document.
 */
export async function compose(
  frameBytes: Uint8Array,
  pages: ReadonlyArray<readonly Placement[]>,
  modified: Date,
): Promise<Uint8Array> {
  const out = await PDFDocument.load(frameBytes, LOAD)
  // react-pdf writes the modification date under a key readers ignore (/ModificationDate);
  // set the standard /ModDate from the model instead of the clock.
  out.setModificationDate(modified)
  out.context.lookupMaybe(out.context.trailerInfo.Info, PDFDict)?.delete(PDFName.of('ModificationDate'))
  const { context } = out
  const copiers = new Map<Part, PDFObjectCopier>()
  // One copier per source document, so fonts and images shared by its pages are copied once.
  const copierFor = (part: Part) => {
    let copier = copiers.get(part)
    if (!copier) {
      copier = PDFObjectCopier.for(part.doc.context, context)
      copiers.set(part, copier)
    }
    return copier
  }
  const targets = out.getPages()
  if (targets.length !== pages.length) {
    throw new Error(`Frame has ${targets.length} pages but the layout has ${pages.length}`)
  }
  pages.forEach((placements, index) => {
    if (placements.length === 0) return
    const target = targets[index]
    // The frame's own content leaves react-pdf's flipped coordinate system in place; fence
    // it in q/Q so the placements below start from the default user space.
    target.node.wrapContentStreams(plainStream(context, [pushGraphicsState()]), plainStream(context, [popGraphicsState()]))
    const operators = placements.flatMap((placement, n) => {
      const copier = copierFor(placement.part)
      const source = placement.part.doc.getPage(placement.page)
      const name = PDFName.of(`BP${n}`)
      target.node.setXObject(name, formOf(context, copier, source, placement.cropTop))
      carryLinks(context, copier, source, target, placement)
      return [
        pushGraphicsState(),
        concatTransformationMatrix(1, 0, 0, 1, placement.x, placement.y),
        drawObject(name),
        popGraphicsState(),
      ]
    })
    target.node.addContentStream(plainStream(context, operators))
  })
  retagSubsetFonts(context)
  return out.save({ useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY })
}

const SUBSET_TAG = /^[A-Z]{6}\+/

/**
 * Each react-pdf document names its font subsets from the same counter ("CZZZZZ+NotoSans-Bold"),
 * so the merged file would hold different subsets under one name, which some print drivers
 * merge. Give every subset its own tag, in object order (deterministic).
 */
function retagSubsetFonts(context: PDFContext) {
  let next = 0
  const tag = () => {
    let n = next++
    let out = ''
    for (let i = 0; i < 6; i++) {
      out = String.fromCharCode(65 + (n % 26)) + out
      n = Math.floor(n / 26)
    }
    return out
  }
  const rename = (dict: PDFDict, key: string, newTag: string) => {
    const name = dict.lookupMaybe(PDFName.of(key), PDFName)?.decodeText()
    if (name && SUBSET_TAG.test(name)) dict.set(PDFName.of(key), PDFName.of(`${newTag}+${name.slice(7)}`))
  }
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue
    if (object.lookupMaybe(PDFName.of('Subtype'), PDFName) !== PDFName.of('Type0')) continue
    const newTag = tag()
    rename(object, 'BaseFont', newTag)
    const descendants = object.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)
    for (let i = 0; descendants && i < descendants.size(); i++) {
      const cid = descendants.lookup(i, PDFDict)
      rename(cid, 'BaseFont', newTag)
      const descriptor = cid.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict)
      if (descriptor) rename(descriptor, 'FontName', newTag)
    }
  }
}
