import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IssueModel } from '@/issue/model'
import { renderToBuffer } from '@react-pdf/renderer'
import { registerFonts, renderIssuePdf, type RenderIssuePdfResult } from '@/render/pdf'
import { SIDEBAR_DENSITIES, SidebarDocument } from '../../../templates/pdf'
import { makeIssueModel } from '../../fixtures/issueModel'
import { pageLines, pdftotext, readable, textPattern } from './pdfTools'

// Page 1 as copy-paste and screen readers get it: pdftotext's own reading order (no -layout).
let dir: string
let model: IssueModel
let result: RenderIssuePdfResult
let lines: string[]
let text: string

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-order-'))
  model = await makeIssueModel(path.join(dir, 'images'))
  result = await renderIssuePdf(model, { cache: false })
  const file = path.join(dir, 'issue.pdf')
  writeFileSync(file, result.pdf)
  lines = pageLines(file, 1)
  text = readable(pdftotext(file, 1))
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('page 1 reads in order', () => {
  it('reads each contents number on the line of its title, in the order of the box', () => {
    let last = -1
    for (const entry of result.toc) {
      // The title may wrap: the number's line holds its first words.
      const title = readable(entry.title)
      const index = lines.findIndex((line, i) => {
        const l = readable(line)
        const rest = l.slice(String(entry.page).length + 1)
        return i > last && l.startsWith(`${entry.page} `) && rest.length >= Math.min(12, title.length) && title.startsWith(rest)
      })
      expect(index, `"${entry.page} ${entry.title}" after line ${last} of ${JSON.stringify(lines.slice(0, 40))}`).toBeGreaterThan(-1)
      last = index
    }
  })

  it('reads the masthead together, before the columns', () => {
    const { publisher } = model
    expect(lines.slice(0, 5)).toEqual([
      publisher.bulletinName.toUpperCase(),
      `${publisher.centre} · ${publisher.institute}`,
      'Volume 6, Number 2',
      model.periodLabel,
      'SECOND QUARTER 2024',
    ])
  })

  it('reads each contents line whole: number, title, then authors', () => {
    for (const entry of result.toc) {
      const line = [String(entry.page), entry.title, ...(entry.authors.length > 0 ? [entry.authors.join(', ')] : [])].join(' ')
      expect(text, line).toMatch(textPattern(line))
    }
  })

  it('reads the contents, pull quote, committee, masthead text and lead essay in turn', () => {
    expectInTurn(text)
  })

  it('reads a proof in the same order: its mark at the foot does not pull the essay into the contents', async () => {
    const proof = await renderIssuePdf(model, { cache: false, proofMark: 'PROOF — includes unpublished drafts — 2024-06-30' })
    const file = path.join(dir, 'proof.pdf')
    writeFileSync(file, proof.pdf)
    expectInTurn(readable(pdftotext(file, 1)))
  })
})

/** Page 1's milestones, each after the one before. */
function expectInTurn(text: string): void {
  const quote = model.coverPullQuote
  const section = model.sections.find((s) => s.kind === 'essays')
  if (!quote || section?.kind !== 'essays') throw new Error('The fixture has a cover quote and essays')
  const lead = section.essays[0]
  const opening = lead.body.find((b) => b.type === 'paragraph')
  if (opening?.type !== 'paragraph') throw new Error('The lead essay opens with a paragraph')
  const milestones = [
    'SECOND QUARTER 2024',
    'IN THIS ISSUE',
    ...result.toc.map((e) => `${e.page} ${e.title}`),
    quote.text.toUpperCase(),
    'EDITORIAL COMMITTEE',
    ...model.editorialCommittee.map((m) => m.email),
    model.publisher.rightsText,
    lead.title,
    lead.authors[0].name,
    opening.runs.map((r) => r.text).join('').slice(0, 80),
  ]
  // Each one after the one before (a title also listed in the contents is found again later).
  let from = 0
  for (const m of milestones) {
    const at = text.slice(from).search(textPattern(m))
    expect(at, `"${m}" after ${JSON.stringify(text.slice(Math.max(0, from - 60), from))}`).toBeGreaterThan(-1)
    from += at + 1
  }
}

describe('the contents box at every density', () => {
  it('reads one- to three-digit page numbers on the line of their titles', async () => {
    registerFonts()
    const pages = [9, 12, 18, 22, 100]
    const title = (page: number) => `A title long enough to wrap, for the item on page ${page}`
    const groups = [{ title: 'Essays', lines: pages.map((page) => ({ dest: `p${page}`, title: title(page), authors: [], page })) }]
    for (let density = 0; density < SIDEBAR_DENSITIES.length; density++) {
      const file = path.join(dir, `sidebar-${density}.pdf`)
      writeFileSync(file, await renderToBuffer(SidebarDocument({ model, groups, offsetTop: 0, density })))
      const raw = pdftotext(file, 1).split('\n')
      // The fillers stay on the number's line: none is left on a line of its own.
      expect(raw.filter((line) => /^[\s\u3164]*\u3164[\s\u3164]*$/.test(line)), `density ${density}`).toEqual([])
      const sidebarLines = pageLines(file, 1).map(readable)
      for (const page of pages) {
        expect(sidebarLines.some((line) => line.startsWith(`${page} A title`)), `${page} at density ${density}`).toBe(true)
        expect(readable(raw.join('\n')), `density ${density}`).toMatch(textPattern(`${page} ${title(page)}`))
      }
    }
  })
})
