/**
 * The entry src/cli/bulletin.mjs compiles: the same program, and once a command is chosen
 * tsx's loader is registered so the command can load the TypeScript services it imports.
 */
import { runBulletin } from './program'

void runBulletin(process.argv, {
  beforeCommand: async () => {
    const { register } = await import('tsx/esm/api')
    register()
  },
})
