import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueModelSchema, type IssueModel } from '@/issue/model'
import { formatMonthHeading } from '@/chronology/dayCell'
import { renderIssuePdf, type RenderIssuePdfResult } from '@/render/pdf'
import { makeIssueModel } from '../../fixtures/issueModel'
import { headingOf, headingsOf, pageLines, pdffonts, pdftotext, pdfwords, readable, textPattern } from './pdfTools'

let dir: string
let model: IssueModel
let result: RenderIssuePdfResult
let file: string
let text: string
let pages: string[]

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-pdf-'))
  model = await makeIssueModel(path.join(dir, 'images'))
  result = await renderIssuePdf(model, { cache: false })
  file = path.join(dir, 'issue.pdf')
  writeFileSync(file, result.pdf)
  text = pdftotext(file)
  pages = Array.from({ length: result.pageCount }, (_, i) => pdftotext(file, i + 1))
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('the fixture', () => {
  it('is a valid IssueModel', () => {
    expect(() => issueModelSchema.parse(model)).not.toThrow()
  })
})

describe('renderIssuePdf on the fixture issue', () => {
  it('is an A4 PDF with the pages it reports', async () => {
    const doc = await PDFDocument.load(result.pdf)
    expect(doc.getPageCount()).toBe(result.pageCount)
    for (const page of doc.getPages()) {
      const { width, height } = page.getSize()
      expect(width).toBeCloseTo(595.28, 1)
      expect(height).toBeCloseTo(841.89, 1)
    }
  })

  it('prints the masthead on page 1', () => {
    const first = readable(pages[0])
    for (const s of ['KOREA BULLETIN', 'Korea Centre', model.publisher.institute, 'Volume 6, Number 2', 'April–June 2024', 'SECOND QUARTER 2024']) {
      expect(first).toMatch(textPattern(s))
    }
  })

  it('prints every section title and essay title', () => {
    const firstPageLines = pages[0].split('\n').map((l) => l.trim())
    for (const section of model.sections) {
      // Each section heads its group in the contents box (the highlights, one line of their
      // own, are listed under the section's name)...
      if (section.kind === 'highlights') expect(firstPageLines.some((l) => l.endsWith(section.title))).toBe(true)
      else expect(firstPageLines).toContain(section.title.toUpperCase())
      if (section.kind === 'essays') {
        for (const essay of section.essays) expect(readable(text)).toMatch(textPattern(essay.title))
      } else {
        // ...and the one-off sections carry it as a heading too.
        const heading = text.split('\n').map((l) => l.trim())
        expect(heading).toContain(section.title)
      }
    }
  })

  it('prints Vietnamese diacritics and Hangul as text', () => {
    expect(text).toContain('Nguyễn Thu Hà')
    expect(text).toContain('Phạm Thị Hồng Vân')
    expect(text).toContain('박서연')
  })

  it('starts the lead essay on page 1, under the masthead, beside the contents box', () => {
    const first = readable(pages[0])
    expect(first).toMatch(textPattern('IN THIS ISSUE'))
    expect(first).toMatch(textPattern('Middle Powers at Sea'))
    expect(first).toMatch(textPattern('When the defence ministers of Korea and the Philippines met in Manila'))
  })

  it('lists contents in groups, essays first, with the page where each item starts', () => {
    const groups = [...new Set(result.toc.map((e) => e.group))]
    expect(groups).toEqual(['Essays', 'Highlights at the Korea Centre', 'Forthcoming Publication', 'Recent Publications', 'Primary Documents and Resources'])
    expect(result.toc.map((e) => e.id)).toEqual([
      'essay-maritime',
      'essay-cinema',
      // One line for the highlights section: its photo groups need no titles.
      'sec-highlights',
      'pub-great-powers',
      'pub-hallyu',
      'pub-mekong',
      'sec-chronology',
    ])
    // A title "starts" a page's line where the item begins (elsewhere it may be quoted inside
    // another line, e.g. a book title in a launch's headline).
    const opensLine = (pageText: string, title: string) => {
      const start = readable(title).slice(0, 24)
      return pageText.split('\n').some((line) => {
        const l = readable(line)
        // A wrapped title's first line is a prefix of it.
        return l.length >= Math.min(10, start.length) && (l.startsWith(start) || start.startsWith(l))
      })
    }
    for (const entry of result.toc) {
      // The item starts on its page: its title opens a line there, and (past the contents
      // box on page 1) on no earlier page.
      expect(opensLine(pages[entry.page - 1], entry.title), `${entry.title} on page ${entry.page}`).toBe(true)
      expect(readable(pages[entry.page - 1])).toMatch(textPattern(entry.title))
      for (let p = 2; p < entry.page; p++) {
        expect(opensLine(pages[p - 1], entry.title), `${entry.title} on page ${p}, before ${entry.page}`).toBe(false)
      }
    }
    // Items follow the issue's order, so their pages never go backwards.
    const numbers = result.toc.map((e) => e.page)
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers)
    expect(numbers.at(-1)).toBeGreaterThan(numbers[0])
  })

  it('prints those page numbers in the IN THIS ISSUE box', () => {
    const words = pdfwords(file, 1).filter((w) => w.xMax < 300)
    for (const entry of result.toc) {
      const firstWord = entry.title.split(' ')[0]
      const titleWord = words.find((w, i) => w.text === firstWord && words[i + 1]?.text === entry.title.split(' ')[1])
      expect(titleWord, entry.title).toBeDefined()
      if (!titleWord) continue
      const number = words.find(
        (w) => /^\d+$/.test(w.text) && w.xMax < titleWord.xMin && w.yMin < titleWord.yMax && w.yMax > titleWord.yMin,
      )
      expect(number?.text, entry.title).toBe(String(entry.page))
    }
  })

  it('reads column 1 before column 2: every essay paragraph comes out whole', () => {
    const footer = /^(Korea Bulletin · Vol\..*|\d+)$/
    const body = readable(
      text
        .split('\n')
        .filter((line) => !footer.test(line.trim()))
        .join('\n'),
    )
    let paragraphs = 0
    for (const section of model.sections) {
      if (section.kind !== 'essays') continue
      for (const essay of section.essays) {
        for (const block of essay.body) {
          if (block.type !== 'paragraph') continue
          paragraphs++
          const expected = block.runs.map((r) => r.text).join('')
          expect(body, expected.slice(0, 60)).toMatch(textPattern(expected))
        }
      }
    }
    expect(paragraphs).toBeGreaterThan(15)
  })

  it('sets the essays in two columns', () => {
    // Page 2 is all essay: body words start at both column edges.
    const lefts = new Set(pdfwords(file, 2).map((w) => Math.round(w.xMin)))
    expect(lefts.has(50)).toBe(true)
    expect(lefts.has(307)).toBe(true)
  })

  it('prints the pull quote in capitals, the editorial committee and the masthead text', () => {
    const first = readable(pages[0])
    // pdftotext reads the first letter apart ("I NFLUENCE"): the 44 pt opening quote mark
    // overlaps it. Every later word must read whole.
    expect(first).toMatch(textPattern(model.coverPullQuote?.text.toUpperCase().slice(1) ?? 'missing'))
    expect(first).toMatch(textPattern('EDITORIAL COMMITTEE'))
    for (const member of model.editorialCommittee) {
      expect(first).toMatch(textPattern(`${member.honorific} ${member.name}, ${member.role}`))
      expect(first).toContain(member.email)
    }
    expect(first).toMatch(textPattern('Please address all correspondence to Ms Tan Wei Ling'))
    expect(first).toMatch(textPattern(model.publisher.rightsText))
  })

  it('runs the second essay on from the first, without a page break', () => {
    const [first, second] = result.toc
    const essays = model.sections[0]
    if (essays.kind !== 'essays') throw new Error('fixture starts with essays')
    const lastParagraph = essays.essays[0].body.filter((b) => b.type === 'paragraph').at(-1)
    if (lastParagraph?.type !== 'paragraph') throw new Error('essay has no paragraph')
    const ending = textPattern(lastParagraph.runs.map((r) => r.text).join('').slice(-40))
    const endPage = pages.findIndex((p) => ending.test(readable(p))) + 1
    expect(endPage).toBeGreaterThan(first.page)
    expect(second.page).toBe(endPage)
  })

  it('prints the highlights, the forthcoming book with its contents, and the recent books', () => {
    const all = readable(text)
    for (const cue of ['(Top)', '(Below, from left)', '(Right)']) expect(all).toMatch(textPattern(cue))
    expect(all).toMatch(textPattern('Ambassadors of Indonesia, the Republic of Korea and Vietnam'))
    const forthcoming = model.sections.find((s) => s.kind === 'forthcoming')
    if (forthcoming?.kind !== 'forthcoming') throw new Error('fixture has no forthcoming book')
    const book = forthcoming.publications[0]
    expect(all).toMatch(textPattern('Meridian Academic Press, London and New York, 2025'))
    expect(all).toMatch(textPattern('Editors: Lim Jun-ho and Andrea Castellanos'))
    for (const part of book.contents) {
      expect(all).toMatch(textPattern(part.title.toUpperCase()))
      for (const chapter of part.chapters) expect(all).toMatch(textPattern(`${chapter.number} ${chapter.title}`))
    }
    expect(all).toMatch(textPattern('KANG Min-jae and Lim Jun-ho'))
    expect(all).toMatch(textPattern('For more details, visit https://press.example.org/books/rivers-of-capital'))
  })

  it('runs a footer with the page number on every page', () => {
    pages.forEach((pageText, i) => {
      const lines = pageText.split('\n').map((l) => l.trim())
      expect(lines, `page ${i + 1}`).toContain(String(i + 1))
      expect(readable(pageText)).toMatch(textPattern('Korea Bulletin · Vol. 6, No. 2 · April–June 2024'))
    })
  })

  it('prints the chronology with day cells and month headings, never a heading at a page foot', () => {
    const chronology = model.sections.find((s) => s.kind === 'chronology')
    if (chronology?.kind !== 'chronology') throw new Error('fixture has no chronology')
    for (const day of ['3rd–4th', '29th May – 2nd June', '29th June – 4th July', '30th June – 3rd July']) {
      expect(readable(text)).toMatch(textPattern(day))
    }
    const headings = [...new Set(chronology.chronology.entries.map((e) => formatMonthHeading(e.startDate).toUpperCase()))]
    expect(headings).toEqual(['APRIL 2024', 'MAY 2024', 'JUNE 2024'])
    for (const [i, pageText] of pages.entries()) {
      const lines = pageText.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^Korea Bulletin · Vol/.test(l) && l !== String(i + 1))
      expect(headings, `page ${i + 1} ends with a month heading`).not.toContain(lines.at(-1))
    }
    expect(readable(text)).toMatch(textPattern('This chronology of events is cross-referenced from the following ministries'))
  })

  it('never ends a page with a heading: section, essay, highlight, book or month titles', () => {
    const headings = headingsOf(model)
    for (let page = 1; page <= result.pageCount; page++) {
      const lines = pageLines(file, page)
      expect(headingOf(lines, headings), `page ${page} ends with "${lines.at(-1)}"`).toBeUndefined()
    }
  })

  it('embeds every font, Noto only, no Helvetica', () => {
    const fonts = pdffonts(file)
    expect(fonts.length).toBeGreaterThan(3)
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true)
      expect(font.name).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans|SansKR)-/)
    }
    const families = new Set(fonts.map((f) => f.name.slice(7).split('-')[0]))
    expect(families).toEqual(new Set(['NotoSerif', 'NotoSans', 'NotoSansKR']))
    // Each subset has its own name, so print drivers cannot mix them up.
    expect(new Set(fonts.map((f) => f.name)).size).toBe(fonts.length)
  })

  it('embeds each face once for the whole issue, not once per part of the layout', () => {
    const faces = pdffonts(file).map((f) => f.name.slice(7))
    expect(faces.length).toBeGreaterThan(3)
    expect(faces).toEqual([...new Set(faces)])
  })

  it('carries metadata with dates from the model', async () => {
    const doc = await PDFDocument.load(result.pdf, { updateMetadata: false })
    expect(doc.getTitle()).toBe('Korea Bulletin, Volume 6, Number 2, April–June 2024')
    expect(doc.getAuthor()).toBe('Korea Centre, Institute of Asian Affairs, Meridian University')
    expect(doc.getSubject()).toBe(model.title)
    expect(doc.getCreationDate()?.toISOString()).toBe('2024-07-15T00:00:00.000Z')
    expect(doc.getModificationDate()?.toISOString()).toBe('2024-07-15T00:00:00.000Z')
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en')
  })

  it('has a bookmark for every section and item', async () => {
    const doc = await PDFDocument.load(result.pdf)
    const titles: string[] = []
    const walk = (item: PDFDict | undefined, depth: number) => {
      for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
        const title = node.lookup(PDFName.of('Title'))
        if (title instanceof PDFString || title instanceof PDFHexString) titles.push(`${depth}:${title.decodeText()}`)
        walk(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1)
      }
    }
    walk(doc.catalog.lookup(PDFName.of('Outlines'), PDFDict).lookupMaybe(PDFName.of('First'), PDFDict), 0)
    expect(titles).toContain('0:In This Issue')
    for (const section of model.sections) expect(titles).toContain(`0:${section.title}`)
    for (const entry of result.toc) expect(titles).toContain(`1:${entry.title}`)
  })

  it('keeps links clickable: web links, mail links and contents lines that jump to their item', async () => {
    const doc = await PDFDocument.load(result.pdf)
    const uris: string[] = []
    const gotos: string[] = []
    for (const page of doc.getPages()) {
      const annots = page.node.Annots()
      for (let i = 0; annots && i < annots.size(); i++) {
        const annot = annots.lookup(i, PDFDict)
        const action = annot.lookupMaybe(PDFName.of('A'), PDFDict)
        const uri = action?.lookup(PDFName.of('URI'))
        const dest = action?.lookup(PDFName.of('D'))
        if (uri instanceof PDFString || uri instanceof PDFHexString) uris.push(uri.decodeText())
        if (dest instanceof PDFString || dest instanceof PDFHexString) gotos.push(dest.decodeText())
      }
    }
    expect(uris).toContain('https://asean.example.org/statements')
    expect(uris).toContain('https://press.example.org/books/hallyu-in-southeast-asia')
    expect(uris).toContain('https://press.example.org/books/rivers-of-capital')
    expect(uris).toContain('mailto:koreacentre@iaa.example.edu')
    expect(gotos.length).toBe(result.toc.length)
    // Every internal link names a destination that exists in the file.
    const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('Dests'), PDFDict)
    const known = new Set<string>()
    const list = names.lookup(PDFName.of('Names'), PDFArray)
    for (let i = 0; i < list.size(); i += 2) {
      const key = list.lookup(i)
      if (key instanceof PDFString || key instanceof PDFHexString) known.add(key.decodeText())
    }
    for (const name of gotos) expect(known.has(name), name).toBe(true)
  })

  it('reports no uncovered characters for the fixture', () => {
    expect(result.uncoveredCharacters).toEqual([])
  })

  it('settles the contents numbers within the allowed passes', () => {
    expect(result.passes).toBeGreaterThanOrEqual(1)
    expect(result.passes).toBeLessThanOrEqual(3)
  })
})

describe('determinism', () => {
  it('renders the same model to the same bytes, with or without the part cache', async () => {
    const again = await renderIssuePdf(model, { cache: false })
    expect(Buffer.from(again.pdf).equals(Buffer.from(result.pdf))).toBe(true)
    const cachedFirst = await renderIssuePdf(model)
    const cachedSecond = await renderIssuePdf(model)
    expect(Buffer.from(cachedFirst.pdf).equals(Buffer.from(result.pdf))).toBe(true)
    expect(Buffer.from(cachedSecond.pdf).equals(Buffer.from(result.pdf))).toBe(true)
  })

  it('prints the issue’s masthead override instead of the publisher’s about text', async () => {
    const override = 'This special issue is published with the support of the Korea Foundation.'
    const other = await renderIssuePdf({ ...model, mastheadOverride: override })
    const firstPage = readable(pdftextOf(other.pdf).split('\f')[0])
    expect(firstPage).toMatch(textPattern(override))
    expect(firstPage).not.toMatch(textPattern(model.publisher.aboutText))
    expect(readable(pages[0])).toMatch(textPattern(model.publisher.aboutText))
  })

  it('changes the output when the model changes', async () => {
    const edited = structuredClone(model)
    const first = edited.sections[0]
    if (first.kind !== 'essays') throw new Error('fixture starts with essays')
    first.essays[0].title = 'A Different Title for the Lead Essay'
    const other = await renderIssuePdf(edited)
    expect(Buffer.from(other.pdf).equals(Buffer.from(result.pdf))).toBe(false)
    expect(readable(pdftextOf(other.pdf))).toMatch(textPattern('A Different Title for the Lead Essay'))
  })
})

function pdftextOf(bytes: Uint8Array): string {
  const f = path.join(dir, `probe-${bytes.length}.pdf`)
  writeFileSync(f, bytes)
  return pdftotext(f)
}
