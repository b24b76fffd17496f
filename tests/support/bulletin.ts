import fs from 'node:fs'
import path from 'node:path'

/**
 * `npm run bulletin <args>` as package.json's script starts it, for spawning with
 * process.execPath: the script's node flags, the launcher (src/cli/bulletin.mjs, which runs
 * the compiled copy of the command line, as users run it), then the arguments.
 */
export function bulletinArgv(...args: string[]): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as { scripts: Record<string, string> }
  const [, ...words] = manifest.scripts.bulletin.split(/\s+/)
  return [...words.map((word) => (word.startsWith('src/') ? path.resolve(word) : word)), ...args]
}
