/**
 * The command line. `npm run bulletin` runs it from a compiled copy (src/cli/bulletin.mjs);
 * the tests also run it from its TypeScript sources (`tsx src/cli/index.ts`).
 */
import { runBulletin } from './program'

void runBulletin(process.argv)
