import { statSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/**
 * A print image's `src`: its file URL, with the file's size and mtime as the fragment.
 * react-pdf keeps a loaded picture by its `src` (the fragment is not part of the path it
 * reads), so each render does not read and parse the file again, and a replaced file gets a
 * new `src` and is read anew.
 */
export function printSource(printPath: string): string {
  let stamp = 'missing'
  try {
    const { size, mtimeMs } = statSync(printPath)
    stamp = `${size}-${mtimeMs}`
  } catch {
    // A missing file keeps react-pdf's own warning; it is read once it is there.
  }
  return `${pathToFileURL(printPath).href}#${stamp}`
}
