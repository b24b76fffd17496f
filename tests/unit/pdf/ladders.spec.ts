import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createElement as h, type ReactElement } from 'react'
import { Document, Page, Text, View, pdf, type DocumentProps } from '@react-pdf/renderer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IssueModel } from '@/issue/model'
import { findHyphenLadders, registerFonts, renderIssuePdf, type RenderIssuePdfResult } from '@/render/pdf'
import { checkRenderedIssue } from '@/render/pdf/preflight'
import { FAMILY } from '../../../templates/pdf/theme'
import { makeIssueModel } from '../../fixtures/issueModel'

/**
 * Ladders of hyphenated lines: print allows at most two in a row. react-pdf cannot be told so
 * (words are split before lines are broken), so preflight finds them in the laid-out document
 * of the export's one render and names the paragraph for the production editor.
 */

const LONG = 'Internationalisation telecommunications intergovernmental characterisation responsibilities extraordinarily interdisciplinary'
const LADDER = `${LONG} ${LONG} ${LONG} and more.`

/** The laid-out tree react-pdf hands to onRender, for a paragraph set `width` points wide. */
async function laidOut(width: number, text: string): Promise<unknown> {
  registerFonts()
  let layout: unknown
  // react-pdf passes its laid-out tree beside what its types declare.
  const onRender = (rendered: Parameters<NonNullable<DocumentProps['onRender']>>[0]) => {
    layout = (rendered as { _INTERNAL__LAYOUT__DATA_?: unknown })._INTERNAL__LAYOUT__DATA_
  }
  const paragraph = h(Text, { style: { fontFamily: FAMILY.serif, fontSize: 10, textAlign: 'justify' } }, text)
  const page = h(Page, { size: 'A4' }, h(View, { id: 'start-here' }), h(View, { style: { width } }, paragraph))
  const doc: ReactElement<DocumentProps> = h(Document, { onRender }, page)
  await pdf(doc).toBuffer()
  return layout
}

describe('finding ladders in a laid-out document', () => {
  it('names a paragraph in a narrow column whose long words make a ladder', async () => {
    const tree = await laidOut(160, LADDER)
    const ladders = findHyphenLadders(tree, new Map([['start-here', 'essay “Narrow”']]))
    expect(ladders.length).toBeGreaterThan(0)
    expect(ladders[0]).toMatchObject({ page: 0, where: 'essay “Narrow”', opening: 'Internationalisation telecommunications intergovernmental characterisation responsibilities extraordinarily …' })
    expect(ladders[0].lines.length).toBeGreaterThanOrEqual(3)
    for (const line of ladders[0].lines) expect(line).toMatch(/-$/)
  })

  it('finds none where the column is wide enough not to hyphenate', async () => {
    expect(findHyphenLadders(await laidOut(500, 'A short paragraph of plain words that fits its line.'))).toEqual([])
  })

  it('allows two hyphenated lines in a row, not three', () => {
    const tree = (ends: string[]) => ({ type: 'DOCUMENT', children: [{ type: 'PAGE', children: [{ type: 'TEXT', lines: ends.map((string) => ({ string })) }] }] })
    expect(findHyphenLadders(tree(['one two-', 'three four-', 'five six', 'seven eight-', 'nine ten-', 'end.']))).toEqual([])
    const found = findHyphenLadders(tree(['one two-', 'three four-', 'five six-', 'seven eight', 'end.']))
    expect(found).toEqual([{ page: 0, where: undefined, opening: 'one two- three four- five six- …', lines: ['one two-', 'three four-', 'five six-'] }])
  })
})

describe('print preflight of a laid-out issue', () => {
  let dir: string
  let model: IssueModel
  let result: RenderIssuePdfResult
  const essayTitle = () => {
    const essays = model.sections[0]
    if (essays.kind !== 'essays') throw new Error('fixture starts with essays')
    return essays.essays[0].title
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bulletin-pdf-ladders-'))
    model = await makeIssueModel(path.join(dir, 'images'))
    const essays = model.sections[0]
    if (essays.kind !== 'essays') throw new Error('fixture starts with essays')
    essays.essays[0].body.push({ type: 'paragraph', runs: [{ text: `${LONG} ${LONG} ${LONG} ${LONG} ${LONG} ${LONG} and so on.` }] })
    result = await renderIssuePdf(model, { cache: false })
  }, 120_000)

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('warns of a ladder, naming the essay and the paragraph’s first words', () => {
    const ladders = checkRenderedIssue(model, result).filter((f) => f.code === 'hyphen-ladder')
    expect(ladders.length).toBeGreaterThan(0)
    expect(ladders[0].severity).toBe('warning')
    expect(ladders[0].where).toMatch(/^page \d+, /)
    expect(ladders[0].where).toContain(`essay “${essayTitle()}”, paragraph beginning “Internationalisation telecommunications intergovernmental`)
    expect(ladders[0].message).toMatch(/^\d+ lines in a row end in a hyphen/)
  })
})
