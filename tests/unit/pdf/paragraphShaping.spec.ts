import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { renderIssuePdf } from '@/render/pdf'
import { printEngine } from '@/render/pdf/engine'
import { forgetShapedParagraphs, paragraphCounts, prepareFonts } from '@/render/pdf/fonts'
import { makeIssueModel } from '../../fixtures/issueModel'

/**
 * textkit shapes a paragraph (fonts picked, scripts and directions split, syllables found,
 * glyphs made) before it breaks it into lines; src/render/pdf/fonts.ts keeps that shaping
 * across renders, through the hook patches/@react-pdf+textkit+7.0.1.patch adds.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-paragraphs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Paragraph {
  string: string
  runs: Array<{ start: number; end: number; attributes: Record<string, unknown>; positions?: Array<{ xAdvance: number }> }>
}
type Hook = (paragraph: Paragraph, process: (paragraph: Paragraph) => Paragraph, options: Record<string, unknown>, engines: object) => Paragraph

async function hook(): Promise<Hook> {
  await prepareFonts()
  const { shapeParagraph } = (await printEngine()).textLayoutEngine as unknown as { shapeParagraph?: Hook }
  if (!shapeParagraph) throw new Error('textkit has no shapeParagraph hook: is patches/ applied (npm ci runs patch-package)?')
  return shapeParagraph
}

const paragraph = (attributes: Record<string, unknown>): Paragraph => ({ string: 'Seoul', runs: [{ start: 0, end: 5, attributes }] })

/** A stand-in for textkit's shaping that gives each run `glyphs` positions and counts its calls. */
function countingShaper(glyphs: number) {
  const counted = {
    calls: 0,
    process: (p: Paragraph): Paragraph => {
      counted.calls++
      return { ...p, runs: p.runs.map((run) => ({ ...run, positions: Array.from({ length: glyphs }, () => ({ xAdvance: 10 })) })) }
    },
  }
  return counted
}

describe('paragraph shaping across renders', () => {
  it('shapes a paragraph once per text, attributes and options, and hands out its own positions', async () => {
    const shape = await hook()
    const engines = {}
    const counted = countingShaper(1)
    const { process } = counted
    const options = { hyphenationPenalty: 100 }
    const first = shape(paragraph({ fontSize: 9, color: '#000' }), process, options, engines)
    // Justification moves glyphs in place: that must not reach the next line set from it.
    first.runs[0].positions![0].xAdvance = 99
    const again = shape(paragraph({ fontSize: 9, color: '#000' }), process, options, engines)
    expect(counted.calls).toBe(1)
    expect(again.runs[0].positions![0].xAdvance).toBe(10)

    shape(paragraph({ fontSize: 9, color: '#c00' }), process, options, engines)
    expect(counted.calls).toBe(2)
    shape(paragraph({ fontSize: 9, color: '#000' }), process, { hyphenationPenalty: 600 }, engines)
    expect(counted.calls).toBe(3)
    // Fonts (fontkit's objects) and callbacks count by which object they are.
    class Font {}
    const callback = () => ['Seoul']
    shape(paragraph({ fontSize: 9, color: '#000', font: [new Font()] }), process, { ...options, hyphenationCallback: callback }, engines)
    shape(paragraph({ fontSize: 9, color: '#000', font: [new Font()] }), process, { ...options, hyphenationCallback: callback }, engines)
    expect(counted.calls).toBe(5)
    shape({ string: 'Seoul, Busan', runs: [{ start: 0, end: 12, attributes: { fontSize: 9, color: '#000' } }] }, process, options, engines)
    expect(counted.calls).toBe(6)
    // Plain data that refers to itself is keyed too (by which object it is, past a few levels).
    const loop: Record<string, unknown> = { name: 'loop' }
    loop.self = loop
    shape(paragraph({ fontSize: 9, attachment: loop }), process, options, engines)
    shape(paragraph({ fontSize: 9, attachment: loop }), process, options, engines)
    expect(counted.calls).toBe(7)
  })

  it('keeps a bounded number of glyphs, so a server does not keep every paragraph it set', async () => {
    const shape = await hook()
    const engines = {}
    // Paragraphs of 100,000 glyphs each: the third goes past the bound and starts afresh.
    const counted = countingShaper(100_000)
    const { process } = counted
    const named = (string: string): Paragraph => ({ string, runs: [{ start: 0, end: string.length, attributes: {} }] })
    shape(named('one'), process, {}, engines)
    shape(named('two'), process, {}, engines)
    shape(named('one'), process, {}, engines)
    expect(counted.calls).toBe(2)
    shape(named('three'), process, {}, engines)
    shape(named('one'), process, {}, engines)
    expect(counted.calls).toBe(4)
  })

  it('prints the same issue from reused paragraphs as from paragraphs shaped anew', async () => {
    const model = await makeIssueModel(path.join(dir, 'images'))
    await prepareFonts()
    forgetShapedParagraphs()
    const before = { ...paragraphCounts }
    const fresh = await renderIssuePdf(model, { cache: false })
    const shapedFresh = paragraphCounts.shaped - before.shaped
    expect(shapedFresh).toBeGreaterThan(100)

    const middle = { ...paragraphCounts }
    const reused = await renderIssuePdf(model, { cache: false })
    expect(paragraphCounts.shaped - middle.shaped).toBe(0)
    expect(paragraphCounts.reused - middle.reused).toBeGreaterThanOrEqual(shapedFresh)
    expect(Buffer.from(reused.pdf).equals(Buffer.from(fresh.pdf))).toBe(true)
  })
})
