import { describe, expect, it } from 'vitest'
import { printEngine } from '@/render/pdf/engine'

/**
 * pdfkit deflates a document's streams at the level the document asks for
 * (patches/pdfkit+0.20.1.patch; src/render/pdf/compose.ts asks for 4).
 */

async function written(compressionLevel: number | undefined): Promise<number> {
  const { PDFDocument } = await printEngine()
  const doc = new PDFDocument({ compress: true, compressionLevel }) as unknown as {
    addPage(): void
    addContent(line: string): void
    end(): void
    on(event: 'data', listener: (chunk: Uint8Array) => void): void
    on(event: 'end', listener: () => void): void
  }
  let bytes = 0
  doc.on('data', (chunk) => (bytes += chunk.length))
  const ended = new Promise<void>((resolve) => doc.on('end', resolve))
  doc.addPage()
  // Page content with some repetition, as set text has: what the levels tell apart.
  for (let i = 0; i < 4000; i++) doc.addContent(`BT /F1 9 Tf ${(i * 7919) % 500} ${(i * 104729) % 800} Td (${'Seoul '.repeat(1 + (i % 5))}${i}) Tj ET`)
  doc.end()
  await ended
  return bytes
}

describe('pdfkit compression level', () => {
  it('deflates at the level the document gives, and at pdfkit\'s own without one', async () => {
    const fastest = await written(1)
    const four = await written(4)
    const best = await written(9)
    expect(fastest).toBeGreaterThan(four)
    expect(four).toBeGreaterThan(best)
    expect(await written(undefined)).toBe(await written(6))
  })
})
