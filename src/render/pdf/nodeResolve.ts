import { createRequire } from 'node:module'

/**
 * Node's own resolver for font files and font tooling. Called with a variable specifier so
 * that Next's bundler leaves it alone: when it analyses `require.resolve('…')` itself it
 * returns bundle module ids instead of paths, or tries to bundle every .ttf in a package.
 */
const nodeRequire = createRequire(import.meta.url)

export function resolvePackageFile(specifier: string): string {
  return nodeRequire.resolve(specifier)
}

/** Load a CommonJS package, optionally as seen from another package's file. */
export function loadPackage<T>(specifier: string, fromFile?: string): T {
  return (fromFile ? createRequire(fromFile) : nodeRequire)(specifier) as T
}
