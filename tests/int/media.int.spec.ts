import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestPayload, type TestPayload } from '../support/payload'

let t: TestPayload
let payload: Payload

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
})
afterAll(async () => t?.close())

function upload(data: Buffer, name: string, mimetype = 'image/jpeg') {
  return payload.create({ collection: 'media', data: { alt: `Upload ${name}` }, file: { data, name, mimetype, size: data.byteLength } })
}

describe('image uploads', () => {
  it('makes print, web, email and thumbnail derivatives, print in JPEG for react-pdf', async () => {
    const jpeg = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#468' } }).jpeg().toBuffer()
    const doc = await upload(jpeg, 'harbour.jpg')
    const sizes = doc.sizes!
    expect(sizes.print?.mimeType).toBe('image/jpeg')
    expect(sizes.print?.width).toBe(2480)
    expect(sizes.email?.width).toBe(600)
    expect(sizes.email?.mimeType).toBe('image/jpeg')
    expect(sizes.web?.mimeType).toBe('image/webp')
    expect(sizes.thumbnail?.width).toBe(300)
    expect(fs.existsSync(path.join(t.dir, 'media', sizes.print!.filename!))).toBe(true)
  })

  it('requires alt text', async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } }).png().toBuffer()
    await expect(
      payload.create({ collection: 'media', data: {} as never, file: { data: png, name: 'x.png', mimetype: 'image/png', size: png.byteLength } }),
    ).rejects.toThrow(/Alt text/i)
  })

  it('reads the type from the bytes: a text file named .jpg is refused', async () => {
    const text = Buffer.from('This is not a photo, just words pretending.\n'.repeat(20))
    await expect(upload(text, 'essay.jpg')).rejects.toThrow(/"essay\.jpg" is not an image this system can read/)
  })

  it('refuses a truncated JPEG with a clear message and stores nothing', async () => {
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#a33' } })
      .jpeg()
      .toBuffer()
    const before = (await payload.count({ collection: 'media' })).totalDocs
    await expect(upload(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'broken.jpg')).rejects.toThrow(/"broken\.jpg" looks like a JPEG but is damaged/)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before)
  })

  it('refuses a picture with too many pixels before decoding it', async () => {
    // 10,000 × 7,000 = 70 megapixels; the limit is 60.
    const huge = await sharp({ create: { width: 10_000, height: 7_000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9, palette: true }).toBuffer()
    await expect(upload(huge, 'poster.png', 'image/png')).rejects.toThrow(/10000 × 7000 pixels; images may have at most 60 megapixels/)
  })
})
