import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Section } from '@/app/(site)/_components/IssueParts'
import { importChronology } from '@/chronology/import'
import { assembleIssue } from '@/issue/assemble'
import type { IssueModel } from '@/issue/model'
import { renderNewsletter } from '@/render/email'
import { renderIssuePdf } from '@/render/pdf'
import { seedDemo } from '@/seed/demo'
import { startTestPayload, type TestPayload } from '../support/payload'
import { pdftotext } from '../unit/pdf/pdfTools'

/**
 * The compiler's order within a start day is an editorial decision: a day's multi-day entry
 * listed first stays first, through the import, in the PDF, the web edition and the email.
 * Twelve entries start on 1 May (no demo entry does), so a place in the day of 10 or 11 is
 * also checked against 2 (a string sort would put "#10" before "#2").
 */

const MARKS = ['Qaa', 'Qbb', 'Qcc', 'Qdd', 'Qee', 'Qff', 'Qgg', 'Qhh', 'Qii', 'Qjj', 'Qkk', 'Qll']
/** The document: the three-day entry first, then eleven one-day entries of the same day. */
const DOCUMENT = [
  'May 2024',
  `1st - 3rd\tMarker ${MARKS[0]}: a three-day visit listed first by the compiler.`,
  ...MARKS.slice(1).map((mark) => `1st\tMarker ${mark}: a one-day meeting on the same day.`),
].join('\n')

let t: TestPayload
let payload: Payload
let model: IssueModel

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  await seedDemo(payload)
  const report = await importChronology(payload, { issueSlug: 'demo', source: { text: DOCUMENT } })
  expect(report.errors).toEqual([])
  expect(report.added).toBe(MARKS.length)
  model = (await assembleIssue(payload, 'demo', { draft: true })).model
}, 300_000)

afterAll(async () => t?.close())

/** The markers in the order they appear in a text. */
function markerOrder(text: string): string[] {
  return [...text.matchAll(/\bQ([a-l])\1\b/g)].map((m) => m[0])
}

describe('same-day chronology entries keep the document order', () => {
  it('in the IssueModel', () => {
    const section = model.sections.find((s) => s.kind === 'chronology')
    if (section?.kind !== 'chronology') throw new Error('the demo issue has no chronology section')
    const mayFirst = section.chronology.entries.filter((e) => e.startDate === '2024-05-01')
    expect(markerOrder(mayFirst.map((e) => e.paragraphs.join(' ')).join(' '))).toEqual(MARKS)
  })

  it('in the rendered PDF', async () => {
    const { pdf } = await renderIssuePdf(model, { cache: false })
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-order-'))
    try {
      const file = path.join(dir, 'issue.pdf')
      fs.writeFileSync(file, pdf)
      expect(markerOrder(pdftotext(file))).toEqual(MARKS)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('in the web edition', () => {
    const index = model.sections.findIndex((s) => s.kind === 'chronology')
    const html = renderToStaticMarkup(createElement(Section, { section: model.sections[index], id: 'chronology' }))
    expect(markerOrder(html)).toEqual(MARKS)
  })

  it('in the email (the first headlines of May)', async () => {
    const base = 'http://localhost:3000'
    const { html, text } = await renderNewsletter(
      model,
      { email: 'reader@example.org' },
      {
        publicUrl: base,
        issueUrl: `${base}/issues/demo`,
        pdfUrl: `${base}/issues/demo/pdf`,
        chronologyUrl: `${base}/issues/demo#chronology`,
        unsubscribeUrl: `${base}/unsubscribe?token=x`,
      },
    )
    for (const part of [html, text]) {
      const shown = markerOrder(part)
      expect(shown.length).toBeGreaterThanOrEqual(2)
      expect(shown).toEqual(MARKS.slice(0, shown.length))
    }
  })
})
