import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IssueModel, SectionModel } from '@/issue/model'
import { renderIssuePdf } from '@/render/pdf'
import { makeIssueModel } from '../../fixtures/issueModel'
import { COLUMN, MARGIN } from '../../../templates/pdf/theme'
import { pdftotext, pdfwords } from './pdfTools'

/**
 * The shapes of the real issue, on the fixture model: no volume or number, a highlights
 * group with one caption for several photos and no title, a book with unnumbered front
 * matter, contents titles that differ from headings, an editor marked in the contents, the
 * chronology's period on its contents line, and the about text's own words as the link.
 * Every one of these fields must change the PDF.
 */

let dir: string
let file: string
let text: string
let contentsColumn: string
let model: IssueModel

const GROUP_CAPTION = '(Top) Discussions at the national day reception. (Below, from left) With a visiting professor and (right) with an analyst.'

function section<K extends SectionModel['kind']>(m: IssueModel, kind: K): Extract<SectionModel, { kind: K }> {
  const found = m.sections.find((s) => s.kind === kind)
  if (!found || found.kind !== kind) throw new Error(`the fixture has no ${kind} section`)
  return found as Extract<SectionModel, { kind: K }>
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-real-shapes-'))
  model = await makeIssueModel(path.join(dir, 'images'))
  model.volume = undefined
  model.number = undefined
  model.publisher.postalAddress = undefined
  model.publisher.aboutUrl = 'https://example.org/the-bulletin'
  model.publisher.aboutLinkText = 'Korea Bulletin'
  model.publisher.aboutText = `The Korea Bulletin ${model.publisher.aboutText.replace(/^The Korea Bulletin\s*/, '')}`
  model.mastheadOverride = undefined
  const essays = section(model, 'essays').essays
  essays[1].contentsTitle = 'A Contents Title Unlike the Heading'
  const highlights = section(model, 'highlights')
  highlights.highlights[0] = {
    ...highlights.highlights[0],
    title: '',
    eventDate: undefined,
    caption: GROUP_CAPTION,
    photos: highlights.highlights[0].photos.map((p) => ({ ...p, caption: '', positionCue: undefined })),
  }
  const book = section(model, 'forthcoming').publications[0]
  book.editors = ['Lam Peng Er']
  book.contents = [
    { title: '', chapters: [{ title: 'List of Figures and Tables', authors: [] }, { title: 'Contributors', authors: [] }] },
    ...book.contents,
    { title: '', chapters: [{ title: 'Index', authors: [] }] },
  ]
  const chronology = section(model, 'chronology').chronology
  chronology.contentsTitle = 'Relations: A Chronology'
  chronology.periodInContents = true

  const { pdf } = await renderIssuePdf(model, { cache: false })
  file = path.join(dir, 'issue.pdf')
  writeFileSync(file, pdf)
  text = pdftotext(file)
  const words = pdfwords(file, 1).filter((w) => w.xMax <= MARGIN.left + COLUMN.width + 1)
  words.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
  contentsColumn = words.map((w) => w.text).join(' ').replace(/&apos;/g, "'")
}, 300_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('the real issue’s shapes in the PDF', () => {
  it('prints no volume or number when the issue has none, only the period and the quarter', () => {
    expect(text).not.toMatch(/\bVol(ume|\.)\s*(\d|undefined)|\bNo\.\s*(\d|undefined)|\bNumber\s+(\d|undefined)/)
    const first = pdftotext(file, 1)
    expect(first).toContain('April–June 2024')
    expect(first).toContain('SECOND QUARTER 2024')
  })

  it('sets one caption under a group of photos, and no invented title', () => {
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain(GROUP_CAPTION.replace(/\s+/g, ' ').slice(0, 60))
    expect(flat).not.toContain('Ambassadors’ Roundtable')
    // The section heading is not repeated in place of the missing title.
    expect(flat.match(/Highlights at the Korea Centre/gi)?.length).toBe(2) // the contents line and the section heading
  })

  it('lists front and back matter unnumbered beside the numbered chapters', () => {
    const lines = text.split('\n').map((l) => l.trim())
    for (const matter of ['List of Figures and Tables', 'Contributors', 'Index']) expect(lines).toContain(matter)
    expect(text).toMatch(/\b1\s+\S/)
  })

  it('uses contents titles, marks the editor and carries the chronology’s period in the contents', () => {
    const flat = contentsColumn.replace(/\s+/g, ' ')
    expect(flat).toContain('A Contents Title Unlike the Heading')
    expect(flat).toContain('Lam Peng Er (ed)')
    expect(flat).toContain('Relations: A Chronology, April 2024 to June 2024')
    // The highlights section is one line of its own name.
    expect(flat.match(/Highlights at the Korea Centre/gi)).toHaveLength(1)
  })

  it('links the about text on its own words, without printing the address', () => {
    expect(text.replace(/\s+/g, ' ')).not.toContain('example.org/the-bulletin')
    const links = execFileSync('pdfinfo', ['-url', file], { encoding: 'utf8' })
    expect(links).toMatch(/^\s*1\s+Annotation\s+https:\/\/example\.org\/the-bulletin$/m)
  })
})
