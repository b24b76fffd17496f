import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Browser tests (Debian's Chromium) and multi-process delivery runs: slow, run apart. */
export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': path.resolve(dirname, 'payload.config.ts'),
      '@': path.resolve(dirname, 'src'),
    },
  },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.spec.{ts,tsx}', 'tests/int/delivery/**/*.spec.{ts,tsx}', 'tests/int/chronology-cli.int.spec.ts'],
    exclude: ['node_modules/**'],
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
