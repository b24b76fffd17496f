/**
 * The command line run from its TypeScript sources (`tsx src/cli/index.ts`), as the tests
 * run it. `npm run bulletin` starts faster through src/cli/bulletin.mjs, which runs the same
 * program from a compiled copy.
 */
import { runBulletin } from './program'

void runBulletin(process.argv)
