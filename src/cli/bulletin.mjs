/**
 * `npm run bulletin`: runs the command line from a compiled copy of the project's code
 * (src/cli/index.ts and everything it imports, one chunk per command's services), so no
 * command transpiles TypeScript at run time: `--help` answers at once and a command reaches
 * its work as soon as Node has loaded the code it needs. The copy is rebuilt with esbuild
 * (tsx's own) when one of its source files changed.
 * The packages are in the copy too (Payload alone is some 550 modules: Node spent about
 * 0.8 s of a command's 2 s start finding, reading and linking them one by one), except
 * those in OUTSIDE, which load from node_modules as they are.
 * Plain JavaScript on purpose: this file runs before anything can transpile TypeScript.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

// What NODE_OPTIONS=--no-deprecation did: Payload's dependencies warn about Node APIs. With
// that flag given, the property is already true, and read-only.
if (!process.noDeprecation) process.noDeprecation = true

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const cacheDir = path.join(root, 'node_modules/.cache/bulletin-cli')
const inputsFile = path.join(cacheDir, 'inputs.json')
// Not source files, but they change what esbuild makes of the sources (the lock file: which
// versions of the packages bundled in).
const SETTINGS = ['tsconfig.json', 'package.json', 'package-lock.json', 'src/cli/bulletin.mjs']

/**
 * Packages left outside the copy: native code (sharp, libsql), what only another setting
 * loads (MongoDB, S3, Word import: big, and off the SQLite path), the print engine (loaded
 * by name at render time, src/render/pdf/engine.ts, so react-pdf, its layout and pdfkit must
 * be the same copies: node_modules'), and React, which react-pdf imports itself.
 */
const OUTSIDE = [
  'sharp', 'libsql', '@libsql/*', 'better-sqlite3', 'drizzle-kit', 'drizzle-kit/*',
  'mongodb', 'mongoose', '@payloadcms/db-mongodb', '@payloadcms/storage-s3', '@aws-sdk/*', 'mammoth',
  '@react-pdf/*', 'pdfkit', 'fontkit', 'react', 'react/*', 'react-dom', 'react-dom/*',
  'next', 'next/*', '@next/*', 'esbuild', 'tsx', 'tsx/*',
]

/** The compiled copy's entry, when every file it was built from is unchanged. */
function freshEntry() {
  try {
    const built = JSON.parse(fs.readFileSync(inputsFile, 'utf8'))
    const entry = path.join(cacheDir, built.dir, 'index.mjs')
    if (built.root !== root || !fs.existsSync(entry)) return undefined
    const unchanged = Object.entries(built.files).every(([file, mtimeMs]) => fs.statSync(path.join(root, file)).mtimeMs === mtimeMs)
    return unchanged ? entry : undefined
  } catch {
    return undefined
  }
}

/**
 * A source file's own URL where it reads import.meta.url (payload.config.ts finds the admin
 * import map beside itself): in the copy, the module would otherwise see the chunk's URL.
 */
const ownUrls = {
  name: 'own-urls',
  setup(build) {
    build.onLoad({ filter: /\.(ts|tsx|mts)$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined
      const source = fs.readFileSync(args.path, 'utf8')
      if (!source.includes('import.meta.url')) return undefined
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: path.extname(args.path).slice(1) }
    })
  },
}

const outside = (name) => OUTSIDE.some((pattern) => pattern === name || (pattern.endsWith('/*') && name.startsWith(pattern.slice(0, -1))))

/**
 * A file inside a package left outside and without an "exports" map, by its full name:
 * Node's ESM loader, unlike esbuild, adds no extension or index.js.
 */
const deepImports = {
  name: 'deep-imports',
  setup(build) {
    const fromRoot = createRequire(path.join(root, 'package.json'))
    build.onResolve({ filter: /^(@[^/:]+\/)?[^./@:][^/:]*\/./ }, (args) => {
      const [, name] = /^((?:@[^/]+\/)?[^/]+)\//.exec(args.path)
      if (!outside(name)) return undefined
      let manifest
      try {
        manifest = fromRoot.resolve(`${name}/package.json`, { paths: [args.resolveDir] })
      } catch {
        return undefined // an "exports" map that hides package.json: Node resolves it
      }
      if (JSON.parse(fs.readFileSync(manifest, 'utf8')).exports) return undefined
      const file = fromRoot.resolve(args.path, { paths: [args.resolveDir] })
      return { path: `${name}/${path.relative(path.dirname(manifest), file).split(path.sep).join('/')}`, external: true }
    })
  },
}

async function build() {
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))
  const esbuild = fromTsx('esbuild')
  // Each build in a folder of its own, named in inputs.json once complete: a command that
  // is still running keeps loading its chunks from the folder it started with.
  const dir = `build-${Date.now()}-${process.pid}`
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { index: 'src/cli/index.ts' },
    outdir: path.join(cacheDir, dir),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: OUTSIDE,
    // Lexical's builds directly (see src/runtime/lexicalEntryPoints.ts), as `npm run bulletin` asks Node.
    conditions: ['production'],
    // The packages inside still find their own files from node_modules (drizzle's createRequire).
    banner: { js: "import { createRequire as __bulletinRequire } from 'node:module'; const require = __bulletinRequire(import.meta.url);" },
    tsconfig: 'tsconfig.json',
    jsx: 'automatic',
    metafile: true,
    logLevel: 'error',
    plugins: [ownUrls, deepImports],
  })
  const sources = [...Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/')), ...SETTINGS]
  const files = Object.fromEntries(sources.map((file) => [file, fs.statSync(path.join(root, file)).mtimeMs]))
  // Which packages each chunk holds: what a test reads to tell what a command loaded.
  const chunks = Object.fromEntries(
    Object.entries(result.metafile.outputs).map(([file, output]) => [path.basename(file), [...new Set(Object.keys(output.inputs).map(packageOf).filter(Boolean))].sort()]),
  )
  const temp = `${inputsFile}.${process.pid}.tmp`
  fs.writeFileSync(temp, JSON.stringify({ root, dir, files, chunks }))
  fs.renameSync(temp, inputsFile)
  removeOldBuilds(dir)
  return path.join(cacheDir, dir, 'index.mjs')
}

/** The package a bundled file comes from (node_modules/@scope/name/... -> @scope/name). */
function packageOf(file) {
  return /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(file)?.[1]
}

/** Builds other than the newest, once no command can still be loading from them. */
function removeOldBuilds(keep) {
  const hourAgo = Date.now() - 60 * 60 * 1000
  for (const name of fs.readdirSync(cacheDir)) {
    const full = path.join(cacheDir, name)
    if (name === keep || name === 'inputs.json') continue
    if (fs.statSync(full).mtimeMs < hourAgo) fs.rmSync(full, { recursive: true, force: true })
  }
}

const entry = freshEntry() ?? (await build())
await import(pathToFileURL(entry).href)
