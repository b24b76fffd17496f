import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The house's arrows run one way (../shared/HOUSE.md): content -> IssueModel -> renderers ->
 * export and delivery. Read from the source's own import lines, so a new import that runs
 * back up fails here before anyone has to learn the exception.
 */

const root = path.resolve(__dirname, '../../..')
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/')

/** `import … from`, `export … from`, a bare `import '…'` (group 1: "type" when only types), and `import('…')`. */
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s)?[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const child = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...filesUnder(child))
    else if (/\.tsx?$/.test(entry.name)) out.push(child.split(path.sep).join('/'))
  }
  return out
}

/**
 * A project file (relative to the root) or a package name, for each import of `file`. With
 * `loaded`, only what loading the file loads: no type-only imports, no import() on demand.
 */
function importsOf(file: string, loaded = false): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8')
  const found: string[] = []
  for (const match of text.matchAll(IMPORT)) {
    if (loaded && (match[1] || match[4])) continue
    const spec = match[2] ?? match[3] ?? match[4]
    if (spec.startsWith('.') || spec.startsWith('@/')) {
      const base = spec.startsWith('@/') ? path.join(root, 'src', spec.slice(2)) : path.resolve(path.dirname(path.join(root, file)), spec)
      const hit = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find(
        (candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile(),
      )
      found.push(hit ? rel(hit) : rel(base))
    } else {
      found.push(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0])
    }
  }
  return found
}

/** Every project file and package that loading `file` loads, following the project's own files. */
function loadedWith(file: string): Set<string> {
  const seen = new Set<string>([file])
  const queue = [file]
  while (queue.length > 0) {
    for (const next of importsOf(queue.pop() as string, true)) {
      if (seen.has(next)) continue
      seen.add(next)
      if (/\.tsx?$/.test(next) && fs.existsSync(path.join(root, next))) queue.push(next)
    }
  }
  return seen
}

/** The rooms above the model and the templates: renderers, export, delivery, mail, the CLI and the rest. */
const ABOVE = /^src\/(render|export|delivery|mail|subscribers|cli|dashboard|api|jobs|admin|app|runtime)\//

describe('the house: arrows run one way', () => {
  it('src/issue, src/workflow and templates import no renderer, export, delivery, mail or CLI', () => {
    const back = ['src/issue', 'src/workflow', 'templates']
      .flatMap(filesUnder)
      .flatMap((file) => importsOf(file).filter((target) => ABOVE.test(target)).map((target) => `${file} -> ${target}`))
    expect(back).toEqual([])
  })

  const pdfRenderer = (file: string) => file === '@react-pdf/renderer' || file.startsWith('src/render/pdf/') || file.startsWith('templates/pdf/')

  it('campaign readiness loads no PDF renderer', () => {
    expect([...loadedWith('src/delivery/campaign.ts')].filter(pdfRenderer)).toEqual([])
  })

  it('loading the config loads no PDF renderer: the export loads it when it renders', () => {
    expect([...loadedWith('payload.config.ts')].filter(pdfRenderer)).toEqual([])
  })
})
