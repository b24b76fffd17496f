import type { Block } from '@/issue/model'
import { BODY, COLUMN, FLOW_END, flowMarker, type EssaySectionRef, type FlowPoint } from '../../../templates/pdf'
import type { Part } from './compose'

/**
 * Balancing the last page of the essays. The essays are set as one column on column-sized
 * pages, placed two to an A4 page; the last A4 page would hold whatever is left, all in its
 * left column. Instead, the end of the flow is set again on shorter pages, so that it fills
 * both columns to about the same height and the next section can start below.
 *
 * react-pdf cannot change the page height in the middle of a flow, so the end is a render of
 * its own, from a unit (essay header or body block) on:
 * - when the last page starts with a whole unit, from that unit, at the top of the page;
 * - when a unit runs on from the page before, from that unit, after a spacer that leaves it
 *   exactly the room it had there: react-pdf breaks it at the same line, the first page of the
 *   render repeats the foot of the previous column (and is not placed), the next ones are the
 *   balanced columns.
 * Where the units landed is read from zero-size markers the template sets (see flowMarker);
 * every guess is checked against the first render, and the part is placed as it is when a
 * check fails.
 */

/** The balanced end of a column part. */
export interface Tail {
  part: Part
  /** First page of the column part it replaces: the left column of the last A4 page. */
  from: number
  /** Pages of `part` to place, in the left and right column of that A4 page. */
  pages: number[]
  /** Height of those pages, i.e. of the balanced columns. */
  height: number
  /** Where the text of the right column ends, from its top (when there is one). */
  rightEnd?: number
}

export interface Ending {
  /** The balanced end, when the part's last A4 page could be balanced. */
  tail?: Tail
  /**
   * How far down the columns of the last A4 page reach (from the top of the column area), so
   * that what follows can start below; undefined when that page holds the front matter.
   */
  bottom?: number
}

/** Renders the flow from `from` on pages `pageHeight` tall, after a spacer of `offsetTop`. */
export type RenderTail = (from: FlowPoint, offsetTop: number, pageHeight: number, loose: boolean) => Promise<Part>

/** A unit of the flow: an essay's header or one of its body blocks. */
export interface FlowUnit extends FlowPoint {
  type: Block['type'] | 'head'
}

/** Every unit of the flow, in order: each essay's header, then its body blocks. */
export function flowUnits(sections: readonly EssaySectionRef[]): FlowUnit[] {
  const units: FlowUnit[] = []
  let essay = 0
  for (const { section } of sections) {
    for (const e of section.essays) {
      units.push({ essay, block: 'head', type: 'head' })
      e.body.forEach((b, block) => units.push({ essay, block, type: b.type }))
      essay++
    }
  }
  return units
}

interface Spot {
  page: number
  /** Distance from the top of its page. */
  top: number
}

function spot(part: Part, name: string, pageHeight: number): Spot | undefined {
  const d = part.dests.get(name)
  return d ? { page: d.page, top: pageHeight - d.y } : undefined
}

const nameOf = (p: FlowPoint) => flowMarker(p.essay, p.block)

/** One body line: the step by which the balanced height grows when the end does not fit. */
const STEP = BODY.fontSize * BODY.lineHeight
const TRIES = 6
/** Halvings of the search for the lowest height that holds the end. */
const BISECT = 4
/** Units that never break across pages (react-pdf would let one taller than the page overflow). */
const WHOLE = new Set<FlowUnit['type']>(['head', 'figure', 'pullQuote'])
/**
 * Units whose text react-pdf breaks by orphans and widows of 2: a page must hold 3 of their
 * lines, or a 3-line paragraph that does not fit moves from page to page for ever. Paragraphs
 * and quotes may go down to 2 lines when set loose (widows of 1, see BodyBlock).
 */
const LOOSE_SAFE = new Set<FlowUnit['type']>(['paragraph', 'quote', 'figure', 'pullQuote', 'list'])

/**
 * How `part` ends: its pages from `firstPair` on are placed two to an A4 page (before that,
 * one to a page, beside the front matter). The last A4 page is balanced when it can be set
 * again exactly; otherwise the part is placed as it is.
 */
export async function balanceTail(
  part: Part,
  firstPair: number,
  units: readonly FlowUnit[],
  render: RenderTail,
): Promise<Ending> {
  const n = part.pageCount
  const end = spot(part, FLOW_END, COLUMN.height)
  if (n - 1 < firstPair || !end) return {}
  const from = firstPair + 2 * Math.floor((n - 1 - firstPair) / 2)
  const asIs: Ending = { bottom: end.page === from ? end.top : COLUMN.height }
  // What is left to set: the last page's left column (full, when the right one is used) and
  // the right column down to the end.
  const left = end.page === from ? end.top : COLUMN.height
  const right = end.page === from ? 0 : end.top
  if (left + right < 2.5 * STEP) return asIs

  const spots: Spot[] = []
  for (const unit of units) {
    const s = spot(part, nameOf(unit), COLUMN.height)
    if (!s) return asIs
    spots.push(s)
  }
  const after = (i: number) => (i + 1 < units.length ? spots[i + 1] : end)
  const afterName = (i: number) => (i + 1 < units.length ? nameOf(units[i + 1]) : FLOW_END)
  // The last unit whose marker lies before the last page: it may have run on into that page,
  // or moved to it whole (a marker stays where its unit would have started).
  let u = -1
  spots.forEach((s, i) => {
    if (s.page < from) u = i
  })

  let start: number
  let clean: boolean
  if (u < 0) {
    start = 0
    clean = true
  } else if (u + 1 < units.length && spots[u + 1].page === from && spots[u + 1].top < 0.5) {
    start = u + 1
    clean = true
  } else {
    // Did unit u move to the last page whole? Set it at the top of a column and compare.
    start = u
    const probe = await render(units[u], 0, COLUMN.height, false)
    const marks = [...units.map(nameOf), FLOW_END].filter((_, i) => (i < units.length ? spots[i] : end).page === from)
    clean =
      marks.length > 0 &&
      marks.every((name) => {
        const inPart = spot(part, name, COLUMN.height)
        const inProbe = spot(probe, name, COLUMN.height)
        return inPart && inProbe && inProbe.page === 0 && Math.abs(inProbe.top - inPart.top) < 0.5
      })
    if (!clean && spots[u].page !== from - 1) return asIs // a unit longer than a column: leave it
  }
  // The room the starting unit had on the page before; a render that is not clean repeats it.
  const room = clean ? 0 : COLUMN.height - spots[start].top
  const first = clean ? 0 : 1
  const next = after(start)
  const nextName = afterName(start)

  // Pages must hold the tallest unit that does not break, and three body lines.
  let tallest = 0
  for (let i = start; i < units.length; i++) {
    if (!WHOLE.has(units[i].type)) continue
    const s = spots[i]
    const a = after(i)
    tallest = Math.max(tallest, a.page === s.page ? a.top - s.top : a.top)
  }
  const least = (lines: number) => Math.max(lines * STEP + 0.5, tallest + 0.5, room)
  const half = Math.ceil((left + right) / 2 + STEP / 2)

  /** The end set on pages `height` tall, if it fills the left column and ends in the right one. */
  const attempt = async (height: number, loose: boolean): Promise<Ending | 'taller' | 'fail'> => {
    const tail = await render(units[start], clean ? 0 : height - room, height, loose)
    if (tail.pageCount - first > 2) return 'taller'
    const endInTail = spot(tail, FLOW_END, height)
    if (!endInTail) return 'fail'
    if (!clean && next.page === from) {
      // The unit after the start begins in the left column at the very height it has in the
      // part: else the start was broken at another line than in the part.
      const nextInTail = spot(tail, nextName, height)
      if (!nextInTail || nextInTail.page < first || Math.abs(nextInTail.top - next.top) > 0.5) return 'fail'
      if (nextInTail.page > first) return 'taller'
    }
    const pages = first + 1 < tail.pageCount ? [first, first + 1] : [first]
    const rightEnd = pages.length === 2 ? endInTail.top : undefined
    return { tail: { part: tail, from, pages, height, rightEnd }, bottom: pages.length === 1 ? endInTail.top : height }
  }

  // Grow from the estimate until the end fits in the two columns...
  let strict: Ending | undefined
  let fits = 0
  for (let height = Math.max(half, least(3)), i = 0; i < TRIES && height <= COLUMN.height; i++, height += STEP) {
    const result = await attempt(height, false)
    if (result === 'fail') return asIs
    if (result === 'taller') continue
    strict = result
    fits = height
    break
  }
  // ...then look for the lowest height at which it still does: the columns are then as even
  // as the breaks allow (the estimate counts the left column of the part as full).
  let short = Math.max(least(3), (left + right) / 2 - STEP)
  for (let i = 0; strict && i < BISECT && fits - short > 2; i++) {
    const height = Math.round(fits + short) / 2
    const result = await attempt(height, false)
    if (typeof result === 'string') short = height
    else {
      strict = result
      fits = height
    }
  }
  // All of it went into the left column: the end is a paragraph too short to break without
  // leaving a widow. Share it out all the same; on the last page that is the lesser evil.
  const loosable = clean && units.slice(start).every((unit) => LOOSE_SAFE.has(unit.type))
  if (strict?.tail?.pages.length === 1 && loosable) {
    const loose = await attempt(Math.max(half, least(2)), true)
    if (typeof loose !== 'string' && loose.tail?.pages.length === 2) return loose
  }
  return strict ?? asIs
}
