import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { handleEndpoints, type Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media, User } from '@/payload-types'
import { startTestPayload, type TestPayload } from '../../support/payload'

/**
 * Image uploads as a hostile editorial assistant would try them: through the Local API with
 * the assistant's rights, and over HTTP through Payload's REST handler (what Next's /api
 * route calls), so the multipart limits in front of the project's own are in the way too.
 */

let t: TestPayload
let payload: Payload
let assistant: User
let token: string

const MB = 1024 * 1024
const PASSWORD = 'assistant-password-2024'

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  assistant = await payload.create({
    collection: 'users',
    data: { email: 'assistant@example.org', password: PASSWORD, name: 'Assistant', role: 'editorialAssistant' },
  })
  token = (await payload.login({ collection: 'users', data: { email: 'assistant@example.org', password: PASSWORD } })).token!
}, 300_000)

afterAll(async () => t?.close())

function upload(data: Buffer, name: string, mimetype: string): Promise<Media> {
  return payload.create({
    collection: 'media',
    data: { alt: `Upload ${name}` },
    file: { data, name, mimetype, size: data.byteLength },
    user: assistant,
    overrideAccess: false,
  })
}

/** POST /api/media as the assistant, multipart like the admin's upload form. */
function postMedia(data: Buffer, name: string, mimetype: string): Promise<Response> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type: mimetype }), name)
  form.append('_payload', JSON.stringify({ alt: `Upload ${name}` }))
  const request = new Request('http://localhost:3000/api/media', { method: 'POST', headers: { Authorization: `JWT ${token}` }, body: form })
  return handleEndpoints({ config: payload.config, request, payloadInstanceCacheKey: t.dir })
}

async function mediaCount(): Promise<number> {
  return (await payload.count({ collection: 'media' })).totalDocs
}

/** Random pixels: PNG cannot compress them, so the file is about width × height × 3 bytes. */
async function noisePng(width: number, height: number): Promise<Buffer> {
  return sharp(crypto.randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer()
}

describe('image upload limits', () => {
  it('counts the pixels of every frame: an animated GIF of 8 frames of 2800 × 2800 is refused before any resizing', async () => {
    // Frames of different colours: a GIF encoder merges identical frames into one.
    const frames = await Promise.all(
      Array.from({ length: 8 }, (_, k) =>
        sharp({ create: { width: 2800, height: 2800, channels: 3, background: { r: k * 30, g: 100, b: 200 - k * 20 } } }).png().toBuffer(),
      ),
    )
    const gif = await sharp(frames, { join: { animated: true } }).gif({ effort: 1, colours: 2, dither: 0 }).toBuffer()
    expect((await sharp(gif).metadata()).pages).toBe(8)
    const before = await mediaCount()
    const started = Date.now()
    await expect(upload(gif, 'animation.gif', 'image/gif')).rejects.toThrow(
      /"animation\.gif" is 8 frames of 2800 × 2800 pixels, 62\.7 megapixels in all; images may have at most 60 megapixels/,
    )
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(await mediaCount()).toBe(before)
  })

  it('takes an animated image whose frames together stay within the limit', async () => {
    const frames = await Promise.all(
      ['#a33', '#3a3', '#33a'].map((background) => sharp({ create: { width: 400, height: 300, channels: 3, background } }).png().toBuffer()),
    )
    const gif = await sharp(frames, { join: { animated: true } }).gif().toBuffer()
    const junk = Buffer.from('<?php echo "appended"; ?>'.repeat(100))
    const doc = await upload(Buffer.concat([gif, junk]), 'small-animation.gif', 'image/gif')
    expect(doc.width).toBe(400)
    // Stored cut after its trailer: every frame kept, the appended bytes gone.
    const stored = fs.readFileSync(path.join(t.dir, 'media', doc.filename!))
    expect(stored.equals(gif)).toBe(true)
    expect((await sharp(stored).metadata()).pages).toBe(3)
  })

  it('lets a 25 MB image through the size check over HTTP: the project allows 40 MB', async () => {
    const png = await noisePng(3000, 2800)
    expect(png.byteLength).toBeGreaterThan(24 * MB)
    const response = await postMedia(png, 'scan.png', 'image/png')
    const body = (await response.json()) as { doc?: Media; errors?: Array<{ message: string }> }
    expect(body.errors?.[0]?.message ?? '').not.toMatch(/File size limit has been reached/)
    expect(response.status).toBe(201)
    expect(body.doc?.width).toBe(3000)
  })

  it('refuses a 60 MB file over HTTP with the project\'s own message', async () => {
    const big = Buffer.alloc(60 * MB, 0x41)
    const before = await mediaCount()
    const response = await postMedia(big, 'poster.jpg', 'image/jpeg')
    const body = (await response.json()) as { errors?: Array<{ message: string }> }
    expect(body.errors?.[0]?.message).toBe('"poster.jpg" is 60.0 MB; images may be at most 40 MB.')
    expect(response.status).toBe(400)
    expect(await mediaCount()).toBe(before)
  })

  it('stores a JPEG without the junk after its image data, re-encoded, and it still decodes', async () => {
    const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#2a6' } }).jpeg({ quality: 90 }).toBuffer()
    const junk = crypto.randomBytes(19 * MB)
    const doc = await upload(Buffer.concat([jpeg, junk]), 'junk.jpg', 'image/jpeg')
    const stored = fs.readFileSync(path.join(t.dir, 'media', doc.filename!))
    expect(stored.byteLength).toBeLessThan(2 * MB)
    expect(doc.filesize).toBe(stored.byteLength)
    expect(stored.includes(junk.subarray(0, 64))).toBe(false)
    const meta = await sharp(stored).metadata()
    expect(meta).toMatchObject({ format: 'jpeg', width: 1600, height: 1200 })
    await sharp(stored, { failOn: 'truncated' }).raw().toBuffer()
  })
})
