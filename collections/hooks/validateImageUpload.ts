import { APIError, type CollectionBeforeOperationHook } from 'payload'
import sharp from 'sharp'

/** Uploads larger than this are refused before sharp reads them. */
export const MAX_UPLOAD_BYTES = 40 * 1024 * 1024
/** About 60 megapixels: a large print photo, not a decompression bomb. */
export const MAX_UPLOAD_PIXELS = 60_000_000

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'tiff', 'gif'])

/**
 * Only real images: the type is read from the bytes (not the name or the browser's claim),
 * the size and pixel count are bounded, and the whole image is decoded once so a truncated
 * or corrupt file is refused here with a clear message instead of failing in a derivative.
 */
export async function checkImage(data: Buffer, filename: string): Promise<void> {
  if (data.byteLength > MAX_UPLOAD_BYTES) {
    throw uploadError(
      `"${filename}" is ${(data.byteLength / 1024 / 1024).toFixed(1)} MB; images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
    )
  }
  let format: string | undefined
  let width = 0
  let height = 0
  try {
    const meta = await sharp(data, { limitInputPixels: false }).metadata()
    format = meta.format
    width = meta.width ?? 0
    height = meta.height ?? 0
  } catch {
    throw uploadError(`"${filename}" is not an image this system can read (JPEG, PNG, WebP, TIFF or GIF).`)
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) {
    throw uploadError(`"${filename}" is a ${format ?? 'unknown'} file; upload a JPEG, PNG, WebP, TIFF or GIF image.`)
  }
  if (width * height > MAX_UPLOAD_PIXELS) {
    throw uploadError(
      `"${filename}" is ${width} × ${height} pixels; images may have at most ${MAX_UPLOAD_PIXELS / 1_000_000} megapixels.`,
    )
  }
  try {
    await sharp(data, { failOn: 'truncated', limitInputPixels: MAX_UPLOAD_PIXELS }).resize(32).toBuffer()
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unreadable'
    throw uploadError(`"${filename}" looks like a ${format.toUpperCase()} but is damaged (${reason}). Export it again and re-upload.`)
  }
}

function uploadError(message: string): APIError {
  return new APIError(message, 400, null, true)
}

export const validateImageUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (file?.data) await checkImage(file.data, file.name)
  return args
}
