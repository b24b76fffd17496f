import path from 'node:path'

/**
 * Node's own resolver for font files and font tooling. Next's bundler rewrites `require`,
 * `require.resolve` and `createRequire` where it can see them (returning module ids, or
 * trying to bundle every .ttf in a package), so the real one is taken from Node at run time.
 * Every entry point (next, the CLI, tests, jobs) runs from the project folder.
 */
type NodeRequire = ((id: string) => unknown) & { resolve: (id: string) => string }

const { createRequire } = process.getBuiltinModule('node:module') as {
  createRequire: (from: string) => NodeRequire
}
const nodeRequire = createRequire(path.join(process.cwd(), 'package.json'))

export function resolvePackageFile(specifier: string): string {
  return nodeRequire.resolve(specifier)
}

/** Load a CommonJS package, optionally as seen from another package's file. */
export function loadPackage<T>(specifier: string, fromFile?: string): T {
  return (fromFile ? createRequire(fromFile) : nodeRequire)(specifier) as T
}
