import { APIError, type CollectionBeforeOperationHook } from 'payload'
import sharp, { type Metadata } from 'sharp'

import { reencodeImage } from '../../src/media/reencodeImage'

const MB = 1024 * 1024

/** Uploads larger than this are refused before sharp reads them. */
export const MAX_UPLOAD_BYTES = 40 * MB
/** About 60 megapixels in all (every frame of an animation): a large print photo, not a decompression bomb. */
export const MAX_UPLOAD_PIXELS = 60_000_000

/**
 * Payload's own multipart limit (payload.config.ts, `upload`), set well above the project's
 * limits (images above, chronology files in src/chronology/limits) so those apply with their
 * messages; it only stops, unread, what no upload may be. Its message says the same as ours.
 */
export const MULTIPART_FILE_LIMIT_BYTES = 100 * MB
export const MULTIPART_LIMIT_MESSAGE = `The file is larger than ${MULTIPART_FILE_LIMIT_BYTES / MB} MB; images may be at most ${MAX_UPLOAD_BYTES / MB} MB.`

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'tiff', 'gif'])

/**
 * Only real images: the type is read from the bytes (not the name or the browser's claim),
 * the size and pixel count are bounded, and the whole image is decoded once so a truncated
 * or corrupt file is refused here with a clear message instead of failing in a derivative.
 */
export async function checkImage(data: Buffer, filename: string): Promise<Metadata> {
  if (data.byteLength > MAX_UPLOAD_BYTES) {
    throw uploadError(
      `"${filename}" is ${(data.byteLength / 1024 / 1024).toFixed(1)} MB; images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
    )
  }
  let meta: Metadata
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata()
  } catch {
    throw uploadError(`"${filename}" is not an image this system can read (JPEG, PNG, WebP, TIFF or GIF).`)
  }
  const format = meta.format
  if (!format || !ACCEPTED_FORMATS.has(format)) {
    throw uploadError(`"${filename}" is a ${format ?? 'unknown'} file; upload a JPEG, PNG, WebP, TIFF or GIF image.`)
  }
  // The header's dimensions are those of one frame; an animation (GIF, WebP) or a multi-page
  // TIFF is decoded frame by frame, so every frame counts.
  const width = meta.width ?? 0
  const height = meta.pageHeight ?? meta.height ?? 0
  const frames = Math.max(1, meta.pages ?? 1)
  if (frames * width * height > MAX_UPLOAD_PIXELS) {
    const limit = `images may have at most ${MAX_UPLOAD_PIXELS / 1_000_000} megapixels`
    throw uploadError(
      frames === 1
        ? `"${filename}" is ${width} × ${height} pixels; ${limit}.`
        : `"${filename}" is ${frames} frames of ${width} × ${height} pixels, ${((frames * width * height) / 1_000_000).toFixed(1)} megapixels in all; ${limit}.`,
    )
  }
  try {
    await sharp(data, { failOn: 'truncated', limitInputPixels: MAX_UPLOAD_PIXELS }).resize(32).toBuffer()
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unreadable'
    throw uploadError(`"${filename}" looks like a ${format.toUpperCase()} but is damaged (${reason}). Export it again and re-upload.`)
  }
  return meta
}

function uploadError(message: string): APIError {
  return new APIError(message, 400, null, true)
}

/**
 * Checks an upload, then stores its image data only: re-encoded, so whatever was appended to
 * the file (or hidden in its metadata) is neither stored nor served.
 */
export const validateImageUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file?.data) return args
  const meta = await checkImage(file.data, file.name)
  const data = await reencodeImage(file.data, meta)
  req.file = { ...file, data, size: data.byteLength }
  return args
}
