/**
 * Typst, for comparison only (issue 14): the same IssueModel set with the same Noto fonts by
 * typst-ts (`@myriaddreamin/typst-ts-node-compiler`), which is NOT a project dependency. Install
 * it outside the project and point TYPST_TS_DIR at that folder:
 *   mkdir /tmp/typst && cd /tmp/typst && npm i @myriaddreamin/typst-ts-node-compiler
 *   TYPST_TS_DIR=/tmp/typst npm run bench:pdf
 * The template is a close model of ours (A4, masthead and contents, essays in two justified
 * hyphenated columns, highlights with photos, publications, the chronology as dated rows,
 * running footer), not a copy: it is there to give the order of magnitude a typesetter needs.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { formatDayCell, formatMonthHeading } from '../src/chronology/dayCell'
import type { Block, IssueModel, Run } from '../src/issue/model'
import { FONT_FILES } from '../src/render/pdf/fonts'

interface TypstCompiler {
  mapShadow(path: string, content: Buffer): void
  pdf(args: { mainFileContent: string }): Buffer
  evictCache(maxAge: number): void
}
interface TypstModule {
  NodeCompiler: { create(args?: { workspace?: string; fontArgs?: Array<{ fontBlobs: Buffer[] }> }): TypstCompiler }
}

export function fontBlobs(): Buffer[] {
  const files = [...Object.values(FONT_FILES.serif), ...Object.values(FONT_FILES.sans), ...Object.values(FONT_FILES.hangul)]
  return files.map((file) => fs.readFileSync(file))
}

export function loadTypst(dir: string): TypstModule {
  const require = createRequire(path.join(dir, 'package.json'))
  return require('@myriaddreamin/typst-ts-node-compiler') as TypstModule
}

const runs = (list: readonly Run[]) => list.map((r) => ({ t: r.text, b: Boolean(r.bold), i: Boolean(r.italic) }))

/** The model as plain JSON the template reads: dates formatted, images by shadow path. */
export function typstData(model: IssueModel): { json: string; images: Map<string, string> } {
  const images = new Map<string, string>()
  const image = (p: string) => {
    const name = `/img/${images.size}${path.extname(p)}`
    images.set(name, p)
    return name
  }
  const block = (b: Block) => {
    switch (b.type) {
      case 'paragraph':
      case 'quote':
        return { k: b.type, runs: runs(b.runs) }
      case 'heading':
        return { k: 'heading', runs: runs(b.runs) }
      case 'list':
        return { k: 'list', items: b.items.map(runs) }
      case 'pullQuote':
        return { k: 'pull', text: b.text }
      case 'figure':
        return { k: 'figure', src: image(b.image.printPath), caption: b.caption }
    }
  }
  const sections = model.sections.map((s) => {
    switch (s.kind) {
      case 'essays':
        return {
          kind: s.kind,
          title: s.title,
          essays: s.essays.map((e) => ({ title: e.title, authors: e.authors.map((a) => a.name), standfirst: e.standfirst ?? '', body: e.body.map(block) })),
        }
      case 'highlights':
        return {
          kind: s.kind,
          title: s.title,
          items: s.highlights.map((h) => ({ title: h.title, caption: h.caption ?? '', photos: h.photos.map((p) => ({ src: image(p.image.printPath), caption: p.caption })) })),
        }
      case 'forthcoming':
      case 'recent':
        return { kind: 'publications', title: s.title, items: s.publications.map((p) => ({ title: p.title, cover: p.cover ? image(p.cover.printPath) : '' })) }
      case 'chronology': {
        const c = s.chronology
        let month = ''
        return {
          kind: s.kind,
          title: s.title,
          heading: c.title,
          compiler: c.compiler,
          intro: c.intro,
          entries: c.entries.map((e) => {
            const m = formatMonthHeading(e.startDate)
            const head = m !== month ? m.toUpperCase() : ''
            month = m
            return { month: head, day: formatDayCell(e.startDate, e.endDate), text: e.paragraphs }
          }),
        }
      }
    }
  })
  const data = {
    title: model.publisher.bulletinName,
    period: model.periodLabel,
    committee: model.editorialCommittee.map((m) => `${m.name}, ${m.role}`),
    cover: model.coverPullQuote?.text ?? '',
    sections,
  }
  return { json: JSON.stringify(data), images }
}

export const TEMPLATE = String.raw`
#let d = json("/model.json")
#set document(title: d.title)
#set page(paper: "a4", margin: (top: 50pt, bottom: 66pt, left: 50pt, right: 50pt),
  footer: context [#line(length: 100%, stroke: 0.5pt) #set text(font: "Noto Sans", size: 7pt); #d.title #h(1fr) #counter(page).display()])
#set text(font: ("Noto Serif", "Noto Sans KR"), size: 9.2pt, lang: "en", hyphenate: true)
#set par(justify: true, leading: 0.55em, spacing: 0.6em)
#let runs(rs) = for r in rs {
  let t = r.t
  if r.b and r.i { strong(emph(t)) } else if r.b { strong(t) } else if r.i { emph(t) } else { t }
}
#let sans(body, ..args) = text(font: ("Noto Sans", "Noto Sans KR"), ..args, body)
#block(fill: rgb("#1f3a5f"), inset: 10pt, width: 100%)[#sans(fill: white, size: 20pt, weight: "bold")[#d.title] #h(1fr) #sans(fill: white)[#d.period]]
#grid(columns: (1fr, 1fr), gutter: 19.28pt,
  [#sans(weight: "bold")[IN THIS ISSUE]
   #for s in d.sections [#sans(size: 8pt)[#s.title] \ ]
   #emph(d.cover)
   #for m in d.committee [#text(size: 7.8pt, m) \ ]],
  [])
#for s in d.sections {
  if s.kind == "essays" {
    columns(2, gutter: 19.28pt)[
      #for e in s.essays {
        sans(size: 15.5pt, weight: "bold", e.title); linebreak()
        for a in e.authors { sans(size: 9pt, weight: "bold", a); linebreak() }
        if e.standfirst != "" { emph(e.standfirst) }
        for b in e.body {
          if b.k == "paragraph" { par(runs(b.runs)) }
          else if b.k == "quote" { pad(left: 10pt, text(size: 8.6pt, runs(b.runs))) }
          else if b.k == "heading" { sans(weight: "bold", size: 10pt, runs(b.runs)) }
          else if b.k == "list" { list(..b.items.map(i => runs(i))) }
          else if b.k == "pull" { block(stroke: (y: 1pt), inset: 6pt, text(size: 13pt, style: "italic", b.text)) }
          else if b.k == "figure" { figure(image(b.src, width: 100%), caption: b.caption) }
        }
      }
    ]
  } else if s.kind == "highlights" {
    pagebreak(weak: true)
    sans(size: 14pt, weight: "bold", s.title)
    for h in s.items {
      block(breakable: false)[
        #sans(weight: "bold", h.title)
        #grid(columns: (1fr,) * calc.max(1, calc.min(3, h.photos.len())), gutter: 8pt, ..h.photos.map(p => [#image(p.src, width: 100%) #text(size: 7.5pt, p.caption)]))
        #text(size: 7.8pt, h.caption)
      ]
    }
  } else if s.kind == "publications" {
    sans(size: 14pt, weight: "bold", s.title)
    for p in s.items {
      block(breakable: false, grid(columns: (90pt, 1fr), gutter: 10pt, if p.cover != "" { image(p.cover, width: 90pt) }, sans(weight: "bold", p.title)))
    }
  } else if s.kind == "chronology" {
    pagebreak(weak: true)
    sans(size: 14pt, weight: "bold", s.title); linebreak()
    text(size: 12pt, weight: "bold", s.heading); linebreak()
    emph("Compiled by " + s.compiler)
    for p in s.intro { par(p) }
    for e in s.entries {
      if e.month != "" { block(fill: rgb("#1f3a5f"), width: 100%, inset: 3pt, sticky: true, sans(fill: white, weight: "bold", size: 9.5pt, e.month)) }
      block(breakable: e.text.len() > 1, stroke: (bottom: 0.4pt + gray), inset: (top: 4pt, bottom: 3pt), width: 100%,
        grid(columns: (84pt, 1fr), gutter: 6pt, sans(size: 8pt, weight: "bold", e.day), text(size: 8.8pt, for t in e.text { par(t) })))
    }
  }
}
`

/** One compiler kept across renders (warm), with the fonts and the images given once. */
export function typstRenderer(dir: string) {
  const { NodeCompiler } = loadTypst(dir)
  const compiler = NodeCompiler.create({ workspace: '/', fontArgs: [{ fontBlobs: fontBlobs() }] })
  const mapped = new Set<string>()
  /** `cache: false` drops Typst's memoized layout first, like our renders with the part cache off. */
  return (model: IssueModel, options: { cache: boolean }): number => {
    if (!options.cache) compiler.evictCache(0)
    const { json, images } = typstData(model)
    for (const [name, file] of images) {
      const key = `${name}:${file}`
      if (mapped.has(key)) continue
      compiler.mapShadow(name, fs.readFileSync(file))
      mapped.add(key)
    }
    compiler.mapShadow('/model.json', Buffer.from(json))
    const pdf = compiler.pdf({ mainFileContent: TEMPLATE })
    return pdf.length
  }
}

/**
 * A cold Typst process for the demo, as a plain JavaScript file (no tsx): the model and the
 * template are written beside it, so the child only loads typst-ts, the fonts and the data.
 */
export function writeColdScript(dir: string, model: IssueModel, into: string): string {
  const { json, images } = typstData(model)
  fs.writeFileSync(path.join(into, 'model.json'), json)
  fs.writeFileSync(path.join(into, 'main.typ'), TEMPLATE)
  const fonts = [...Object.values(FONT_FILES.serif), ...Object.values(FONT_FILES.sans), ...Object.values(FONT_FILES.hangul)]
  const script = `
const fs = require('node:fs')
const { NodeCompiler } = require(${JSON.stringify(path.join(dir, 'node_modules/@myriaddreamin/typst-ts-node-compiler'))})
const c = NodeCompiler.create({ workspace: '/', fontArgs: [{ fontBlobs: ${JSON.stringify(fonts)}.map((f) => fs.readFileSync(f)) }] })
for (const [name, file] of ${JSON.stringify([...images])}) c.mapShadow(name, fs.readFileSync(file))
c.mapShadow('/model.json', fs.readFileSync(${JSON.stringify(path.join(into, 'model.json'))}))
const pdf = c.pdf({ mainFileContent: fs.readFileSync(${JSON.stringify(path.join(into, 'main.typ'))}, 'utf8') })
fs.writeFileSync(${JSON.stringify(path.join(into, 'typst.pdf'))}, pdf)
`
  const file = path.join(into, 'typst-cold.cjs')
  fs.writeFileSync(file, script)
  return file
}
