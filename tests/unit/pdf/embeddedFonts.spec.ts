import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createElement as h } from 'react'
import { Document, Page, Text, pdf } from '@react-pdf/renderer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prepareFonts } from '@/render/pdf/fonts'
import { FAMILY } from '../../../templates/pdf/theme'
import { pdffonts, pdftotext } from './pdfTools'

/**
 * A document that switches between faces on every word gets each face embedded once, and
 * each word in its own face (src/render/pdf/fonts.ts keeps the font pdfkit embedded for a
 * font object instead of letting it open and compare a new one on every switch). pdfkit's
 * default font is opened only when text is set without naming a font.
 */

const FACES = [
  { fontFamily: FAMILY.serif, fontWeight: 400, fontStyle: 'normal', word: 'Serifregular', name: 'NotoSerif-Regular' },
  { fontFamily: FAMILY.serif, fontWeight: 700, fontStyle: 'normal', word: 'Serifbold', name: 'NotoSerif-Bold' },
  { fontFamily: FAMILY.serif, fontWeight: 400, fontStyle: 'italic', word: 'Serifitalic', name: 'NotoSerif-Italic' },
  { fontFamily: FAMILY.sans, fontWeight: 700, fontStyle: 'normal', word: 'Sansbold', name: 'NotoSans-Bold' },
] as const

let dir: string

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-pdf-fonts-'))
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Two documents in a row, so the second one starts with fonts the first one embedded. */
async function render(name: string): Promise<string> {
  await prepareFonts()
  const lines = Array.from({ length: 12 }, (_, i) =>
    h(
      Text,
      { key: i, style: { fontSize: 10 } },
      ...FACES.map((face, n) => h(Text, { key: n, style: { fontFamily: face.fontFamily, fontWeight: face.fontWeight, fontStyle: face.fontStyle } }, `${face.word}${i} `)),
    ),
  )
  const doc = h(Document, {}, h(Page, { size: 'A5', style: { padding: 30 } }, ...lines))
  const stream = await pdf(doc).toBuffer()
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  const file = path.join(dir, name)
  writeFileSync(file, Buffer.concat(chunks))
  return file
}

/** What this test asks of pdfkit (the ES module react-pdf imports; it has no types here). */
interface PdfkitDoc {
  text(text: string): PdfkitDoc
  end(): void
  on(event: 'data', listener: (chunk: Buffer) => void): void
  on(event: 'end', listener: () => void): void
}
type PdfkitClass = new (options?: object) => PdfkitDoc

describe('fonts embedded by the print renderer', () => {
  it('sets text in pdfkit\'s default font when no font was named', async () => {
    await prepareFonts()
    const specifier = 'pdfkit'
    const PDFDocument = ((await import(specifier)) as { default: PdfkitClass }).default
    const doc = new PDFDocument()
    const chunks: Buffer[] = []
    doc.on('data', (chunk) => chunks.push(chunk))
    const ended = new Promise<void>((resolve) => doc.on('end', resolve))
    doc.text('Set in the default face')
    doc.end()
    await ended
    const file = path.join(dir, 'default.pdf')
    writeFileSync(file, Buffer.concat(chunks))
    expect(pdffonts(file).map((f) => f.name)).toEqual(['Helvetica'])
    expect(pdftotext(file)).toContain('Set in the default face')
  })

  it('embeds each face a document uses once and sets every word in its face', async () => {
    for (const name of ['first.pdf', 'second.pdf']) {
      const file = await render(name)
      const fonts = pdffonts(file).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))
      expect([...fonts].sort(), name).toEqual(FACES.map((f) => f.name).sort())
      const text = pdftotext(file).replace(/\s+/g, ' ')
      for (let i = 0; i < 12; i++) {
        expect(text, name).toContain(FACES.map((f) => `${f.word}${i}`).join(' '))
      }
    }
  })
})
