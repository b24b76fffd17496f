import { register } from 'node:module'

let registered = false

/**
 * Lexical's packages resolve, under Node's "node" export condition, to entry points such as
 * lexical/dist/Lexical.node.mjs that choose the dev or prod build with a top-level await.
 * Node 20's ESM loader can deadlock while several of those load at once (the Payload config
 * pulls in dozens through @payloadcms/richtext-lexical), and the process then exits silently,
 * code 0 or 13, before the command ran: about one run in four here. Resolving lexical's
 * packages with the "development"/"production" condition loads the build directly, without
 * the await. Call this before the Payload config is imported.
 */
export function loadLexicalWithoutTopLevelAwait(): void {
  if (registered || startedWithBuildCondition()) return
  registered = true
  const condition = process.env.NODE_ENV === 'production' ? 'production' : 'development'
  const hook = `
    export async function resolve(specifier, context, nextResolve) {
      if (specifier === 'lexical' || specifier.startsWith('@lexical/')) {
        return nextResolve(specifier, { ...context, conditions: [${JSON.stringify(condition)}, ...context.conditions] })
      }
      return nextResolve(specifier, context)
    }`
  register(`data:text/javascript,${encodeURIComponent(hook)}`)
}

/**
 * Started with `--conditions=production` (or development), as `npm run bulletin` is: Node
 * resolves lexical's packages to their builds itself. A module hook costs every import of
 * the process a round trip to the hooks thread (about 0.3 s of a command's start).
 */
export function startedWithBuildCondition(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  const flags = [...execArgv, ...nodeOptions.split(/\s+/)]
  return flags.some((flag, i) => {
    const value = /^(?:--conditions|-C)=(.*)$/.exec(flag)?.[1] ?? (flag === '--conditions' || flag === '-C' ? flags[i + 1] : undefined)
    return value === 'production' || value === 'development'
  })
}
