import fs from 'node:fs'
import path from 'node:path'

import type { Media } from '../../payload-types'
import type { ImageModel } from '../model'
import type { Id } from './fetch'

/**
 * Images of the model: the derivative each medium uses, the print file checked on disk (an
 * original may be WebP, which react-pdf cannot read), and the web and email addresses made
 * absolute against the site's root.
 */

const absolute = (url: string | null | undefined, publicUrl: string): string =>
  !url ? '' : /^https?:\/\//.test(url) ? url : `${publicUrl}${url.startsWith('/') ? '' : '/'}${url}`

export function imageModel(doc: Media, publicUrl: string, mediaDir: string): ImageModel {
  const sizes = doc.sizes ?? {}
  const printFile = sizes.print?.filename ?? doc.filename ?? ''
  // Originals may be WebP, which react-pdf cannot read; the print derivative is always JPEG.
  const printPath = path.join(mediaDir, fs.existsSync(path.join(mediaDir, printFile)) ? printFile : (doc.filename ?? ''))
  return {
    id: String(doc.id),
    alt: doc.alt,
    credit: doc.credit || undefined,
    width: doc.width ?? 1,
    height: doc.height ?? 1,
    focalX: doc.focalX ?? 50,
    focalY: doc.focalY ?? 50,
    printPath,
    webUrl: absolute(sizes.web?.url ?? doc.url, publicUrl),
    emailUrl: absolute(sizes.email?.url ?? doc.url, publicUrl),
  }
}

export type ResolveImage = (value: unknown) => ImageModel | undefined

/** An image field's value (an id, or the populated document) as an image of the model; a missing one is noted in `broken`. */
export function imageResolver(media: ReadonlyMap<string, Media>, broken: string[], where: { publicUrl: string; mediaDir: string }): ResolveImage {
  return (value) => {
    const id = typeof value === 'object' && value !== null ? (value as { id?: Id }).id : (value as Id | undefined)
    const doc = id === undefined ? undefined : media.get(String(id))
    if (!doc) {
      if (id !== undefined) broken.push(`image ${id} no longer exists`)
      return undefined
    }
    return imageModel(doc, where.publicUrl, where.mediaDir)
  }
}
