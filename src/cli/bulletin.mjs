/**
 * `npm run bulletin`: runs the command line from a compiled copy of the project's code
 * (src/cli/index.ts and everything it imports, one chunk per command's services), so no
 * command transpiles TypeScript at run time: `--help` answers at once and a command reaches
 * its work as soon as Node has loaded the packages it needs. The copy is rebuilt with esbuild
 * (tsx's own) when one of its source files changed. Packages stay outside the copy and load
 * from node_modules as they are.
 * Plain JavaScript on purpose: this file runs before anything can transpile TypeScript.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

// What NODE_OPTIONS=--no-deprecation did: Payload's dependencies warn about Node APIs.
process.noDeprecation = true

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const cacheDir = path.join(root, 'node_modules/.cache/bulletin-cli')
const inputsFile = path.join(cacheDir, 'inputs.json')
// Not source files, but they change what esbuild makes of the sources.
const SETTINGS = ['tsconfig.json', 'package.json', 'src/cli/bulletin.mjs']

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

/**
 * A file inside a package without an "exports" map (nodemailer/lib/mime-node, hyphen/en-us)
 * by its full name: Node's ESM loader, unlike the transpiler, adds no extension or index.js.
 */
const deepImports = {
  name: 'deep-imports',
  setup(build) {
    const fromRoot = createRequire(path.join(root, 'package.json'))
    build.onResolve({ filter: /^(@[^/:]+\/)?[^./@:][^/:]*\/./ }, (args) => {
      const [, name] = /^((?:@[^/]+\/)?[^/]+)\//.exec(args.path)
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
    packages: 'external',
    tsconfig: 'tsconfig.json',
    jsx: 'automatic',
    metafile: true,
    logLevel: 'error',
    plugins: [ownUrls, deepImports],
  })
  const sources = [...Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/')), ...SETTINGS]
  const files = Object.fromEntries(sources.map((file) => [file, fs.statSync(path.join(root, file)).mtimeMs]))
  const temp = `${inputsFile}.${process.pid}.tmp`
  fs.writeFileSync(temp, JSON.stringify({ root, dir, files }))
  fs.renameSync(temp, inputsFile)
  removeOldBuilds(dir)
  return path.join(cacheDir, dir, 'index.mjs')
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
