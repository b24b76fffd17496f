import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Block, EssayModel, IssueModel } from '@/issue/model'
import { renderIssuePdf } from '@/render/pdf'
import { COLUMN_X } from '../../../templates/pdf/theme'
import { makeIssueModel, runs } from '../../fixtures/issueModel'
import { pdfwords, type PdfWord } from './pdfTools'

/**
 * Keep-with-next: an essay's title and byline, and a heading in its body, never end a column
 * without at least three lines of their text after them, even when a tall figure comes first
 * (the figure moves to the next column with them). The first essay is shortened step by step
 * so that the second one starts at many heights down a column.
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

/** The column a word is in, by its left edge. */
const columnOf = (w: PdfWord) => (w.xMin < COLUMN_X[1] - 5 ? 0 : 1)

/** Lines (distinct tops) of body text in the column of `from`, below it, on its page. */
function linesBelow(words: PdfWord[], from: PdfWord): number {
  const tops = new Set(
    words
      .filter((w) => columnOf(w) === columnOf(from) && w.yMin > from.yMin + 1 && w.yMax < 780 && !/^\u3164+$/.test(w.text))
      .filter((w) => w.yMax - w.yMin < 14) // body text, not the title
      .map((w) => Math.round(w.yMin)),
  )
  return tops.size
}

describe('keep-with-next', () => {
  it('sets an essay title with its figure and at least three lines of its text in one column', async () => {
    const figure = essays(base)[1].body.find((b): b is Extract<Block, { type: 'figure' }> => b.type === 'figure')
    if (!figure) throw new Error('the second essay has a figure')
    const problems: string[] = []
    let checked = 0
    for (let cut = 0; cut < 14; cut++) {
      const model = structuredClone(base)
      const [first, second] = essays(model)
      // A tall figure first, as in the real issue's second essay, and a sub-heading after the opening.
      const rest = second.body.filter((b) => b !== figure && b.type !== 'figure')
      second.body = [figure, rest[0], { type: 'heading', level: 2, runs: runs('A heading that needs its text') }, ...rest.slice(1)]
      // Shorten the first essay by a few lines each step.
      const last = first.body.at(-1)
      if (last?.type !== 'paragraph') throw new Error('the first essay ends with a paragraph')
      const words = last.runs.map((r) => r.text).join('').split(' ')
      first.body = [...first.body.slice(0, -1), { type: 'paragraph', runs: runs(words.slice(0, Math.max(3, words.length - cut * 9)).join(' ')) }]
      const result = await renderIssuePdf(model)
      const file = path.join(dir, `keep-${cut}.pdf`)
      writeFileSync(file, result.pdf)
      const titleWords = second.title.split(' ')
      const firstWords = (b: Block | undefined) => (b?.type === 'paragraph' ? b.runs.map((r) => r.text).join('').split(' ').slice(0, 3) : [])
      const follows = [
        ['title', titleWords, firstWords(second.body[1])],
        ['heading', ['A', 'heading', 'that'], firstWords(second.body[3])],
      ] as const
      for (let page = 2; page <= result.pageCount; page++) {
        const ws = pdfwords(file, page)
        const find = (lead: readonly string[]) => ws.findIndex((w, i) => lead.every((t, k) => ws[i + k]?.text === t))
        for (const [label, lead, text] of follows) {
          const at = find(lead)
          if (at < 0) continue
          checked++
          // Its text starts in the same column of the same page, with 3 lines there at least.
          const start = find(text)
          if (start < 0 || columnOf(ws[start]) !== columnOf(ws[at]) || ws[start].yMin < ws[at].yMin) {
            problems.push(`cut ${cut}: the ${label} on page ${page} ends its column; its text starts elsewhere`)
          } else if (linesBelow(ws, ws[start]) < 2) {
            problems.push(`cut ${cut}: the ${label} on page ${page} has ${1 + linesBelow(ws, ws[start])} lines of its text after it`)
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20)
    expect(problems).toEqual([])
  }, 300_000)
})
