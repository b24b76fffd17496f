/**
 * Shaped text kept between processes (src/render/pdf/shapingStore.ts): a process that finds
 * the fixture's text in the store shapes none of it again and prints the same bytes as the
 * process that shaped it; a store with broken lines is read for what it holds.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-shaping-'))
const store = path.join(dir, 'shaping')
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function render(name: string, storeDir = store): Promise<{ pdf: Buffer; shaped: number; restored: number }> {
  const out = path.join(dir, `${name}.pdf`)
  const { stdout } = await run(process.execPath, ['--no-deprecation', '--import', 'tsx', 'tests/support/renderFixture.ts', storeDir, out], { cwd: process.cwd() })
  const counts = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { shaped: number; restored: number }
  return { pdf: fs.readFileSync(out), ...counts }
}

describe('the shaping store', () => {
  it('lets the next process print the same issue without shaping its text again', async () => {
    const first = await render('first')
    expect(first.shaped).toBeGreaterThan(100)
    expect(first.restored).toBe(0)
    expect(fs.readdirSync(store).length).toBeGreaterThan(3) // one file per face used

    const second = await render('second')
    expect(second.shaped).toBe(0)
    expect(second.restored).toBeGreaterThan(100)
    expect(second.pdf.equals(first.pdf)).toBe(true)

    // The same bytes as a process without any store.
    const alone = await render('alone', 'none')
    expect(alone.pdf.equals(first.pdf)).toBe(true)
  }, 180_000)

  it('skips lines it cannot read and shapes what they held again', async () => {
    for (const file of fs.readdirSync(store)) {
      const full = path.join(store, file)
      const lines = fs.readFileSync(full, 'utf8').split('\n')
      // A line cut off as by a crash, garbage, and a line whose glyphs and positions disagree.
      const broken = [lines[0].slice(0, 20), 'not json', JSON.stringify(['ltr||x', [1, 2], [[120]], [0, 0, 0, 0], 'latn']), ...lines.slice(1)]
      fs.writeFileSync(full, broken.join('\n'))
    }
    const again = await render('again')
    expect(again.shaped).toBeGreaterThan(0)
    expect(again.restored).toBeGreaterThan(100)
    expect(again.pdf.equals(fs.readFileSync(path.join(dir, 'first.pdf')))).toBe(true)
  }, 180_000)
})
