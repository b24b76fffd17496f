import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { assembleIssue } from '@/issue/assemble'
import type { Block, IssueModel, Run } from '@/issue/model'
import { preflightIssue } from '@/export/preflight'
import { seedDemo } from '@/seed/demo'
import { startTestPayload, type TestPayload } from '../support/payload'

/**
 * Issue 11, item 9: links other than http, https and mailto (from the rich text and from the
 * link fields) never reach the PDF, the web edition or the email; their text stays, and
 * preflight names each one.
 */

const HOSTILE = [
  'javascript:alert(document.cookie)',
  'JAVASCRIPT:alert(1)',
  'data:text/html,<script>alert(3)</script>',
  'vbscript:msgbox(4)',
  '/admin/collections/users',
  '//evil.example/steal',
]
// (" javascript:…" with a leading space is refused by Payload's own link validation; the
// predicate's unit test covers it.)
const ALLOWED = ['https://good.example/kept', 'mailto:reader@example.org']

let t: TestPayload
let payload: Payload
let published: { model: IssueModel }
let report: Awaited<ReturnType<typeof preflightIssue>>

const text = (value: string) => ({ type: 'text', text: value, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
const link = (url: string, label: string) => ({ type: 'link', version: 3, fields: { url, linkType: 'custom', newTab: false }, children: [text(label)] })

function hrefsOf(model: IssueModel): string[] {
  const hrefs: string[] = [model.publisher.aboutUrl ?? '']
  const runs = (list: Run[]) => list.forEach((run) => run.href && hrefs.push(run.href))
  const blocks = (list: Block[]) =>
    list.forEach((b) => (b.type === 'list' ? b.items.forEach(runs) : 'runs' in b ? runs(b.runs) : undefined))
  for (const section of model.sections) {
    if (section.kind === 'essays') section.essays.forEach((e) => blocks(e.body))
    if (section.kind === 'forthcoming' || section.kind === 'recent') {
      section.publications.forEach((p) => {
        blocks(p.description)
        if (p.url) hrefs.push(p.url)
      })
    }
  }
  return hrefs.filter(Boolean)
}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  await seedDemo(payload)
  const essay = (await payload.find({ collection: 'essays', where: { slug: { equals: 'festivals-of-the-mekong' } }, depth: 0, limit: 1 })).docs[0]
  const body = essay.body as { root: { children: unknown[] } }
  const paragraph = {
    type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0,
    children: [...HOSTILE, ...ALLOWED].flatMap((url, i) => [link(url, `link number ${i + 1}`), text(' and ')]),
  }
  await payload.update({ collection: 'essays', id: essay.id, data: { body: { ...body, root: { ...body.root, children: [...body.root.children, paragraph] } } as typeof essay.body }, depth: 0 })
  const publication = (await payload.find({ collection: 'publications', where: { kind: { equals: 'recent' } }, depth: 0, limit: 1 })).docs[0]
  await payload.update({ collection: 'publications', id: publication.id, data: { url: 'javascript:alert(5)' }, depth: 0 })
  await payload.updateGlobal({ slug: 'publication-settings', data: { aboutUrl: 'data:text/html;base64,PHNjcmlwdD4=' } })

  published = await assembleIssue(payload, 'demo')
  report = await preflightIssue(payload, 'demo', { kind: 'edition' })
}, 180_000)
afterAll(async () => t?.close())

describe('links that are not http, https or mailto', () => {
  it('are left out of the IssueModel every renderer takes (PDF, web edition, email); their text stays', () => {
    const hrefs = hrefsOf(published.model)
    expect(hrefs).toEqual(expect.arrayContaining(ALLOWED))
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:)/)
    const essay = published.model.sections.flatMap((s) => (s.kind === 'essays' ? s.essays : []))[0]
    const last = essay.body.at(-1)
    const words = last && 'runs' in last ? last.runs.map((r) => r.text).join('') : ''
    for (let i = 1; i <= HOSTILE.length + ALLOWED.length; i++) expect(words).toContain(`link number ${i}`)
  })

  it('leave no URI action in the PDF but the allowed ones', async () => {
    const doc = await PDFDocument.load(report.pdf)
    const uris: string[] = []
    for (const page of doc.getPages()) {
      const annots = page.node.Annots()
      for (let i = 0; annots && i < annots.size(); i++) {
        const uri = annots.lookup(i, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'))
        if (uri instanceof PDFString || uri instanceof PDFHexString) uris.push(uri.decodeText())
      }
    }
    expect(uris).toEqual(expect.arrayContaining(ALLOWED))
    for (const uri of uris) expect(uri).toMatch(/^(https?:\/\/|mailto:)/)
    // Nor anywhere in the bytes, in case an action hides outside the page annotations.
    const bytes = Buffer.from(report.pdf).toString('latin1')
    expect(bytes).not.toMatch(/\/URI\s*\((?!https?:|mailto:)/i)
  })

  it('are each named by preflight, with where and what kind of address', () => {
    const refused = report.warnings.filter((w) => w.code === 'refused-link')
    const essayAt = 'essay “Festivals of the Mekong: Korean Popular Culture in Vientiane”, body'
    expect(refused.filter((w) => w.where === essayAt).map((w) => w.message.match(/\(([^)]+)\) is left out/)?.[1])).toEqual([
      'javascript:',
      'javascript:',
      'data:',
      'vbscript:',
      'a relative address',
      'a protocol-relative address',
    ])
    expect(refused.find((w) => /^publication “.+”, link$/.test(w.where))?.message).toContain('javascript:alert(5)')
    expect(refused.find((w) => w.where === 'publication settings, about link')?.message).toContain('(data:)')
    expect(report.ok).toBe(true)
  })
})
