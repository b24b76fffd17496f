import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { keepShapedTextIn, MAX_FILE_BYTES, storedRun, storeRun, writeShapedText, type StoredRun } from '@/render/pdf/shapingStore'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-store-'))
afterAll(() => {
  keepShapedTextIn(undefined)
  fs.rmSync(dir, { recursive: true, force: true })
})

const run: StoredRun = { glyphs: [36, 37], codePoints: [[65], [66]], positions: [600, 0, 0, 0, 610, 0, 0, 0], script: 'latn' }
const files = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder) : [])

describe('the shaping store', () => {
  it('writes runs once per render and gives them back to a fresh reader', () => {
    const folder = path.join(dir, 'a')
    keepShapedTextIn(folder)
    storeRun('Font-1', 'ltr||AB', run)
    expect(files(folder)).toEqual([]) // nothing written until the render is done
    writeShapedText()
    expect(files(folder)).toHaveLength(1)
    keepShapedTextIn(undefined) // forgets what it read: the next read is from the file
    keepShapedTextIn(folder)
    expect(storedRun('Font-1', 'ltr||AB')).toEqual(run)
    expect(storedRun('Font-2', 'ltr||AB')).toBeUndefined()
  })

  it('starts a file again once it would grow past its limit', () => {
    const folder = path.join(dir, 'b')
    keepShapedTextIn(folder)
    storeRun('Font-1', 'ltr||AB', run)
    writeShapedText()
    const [name] = files(folder)
    fs.appendFileSync(path.join(folder, name), 'x'.repeat(MAX_FILE_BYTES))
    storeRun('Font-1', 'ltr||CD', run)
    writeShapedText()
    expect(fs.statSync(path.join(folder, name)).size).toBeLessThan(1000)
  })

  it('keeps nothing, and fails nothing, where it cannot write', () => {
    const blocked = path.join(dir, 'not-a-folder')
    fs.writeFileSync(blocked, '')
    keepShapedTextIn(path.join(blocked, 'shaping'))
    storeRun('Font-1', 'ltr||AB', run)
    expect(() => writeShapedText()).not.toThrow()
  })
})
