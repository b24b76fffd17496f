import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')

/** The April part of the 2024 Q2 chronology exactly as it arrived (a copy of ../shared/fixtures, so a clone tests alone). */
export const aprilFixturePath = path.resolve(repoRoot, 'tests/fixtures/chronology-2024-04.txt')

export function readAprilFixture(): string {
  return readFileSync(aprilFixturePath, 'utf8')
}
