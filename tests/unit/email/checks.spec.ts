import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

import type { IssueModel, SectionModel } from '@/issue/model'
import { checkIssueForEmail } from '@/render/email/checks'
import { checkPrintedIssue } from '@/render/pdf/preflight'
import { makeIssueModel } from '../../fixtures/issueModel'

let base: IssueModel

beforeAll(async () => {
  base = await makeIssueModel(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-email-checks-')))
})

const sectionOf = <K extends SectionModel['kind']>(model: IssueModel, kind: K) =>
  model.sections.find((s): s is Extract<SectionModel, { kind: K }> => s.kind === kind)!

describe('the email checks', () => {
  it('let a character the print fonts lack through: the reader’s mail client sets it', () => {
    const model = structuredClone(base)
    sectionOf(model, 'chronology').chronology.entries[0].paragraphs[0] += ' 🚀'
    expect(checkIssueForEmail(model).filter((f) => f.severity === 'error')).toEqual([])
    expect(checkPrintedIssue(model).filter((f) => f.code === 'uncovered-glyph').map((f) => f.severity)).toEqual(['error'])
  })

  it('leave out what only print gets wrong: resolution, overflowing words, page count', () => {
    const model = structuredClone(base)
    sectionOf(model, 'highlights').highlights[0].photos[0].image.width = 400
    sectionOf(model, 'essays').essays[1].body.push({ type: 'paragraph', runs: [{ text: 'Code AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.' }] })
    const codes = checkIssueForEmail(model).map((f) => f.code)
    expect(codes).not.toContain('low-resolution-image')
    expect(codes).not.toContain('text-overflow')
    expect(checkPrintedIssue(model, { pageCount: 9 }).map((f) => f.code)).toEqual(expect.arrayContaining(['low-resolution-image', 'text-overflow', 'page-count']))
  })

  it('keep the model’s own errors: an image without alt text, a broken reference', () => {
    const model = structuredClone(base)
    const figure = sectionOf(model, 'essays').essays[0].body.find((b) => b.type === 'figure')
    if (figure?.type === 'figure') figure.image.alt = ''
    const codes = checkIssueForEmail(model, { brokenReferences: ['section "Essays": item 9 no longer exists'] }).map((f) => f.code)
    expect(codes).toEqual(expect.arrayContaining(['missing-alt-text', 'broken-reference']))
  })
})
