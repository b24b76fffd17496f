/**
 * The command line. `npm run bulletin` runs it from a compiled copy (src/cli/bulletin.mjs);
 * tsx runs it from its TypeScript sources too (`tsx src/cli/index.ts`).
 */
import { runBulletin } from './program'

void runBulletin(process.argv)
