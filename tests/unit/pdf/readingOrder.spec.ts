import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IssueModel } from '@/issue/model'
import { renderIssuePdf, type RenderIssuePdfResult } from '@/render/pdf'
import { makeIssueModel } from '../../fixtures/issueModel'
import { pageLines, readable } from './pdfTools'

// Page 1 as copy-paste and screen readers get it: pdftotext's own reading order (no -layout).
let dir: string
let model: IssueModel
let result: RenderIssuePdfResult
let lines: string[]

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-order-'))
  model = await makeIssueModel(path.join(dir, 'images'))
  result = await renderIssuePdf(model, { cache: false })
  const file = path.join(dir, 'issue.pdf')
  writeFileSync(file, result.pdf)
  lines = pageLines(file, 1)
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('page 1 reads in order', () => {
  it('reads each contents number on the line of its title, in the order of the box', () => {
    let last = -1
    for (const entry of result.toc) {
      // The title may wrap: the number's line holds its first words.
      const title = readable(entry.title)
      const index = lines.findIndex((line, i) => {
        const l = readable(line)
        const rest = l.slice(String(entry.page).length + 1)
        return i > last && l.startsWith(`${entry.page} `) && rest.length >= Math.min(12, title.length) && title.startsWith(rest)
      })
      expect(index, `"${entry.page} ${entry.title}" after line ${last} of ${JSON.stringify(lines.slice(0, 40))}`).toBeGreaterThan(-1)
      last = index
    }
  })

  it('reads the masthead together, before the columns', () => {
    const { publisher } = model
    expect(lines.slice(0, 5)).toEqual([
      publisher.bulletinName.toUpperCase(),
      `${publisher.centre} · ${publisher.institute}`,
      'Volume 6, Number 2',
      model.periodLabel,
      'SECOND QUARTER 2024',
    ])
  })
})
