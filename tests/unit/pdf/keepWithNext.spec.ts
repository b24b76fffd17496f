import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Block, EssayModel, IssueModel } from '@/issue/model'
import { renderIssuePdf } from '@/render/pdf'
import { COLUMN, COLUMN_X, MARGIN } from '../../../templates/pdf/theme'
import { makeIssueModel, runs } from '../../fixtures/issueModel'
import { pdfwords, type PdfWord } from './pdfTools'

/**
 * Keep-with-next, on the rendered PDF: an essay's title and byline, and a heading in its body,
 * never end a column without at least three lines of their text after them, even when a tall
 * figure comes first (the figure moves to the next column with them). Two sweeps, a render
 * each step: the first essay is shortened a few words at a time, so that the second essay's
 * title starts at every height down a column; then the paragraph before a sub-heading is
 * lengthened a few words at a time, so that the heading reaches every height.
 */

let dir: string
let base: IssueModel

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-pdf-keep-'))
  base = await makeIssueModel(path.join(dir, 'images'))
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const essays = (model: IssueModel): EssayModel[] => {
  const section = model.sections[0]
  if (section.kind !== 'essays') throw new Error('fixture starts with essays')
  return section.essays
}

const textOf = (b: Block | undefined) => (b?.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : '')
const paragraph = (text: string): Block => ({ type: 'paragraph', runs: runs(text) })

/** The column a word is in, by its left edge. */
const columnOf = (w: PdfWord) => (w.xMin < COLUMN_X[1] - 5 ? 0 : 1)

/** Foot of the text columns, from the top of the page (pdftotext's y). */
const COLUMN_FOOT = MARGIN.top + COLUMN.height

/** Lines (distinct tops) of body text in the column of `from`, from it down, on its page. */
function linesFrom(words: PdfWord[], from: PdfWord): number {
  const tops = new Set(
    words
      .filter((w) => columnOf(w) === columnOf(from) && w.yMin > from.yMin - 1 && w.yMax < COLUMN_FOOT + 2 && !/^\u3164+$/.test(w.text))
      .filter((w) => w.yMax - w.yMin < 14) // body text, not a title
      .map((w) => Math.round(w.yMin)),
  )
  return tops.size
}

interface Follow {
  label: string
  /** The heading's first words. */
  lead: string[]
  /** The first words of the text it must keep with. */
  text: string[]
}

interface Sweep {
  problems: string[]
  /** Headings found at all. */
  checked: number
  /** Headings set in the last quarter of a column, or that ended one (the case under test). */
  nearFoot: number
}

/** Renders `model` and checks each heading of `follows` on every page after the first. */
async function check(model: IssueModel, step: string, follows: readonly Follow[], sweep: Sweep) {
  const result = await renderIssuePdf(model)
  const file = path.join(process.env.KEEP_PDF_DIR ?? dir, `keep-${step.replace(/\W+/g, '-')}.pdf`)
  writeFileSync(file, result.pdf)
  for (let page = 2; page <= result.pageCount; page++) {
    const ws = pdfwords(file, page)
    const find = (lead: readonly string[]) => ws.findIndex((w, i) => lead.every((t, k) => ws[i + k]?.text === t))
    for (const { label, lead, text } of follows) {
      const at = find(lead)
      if (at < 0) continue
      sweep.checked++
      const start = find(text)
      // Its text starts in the same column of the same page, with three lines there at least.
      if (start < 0 || columnOf(ws[start]) !== columnOf(ws[at]) || ws[start].yMin < ws[at].yMin) {
        sweep.nearFoot++
        sweep.problems.push(`${step}: the ${label} on page ${page} ends its column; its text starts elsewhere`)
        continue
      }
      if (ws[start].yMin > COLUMN_FOOT - COLUMN.height / 4) sweep.nearFoot++
      const lines = linesFrom(ws, ws[start])
      if (lines < 3) sweep.problems.push(`${step}: the ${label} on page ${page} has ${lines} line(s) of its text after it`)
    }
  }
}

/** The column (counted from the start of the issue) where the heading of `follow` is set. */
async function columnOfHeading(model: IssueModel, follow: Follow): Promise<number> {
  const result = await renderIssuePdf(model)
  const file = path.join(dir, 'where.pdf')
  writeFileSync(file, result.pdf)
  for (let page = 2; page <= result.pageCount; page++) {
    const ws = pdfwords(file, page)
    const at = ws.findIndex((w, i) => follow.lead.every((t, k) => ws[i + k]?.text === t))
    if (at >= 0) return page * 2 + columnOf(ws[at])
  }
  throw new Error(`the ${follow.label} is printed`)
}

/** Filler words, about seven to a line of the column. */
const FILLER = 'Officials of both governments reviewed the progress of cooperation projects on trade and training and agreed to meet again.'.split(' ')
const filler = (n: number) => Array.from({ length: n }, (_, i) => FILLER[i % FILLER.length]).join(' ')

const STEP_WORDS = 4
/** Steps checked before the heading moves on to the next column: about six lines. */
const STEPS = 12

/**
 * Pushes a heading down to the foot of its column: `make(extra)` sets `extra` more words
 * before it. Finds (by halving) the fewest words that move it to the next column, then checks
 * every few words up to that point, where the heading sits lowest in its column.
 */
async function sweepToFoot(make: (extra: number) => IssueModel, follow: Follow, name: string, sweep: Sweep) {
  const start = await columnOfHeading(make(0), follow)
  let low = 0
  let high = 64
  while ((await columnOfHeading(make(high), follow)) === start) {
    low = high
    high *= 2
    if (high > 2048) throw new Error(`the ${follow.label} never moves on`)
  }
  while (high - low > STEP_WORDS) {
    const mid = Math.round((low + high) / 2)
    if ((await columnOfHeading(make(mid), follow)) === start) low = mid
    else high = mid
  }
  for (let step = STEPS; step >= 0; step--) {
    const extra = Math.max(0, high - step * STEP_WORDS)
    await check(make(extra), `${name}, ${extra} words more`, [follow], sweep)
  }
}

describe('keep-with-next', () => {
  it('sets an essay title, with the figure that opens the essay, and three lines of its text in one column', async () => {
    const sweep: Sweep = { problems: [], checked: 0, nearFoot: 0 }
    for (const withFigure of [true, false]) {
      let follow: Follow | undefined
      const make = (extra: number) => {
        const model = structuredClone(base)
        const [first, second] = essays(model)
        const figure = second.body.find((b) => b.type === 'figure')
        const text = second.body.filter((b) => b.type !== 'figure')
        // A tall figure first, as in the real issue's second essay.
        second.body = withFigure && figure ? [figure, ...text] : text
        // The first essay runs longer, so that the second one starts lower down.
        if (extra > 0) first.body = [...first.body, paragraph(filler(extra))]
        follow = { label: 'title', lead: second.title.split(' '), text: textOf(text[0]).split(' ').slice(0, 3) }
        return model
      }
      make(0)
      if (!follow) throw new Error('unreachable')
      await sweepToFoot(make, follow, withFigure ? 'title and figure' : 'title', sweep)
    }
    expect(sweep.checked).toBeGreaterThanOrEqual(2 * STEPS)
    expect(sweep.nearFoot, 'titles that reached the foot of a column').toBeGreaterThan(3)
    expect(sweep.problems).toEqual([])
  }, 300_000)

  it('sets a sub-heading with three lines of its text in one column', async () => {
    const sweep: Sweep = { problems: [], checked: 0, nearFoot: 0 }
    const heading = 'A heading that needs its text'
    const after = 'Kept with the heading: ' + filler(120)
    const make = (extra: number) => {
      const model = structuredClone(base)
      const [, second] = essays(model)
      const text = second.body.filter((b) => b.type !== 'figure')
      // The paragraph before the heading grows.
      second.body = [...text.slice(0, 2), paragraph(`Before the heading: ${filler(8 + extra)}`), { type: 'heading', level: 2, runs: runs(heading) }, paragraph(after), ...text.slice(2)]
      return model
    }
    await sweepToFoot(make, { label: 'heading', lead: heading.split(' ').slice(0, 3), text: after.split(' ').slice(0, 3) }, 'heading', sweep)
    expect(sweep.checked).toBeGreaterThanOrEqual(STEPS)
    expect(sweep.nearFoot, 'headings that reached the foot of a column').toBeGreaterThan(3)
    expect(sweep.problems).toEqual([])
  }, 300_000)
})
