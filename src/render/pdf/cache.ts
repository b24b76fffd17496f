import { statSync } from 'node:fs'

export { hashOf, LruCache } from '../../cache'

/** Size and mtime of every image file a part prints: a replaced file must not hit the cache. */
export function fileStamps(paths: readonly string[]): string[] {
  return paths.map((p) => {
    try {
      const s = statSync(p)
      return `${p}:${s.size}:${s.mtimeMs}`
    } catch {
      return `${p}:missing`
    }
  })
}
