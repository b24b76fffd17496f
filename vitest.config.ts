import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': path.resolve(dirname, 'payload.config.ts'),
      '@': path.resolve(dirname, 'src'),
    },
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.spec.{ts,tsx}', 'tests/int/**/*.spec.{ts,tsx}'],
    // Browser tests and the multi-process delivery runs have their own command
    // (npm run test:e2e, vitest.e2e.config.ts): minutes each on two cores.
    exclude: ['tests/int/delivery/**', 'tests/int/chronology-cli.int.spec.ts', 'node_modules/**'],
    // Integration tests boot Payload on their own SQLite file; two cores, so keep it modest.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 120_000,
    // Booting Payload and seeding in a beforeAll takes seconds on a quiet machine, minutes on a busy one.
    hookTimeout: 300_000,
  },
})
