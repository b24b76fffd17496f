/**
 * An upload's image data, and nothing else: a JPEG (PNG, WebP, TIFF) is decoded and encoded
 * again in its own format, so bytes appended after the image and metadata (EXIF with its
 * GPS position, comments, XMP) are not stored or served. Kept: the pixels at high quality,
 * the ICC profile (print colour) and the orientation (applied to the pixels). A GIF is cut
 * after its trailer instead: re-encoding an animation means quantising every frame again,
 * slow and lossy, while GIF carries no private metadata worth stripping.
 */
import sharp, { type Metadata } from 'sharp'

/** Where a GIF's data ends (after its trailer byte), or undefined when its blocks do not read. */
export function gifLength(data: Uint8Array): number | undefined {
  if (data.length < 13 || String.fromCharCode(data[0], data[1], data[2]) !== 'GIF') return undefined
  const colourTable = (flags: number): number => (flags & 0x80 ? 3 * (1 << ((flags & 0x07) + 1)) : 0)
  let pos = 13 + colourTable(data[10])
  /** Data sub-blocks: a length byte, that many bytes, ... until a zero length. */
  const skipSubBlocks = (): boolean => {
    while (pos < data.length) {
      const size = data[pos]
      pos += 1 + size
      if (size === 0) return true
    }
    return false
  }
  while (pos < data.length) {
    const introducer = data[pos]
    if (introducer === 0x3b) return pos + 1 // the trailer
    if (introducer === 0x21) {
      pos += 2 // extension introducer and label
      if (!skipSubBlocks()) return undefined
    } else if (introducer === 0x2c) {
      if (pos + 10 > data.length) return undefined
      pos += 10 + colourTable(data[pos + 9]) + 1 // image descriptor, local colour table, LZW code size
      if (!skipSubBlocks()) return undefined
    } else return undefined
  }
  return undefined
}

/** The image data of an upload already checked (checkImage), in its own format. */
export async function reencodeImage(data: Buffer, meta: Metadata): Promise<Buffer> {
  if (meta.format === 'gif') {
    const end = gifLength(data)
    if (end !== undefined) return end < data.length ? Buffer.from(data.subarray(0, end)) : data
  }
  // The pixel count was checked over every frame: sharp's own limit would count them again.
  const animated = (meta.pages ?? 1) > 1
  let image = sharp(data, { animated, limitInputPixels: false }).keepIccProfile()
  if (meta.orientation !== undefined && meta.orientation !== 1) image = image.autoOrient()
  switch (meta.format) {
    case 'jpeg':
      return image.jpeg({ quality: 95, chromaSubsampling: meta.chromaSubsampling === '4:4:4' ? '4:4:4' : '4:2:0' }).toBuffer()
    case 'png':
      return image.png().toBuffer()
    case 'webp':
      return image.webp({ quality: 95 }).toBuffer()
    case 'tiff':
      return image.tiff({ compression: 'lzw' }).toBuffer()
    default:
      return image.gif().toBuffer()
  }
}
