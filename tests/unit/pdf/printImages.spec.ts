import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { renderIssuePdf } from '@/render/pdf'
import { makeIssueModel } from '../../fixtures/issueModel'

const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-images-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const has = (pdf: Uint8Array, bytes: Buffer) => Buffer.from(pdf).indexOf(bytes) !== -1

describe('print images across renders', () => {
  it('prints a picture replaced on disk, not the one loaded before', async () => {
    const model = await makeIssueModel(path.join(dir, 'images'))
    const figure = model.sections.flatMap((s) => (s.kind === 'essays' ? s.essays.flatMap((e) => e.body) : [])).find((b) => b.type === 'figure')
    if (figure?.type !== 'figure') throw new Error('the fixture has no figure')
    const file = figure.image.printPath
    const before = readFileSync(file)
    // A JPEG is embedded as it is, so the file's bytes can be looked for in the PDF.
    expect(has((await renderIssuePdf(model, { cache: false })).pdf, before)).toBe(true)

    const { width = 0, height = 0 } = await sharp(before).metadata()
    await sharp({ create: { width, height, channels: 3, background: '#b03a2e' } }).jpeg({ quality: 80 }).toFile(file)
    const after = readFileSync(file)
    const again = (await renderIssuePdf(model, { cache: false })).pdf
    expect(has(again, after)).toBe(true)
    expect(has(again, before)).toBe(false)
  })
})
