/**
 * `npm run bulletin`: starts the command line from a compiled copy of its argument parsing
 * (src/cli/front.ts and the commands' definitions), so `--help` or a typo answers at once
 * instead of after transpiling and loading Payload. The copy is rebuilt with esbuild (tsx's
 * own) when one of its source files changed; a command's services, Payload and the
 * renderers are still loaded from the TypeScript sources, through tsx, when it runs.
 * Plain JavaScript on purpose: this file runs before anything can transpile TypeScript.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

// What NODE_OPTIONS=--no-deprecation did: Payload's dependencies warn about Node APIs.
process.noDeprecation = true

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const outDir = path.join(root, 'node_modules/.cache/bulletin-cli')
const bundle = path.join(outDir, 'front.mjs')
const inputsFile = path.join(outDir, 'inputs.json')

/** The compiled copy is fresh when every file it was built from is unchanged. */
function isFresh() {
  try {
    const built = JSON.parse(fs.readFileSync(inputsFile, 'utf8'))
    if (built.root !== root || !fs.existsSync(bundle)) return false
    return Object.entries(built.files).every(([file, mtimeMs]) => fs.statSync(path.join(root, file)).mtimeMs === mtimeMs)
  } catch {
    return false
  }
}

/**
 * Dynamic imports stay imports: of a package as it is, of a project file as its absolute
 * path, loaded through tsx when the command runs (they are what makes a command heavy).
 */
const lazyImports = {
  name: 'lazy-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData === 'lazy-imports') return undefined
      if (!/^(\.|\/|@payload-config$|@\/)/.test(args.path)) return { path: args.path, external: true }
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'lazy-imports' })
      if (resolved.errors.length > 0) return { errors: resolved.errors }
      return { path: pathToFileURL(resolved.path).href, external: true }
    })
  },
}

async function build() {
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))
  const esbuild = fromTsx('esbuild')
  fs.mkdirSync(outDir, { recursive: true })
  // Written aside and renamed: two commands started at once never read half a file.
  const temp = `${bundle}.${process.pid}.tmp`
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/cli/front.ts'],
    outfile: temp,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    tsconfig: 'tsconfig.json',
    metafile: true,
    logLevel: 'error',
    plugins: [lazyImports],
  })
  const files = Object.fromEntries(Object.keys(result.metafile.inputs).map((file) => [file, fs.statSync(path.join(root, file)).mtimeMs]))
  fs.renameSync(temp, bundle)
  fs.writeFileSync(`${inputsFile}.${process.pid}.tmp`, JSON.stringify({ root, files }))
  fs.renameSync(`${inputsFile}.${process.pid}.tmp`, inputsFile)
}

if (!isFresh()) await build()
await import(pathToFileURL(bundle).href)
