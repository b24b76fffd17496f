/**
 * The real issue (the Korea Bulletin of April–June 2024), entered as the committee would.
 *
 * Its text lives outside the project (`../shared/fixtures/korea-bulletin-2024-q2.txt`, beside
 * the clone in CI) and is read at run time; nothing of it is copied here. `readRealIssue`
 * reads the text's layout (the order of the printed issue: essays around the front matter,
 * highlights captions, the books, the chronology) into plain data, and `enterRealIssue`
 * enters that through the Local API with real users and their rights: the editorial
 * assistant writes the items and imports the chronology, the editor makes the issue,
 * approves and publishes. The fixture has no images: photos, figures and covers are drawn
 * placeholders (sharp), large enough for print.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'

import { importChronology, type ChronologyImportReport } from '@/chronology/import'
import { toStoredDate } from '@/fields/dayDate'
import { quarterLabel } from '@/issue/assemble'
import type { Essay, User } from '@/payload-types'
import { block, richText, paragraph, type LexicalDocument, type LexicalNode, type TextRun } from '@/seed/lexical'

export const REAL_ISSUE_FILE = 'korea-bulletin-2024-q2.txt'

/**
 * Where the fixture is: REAL_ISSUE_FIXTURE when set, else `shared/fixtures/` beside the
 * clone (`../shared`) or beside a folder of worktrees (`../../shared`).
 */
export function realIssuePath(): string | undefined {
  const given = process.env.REAL_ISSUE_FIXTURE
  if (given) return fs.existsSync(given) ? path.resolve(given) : undefined
  for (const up of ['..', '../..']) {
    const candidate = path.resolve(process.cwd(), up, 'shared', 'fixtures', REAL_ISSUE_FILE)
    if (fs.existsSync(candidate)) return candidate
  }
  return undefined
}

export const REAL_ISSUE_MISSING =
  `The real issue's text (../shared/fixtures/${REAL_ISSUE_FILE}) is not beside this clone: ` +
  'these tests are skipped. Put the shared folder beside the repository, or set REAL_ISSUE_FIXTURE to the file.'

// ----- reading the text ------------------------------------------------------------------

export interface RealEssay {
  title: string
  /** The title in "In this issue", when it differs from the heading. */
  contentsTitle?: string
  author: string
  affiliation: string
  /** Paragraphs, with *italic* marks kept. */
  paragraphs: string[]
  pullQuote?: string
  figures: string[]
}

export interface RealChapter {
  number?: number
  title: string
  authors: string[]
}

export interface RealBook {
  title: string
  editors: string[]
  publisher: string
  place?: string
  year: number
  description: string[]
  url?: string
  contents: Array<{ title: string; chapters: RealChapter[] }>
}

export interface RealContentsLine {
  group: string
  title: string
  authors: string[]
}

export interface RealIssue {
  bulletinName: string
  centre: string
  institute: string
  about: string
  /** The about text's words that carry the link ("Korea Bulletin"). */
  aboutLinkText?: string
  rights: string
  correspondence: { name: string; email: string }
  committee: Array<{ honorific?: string; name: string; role: string; email: string }>
  coverQuote: string
  essays: RealEssay[]
  contents: RealContentsLine[]
  /** Section titles as "In this issue" gives them. */
  sectionTitles: { essays: string; highlights: string; forthcoming: string; recent: string; chronology: string }
  highlights: Array<{ caption: string; photos: number }>
  forthcoming: RealBook
  recent: RealBook[]
  chronology: {
    title: string
    contentsTitle: string
    period: { start: string; end: string }
    compiler: string
    compilerAffiliation: string
    intro: string[]
    sourcesNote: string
    /** The April part as it arrived: month heading, then one entry a line (day, tab, text). */
    text: string
  }
}

interface Para {
  text: string
  lines: string[]
  /** Blank lines before it: three or more mark a picture's place (its caption follows). */
  blanksBefore: number
}

function paragraphsOf(text: string): Para[] {
  const out: Para[] = []
  let blanks = 0
  let lines: string[] = []
  const flush = () => {
    if (lines.length > 0) out.push({ text: lines.join('\n'), lines, blanksBefore: blanks })
    lines = []
  }
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') {
      if (lines.length > 0) {
        flush()
        blanks = 0
      }
      blanks++
      continue
    }
    lines.push(raw.trim())
  }
  flush()
  return out
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

function monthStart(words: string): string {
  const [month, year] = words.trim().split(/\s+/)
  return `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-01`
}

function monthEnd(words: string): string {
  const start = monthStart(words)
  const [y, m] = start.split('-').map(Number)
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${start.slice(0, 8)}${String(last).padStart(2, '0')}`
}

const endsSentence = (text: string) => /[.!?:]["”’')]?$/.test(text.trim())
const unstar = (text: string) => text.replace(/\*/g, '').trim()

/** "Title by *A and B*" -> title and authors. */
function byLine(text: string): { title: string; authors: string[] } {
  const m = /^(.*?)\s*\bby\s+\*([^*]+)\*\s*$/s.exec(text)
  if (!m) return { title: unstar(text), authors: [] }
  return { title: m[1].replace(/\s+/g, ' ').trim(), authors: [m[2].trim()] }
}

function indexOfText(paras: Para[], text: string, from = 0): number {
  const i = paras.findIndex((p, k) => k >= from && p.text === text)
  if (i < 0) throw new Error(`The real issue's text has no paragraph "${text}" (after paragraph ${from}).`)
  return i
}

/** Body paragraphs: one split by a page or a picture (it does not end a sentence) is joined with what follows. */
function joinBody(paras: Para[]): string[] {
  const out: string[] = []
  for (const p of paras) {
    const text = p.lines.join(' ')
    if (out.length > 0 && !endsSentence(out[out.length - 1])) out[out.length - 1] = `${out[out.length - 1]} ${text}`
    else out.push(text)
  }
  return out
}

/** Photos a caption covers: one, or one per position cue ("(Top)", "(Below, from left)", "and (right)"). */
function photosOf(caption: string): number {
  const cues = caption.match(/(?:^|\n|[.;]\s+|\band\s+)\((?:Top|Below[^)]*|From left|Right|right|Left|left)\)/g) ?? []
  return Math.max(1, cues.length)
}

function bookFields(paras: Para[], from: number, to: number): Omit<RealBook, 'description' | 'contents' | 'url'> & { next: number } {
  const title = paras[from].text
  let editors: string[] = []
  let publisher = ''
  let place: string | undefined
  let year = 0
  let k = from + 1
  for (; k < to; k++) {
    const text = unstar(paras[k].text)
    const field = /^(Editor|Publisher|Year of Publication):\s*(.+)$/.exec(text)
    if (!field) break
    if (field[1] === 'Editor') editors = field[2].split(/\s+and\s+/)
    if (field[1] === 'Publisher') {
      const of = /^(.+?) of (.+)$/.exec(field[2])
      publisher = of ? of[1] : field[2]
      place = of ? of[2] : undefined
    }
    if (field[1] === 'Year of Publication') year = Number(field[2])
  }
  return { title, editors, publisher, place, year, next: k }
}

export function readRealIssue(text: string): RealIssue {
  const paras = paragraphsOf(text)
  const inThisIssue = indexOfText(paras, 'IN THIS ISSUE')
  const quoteOpen = indexOfText(paras, '“', inThisIssue)
  const committeeAt = indexOfText(paras, 'EDITORIAL COMMITTEE', quoteOpen)
  const correspondenceAt = indexOfText(paras, 'Please address all correspondence to', committeeAt)
  const highlightsAt = paras.findIndex((p, k) => k > correspondenceAt && p.text === 'Highlights at the Korea Centre')
  const forthcomingAt = indexOfText(paras, 'Forthcoming Publication', highlightsAt)
  const recentAt = indexOfText(paras, 'Recent Publications', forthcomingAt)
  const chronologyAt = indexOfText(paras, 'CHRONOLOGY', recentAt)

  // "In this issue": groups and their lines.
  const contents: RealContentsLine[] = []
  const sectionTitles = { essays: '', highlights: '', forthcoming: '', recent: '', chronology: '' }
  let group = ''
  for (const line of paras.slice(inThisIssue + 1, quoteOpen).flatMap((p) => p.lines)) {
    const numbered = /^(?:-\s*)?(\d+)\s+(.+)$/.exec(line)
    if (line === line.toUpperCase() && /[A-Z]/.test(line)) {
      group = line.charAt(0) + line.slice(1).toLowerCase()
      sectionTitles.essays = group
      continue
    }
    if (numbered && group === sectionTitles.essays && /\bby\s+\*/.test(numbered[2])) {
      const { title, authors } = byLine(numbered[2])
      contents.push({ group, title, authors })
      continue
    }
    if (numbered) {
      group = numbered[2].trim()
      if (/^Highlights/.test(group)) {
        sectionTitles.highlights = group
        contents.push({ group, title: group, authors: [] })
      } else if (/^Forthcoming/.test(group)) sectionTitles.forthcoming = group
      else if (/^Recent/.test(group)) sectionTitles.recent = group
      else sectionTitles.chronology = group
      continue
    }
    const { title, authors } = byLine(line)
    contents.push({ group, title, authors })
  }

  // The essays: the lead essay starts the text and continues after the front matter.
  const essayTitles = contents.filter((c) => c.group === sectionTitles.essays)
  const secondTitleAt = paras.findIndex((p, k) => k > correspondenceAt && p.text.split(':')[0] === essayTitles[1].title.split(':')[0])
  const essayOf = (titleAt: number, bodyParas: Para[], contentsTitle: string): RealEssay => {
    const title = paras[titleAt].text
    const all = bodyParas.filter((p) => p.text !== '')
    const figures = all.filter((p) => p.blanksBefore >= 3).map((p) => p.text)
    const bodyOnly = all.filter((p) => p.blanksBefore < 3)
    // A pull quote repeats a sentence of the essay (set apart before paragraphs are joined).
    const pullQuote = bodyOnly.find((p) => bodyOnly.some((other) => other !== p && other.text.includes(p.text)))
    const joined = joinBody(bodyOnly.filter((p) => p !== pullQuote))
    return {
      title,
      contentsTitle: contentsTitle !== title ? contentsTitle : undefined,
      author: paras[titleAt + 1].text,
      affiliation: paras[titleAt + 2].text,
      paragraphs: joined,
      pullQuote: pullQuote?.text,
      figures,
    }
  }
  const essays = [
    essayOf(0, [...paras.slice(3, inThisIssue), ...paras.slice(correspondenceAt + 3, secondTitleAt)], essayTitles[0].title),
    essayOf(secondTitleAt, paras.slice(secondTitleAt + 3, highlightsAt), essayTitles[1].title),
  ]

  // The front matter.
  const committee = []
  for (let k = committeeAt + 1; k < correspondenceAt - 2; k++) {
    const [who, role, email] = paras[k].lines
    const m = /^(Dr|Ms|Mr|Mrs|Prof)\s+(.+)$/.exec(who)
    committee.push({ honorific: m?.[1], name: m ? m[2] : who, role, email })
  }
  const aboutRaw = paras[correspondenceAt - 2].text
  const linkMatch = /\[([^\]]+)\]\([^)]*\)/.exec(aboutRaw)
  const about = aboutRaw.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
  const publisherMatch = /of the (.+?) of the (.+?) \(/.exec(about)
  const [correspondenceName, correspondenceEmail] = paras[correspondenceAt + 1].lines

  // Highlights: one caption per group of photos.
  const highlights = paras
    .slice(highlightsAt + 1, forthcomingAt)
    .map((p) => p.lines.join('\n'))
    .map((caption) => ({ caption, photos: photosOf(caption) }))

  // The forthcoming book and its contents.
  const contentsAt = indexOfText(paras, 'Contents', forthcomingAt)
  const forthcomingFields = bookFields(paras, forthcomingAt + 1, contentsAt)
  const contentLines = paras.slice(contentsAt + 1, recentAt).flatMap((p) => p.lines)
  const parts: RealBook['contents'] = [{ title: '', chapters: [] }]
  const isChapter = (line: string | undefined) => line !== undefined && /^\d+\.\s/.test(line)
  for (const [k, line] of contentLines.entries()) {
    const chapter = /^(\d+)\.\s+(.+)$/.exec(line)
    const current = parts[parts.length - 1]
    if (chapter) {
      const { title, authors } = byLine(chapter[2])
      current.chapters.push({ number: Number(chapter[1]), title, authors })
    } else if (/^by\s+\*/.test(line)) {
      current.chapters[current.chapters.length - 1].authors = [byLine(`x ${line}`).authors[0]]
    } else if (isChapter(contentLines[k + 1])) {
      parts.push({ title: line, chapters: [] })
    } else {
      // Front or back matter: unnumbered, in the part it stands in.
      current.chapters.push({ title: line, authors: [] })
    }
  }
  for (const chapter of parts.flatMap((p) => p.chapters)) {
    chapter.authors = chapter.authors.flatMap((a) => a.split(/\s+and\s+/))
  }

  // The recent books.
  const recent: RealBook[] = []
  for (let k = recentAt + 1; k < chronologyAt; ) {
    const fields = bookFields(paras, k, chronologyAt)
    let j = fields.next
    if (paras[j]?.text === 'Description:') j++
    const description: string[] = []
    while (j < chronologyAt && paras[j].text !== 'For more details, visit:') description.push(paras[j++].lines.join(' '))
    const url = paras[j + 1]?.text.replace(/^<|>$/g, '')
    const { next: _next, ...book } = fields
    recent.push({ ...book, description, url, contents: [] })
    k = j + 2
  }

  // The chronology: its head, the April part as it arrived, the sources note.
  const head = paras.slice(chronologyAt + 1, chronologyAt + 7).map((p) => p.text)
  const [range] = head.filter((t) => / to /.test(t) && MONTHS.some((m) => t.startsWith(m)))
  const [from, to] = range.split(/\s+to\s+/)
  const rangeAt = head.indexOf(range)
  const lines = text.split(/\r?\n/)
  const firstMonthLine = lines.findIndex((l, k) => k > 0 && l.trim() === from && /\t/.test(lines[k + 2] ?? ''))
  const endLine = lines.findIndex((l, k) => k > firstMonthLine && /^\[.*left out.*\]$/.test(l.trim()))
  const sourcesLine = lines.slice(endLine + 1).find((l) => l.trim() !== '') ?? ''
  const introStart = chronologyAt + 1 + rangeAt + 3
  const introParas = paras.slice(introStart).filter((p) => p.lines.join('\n') !== '')
  const intro = introParas.slice(0, introParas.findIndex((p) => p.text === from)).map((p) => p.lines.join(' '))
  const contentsChronology = contents.find((c) => c.group === sectionTitles.chronology)?.title ?? ''

  const bookOf = (f: ReturnType<typeof bookFields>, description: string[], contents: RealBook['contents']): RealBook => {
    const { next: _next, ...book } = f
    return { ...book, description, contents }
  }
  const descriptionEnd = paras.findIndex((p, k) => k > forthcomingFields.next && p.text === 'Contents')

  return {
    bulletinName: linkMatch?.[1] ?? 'Korea Bulletin',
    centre: publisherMatch?.[1] ?? '',
    institute: publisherMatch?.[2] ?? '',
    about,
    aboutLinkText: linkMatch?.[1],
    rights: paras[correspondenceAt - 1].text,
    correspondence: { name: correspondenceName, email: correspondenceEmail },
    committee,
    coverQuote: paras[quoteOpen + 1].text,
    essays,
    contents,
    sectionTitles,
    highlights,
    forthcoming: bookOf(
      forthcomingFields,
      paras.slice(forthcomingFields.next, descriptionEnd).map((p) => p.lines.join(' ')),
      parts.filter((p) => p.title !== '' || p.chapters.length > 0),
    ),
    recent,
    chronology: {
      title: `${head[0]}: ${head[1].replace(/:$/, '')}`,
      contentsTitle: contentsChronology.replace(new RegExp(`,\\s*${range}$`), ''),
      period: { start: monthStart(from), end: monthEnd(to) },
      compiler: head[rangeAt + 1],
      compilerAffiliation: head[rangeAt + 2],
      intro,
      sourcesNote: sourcesLine.trim(),
      text: lines.slice(firstMonthLine, endLine).join('\n').trim(),
    },
  }
}

// ----- entering it -----------------------------------------------------------------------

export interface RealIssueUsers {
  editor: User
  assistant: User
  production: User
}

export interface EnteredRealIssue {
  slug: string
  issue: RealIssue
  users: RealIssueUsers
  chronologyImport: ChronologyImportReport
}

/** The seed's Lexical JSON as the generated type of a rich-text field. */
const lexical = (doc: LexicalDocument): Essay['body'] => doc as unknown as Essay['body']

/** *Italic* marks as runs. */
function runsOf(text: string): Array<string | TextRun> {
  return text
    .split(/(\*[^*]+\*)/)
    .filter((part) => part !== '')
    .map((part) => (/^\*[^*]+\*$/.test(part) ? { text: part.slice(1, -1), italic: true } : part))
}

let hue = 0
/** A drawn placeholder photo, print-worthy (300 ppi across a column and more). */
async function placeholder(width: number, height: number, label: string): Promise<Buffer> {
  hue = (hue + 47) % 360
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="hsl(${hue},40%,55%)"/>` +
    `<circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 4}" fill="hsl(${(hue + 60) % 360},50%,35%)"/>` +
    `<text x="50%" y="92%" font-family="DejaVu Sans" font-size="${Math.round(height / 14)}" fill="#fff" text-anchor="middle">${label}</text></svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer()
}

async function userWith(payload: Payload, role: User['role'], name: string): Promise<User> {
  const email = `${role.toLowerCase()}@real-issue.test`
  return (await payload.create({
    collection: 'users',
    data: { email, password: `real-issue-${role}-2024`, name, role },
    overrideAccess: true,
  })) as User
}

/**
 * Enters the real issue as the committee would (Local API, each user with their own rights)
 * and publishes it. Returns the issue's slug and what was read.
 */
export async function enterRealIssue(payload: Payload, text: string): Promise<EnteredRealIssue> {
  const issue = readRealIssue(text)
  const users: RealIssueUsers = {
    editor: await userWith(payload, 'editor', 'Editor of the real issue'),
    assistant: await userWith(payload, 'editorialAssistant', 'Assistant of the real issue'),
    production: await userWith(payload, 'productionEditor', 'Production editor of the real issue'),
  }
  const asAssistant = { user: users.assistant, overrideAccess: false, depth: 0 } as const
  const asEditor = { user: users.editor, overrideAccess: false, depth: 0 } as const
  // SQLite ids; the generated types know only numbers.
  type Id = number

  // Settings: the masthead text as printed; the correspondence has no postal address.
  await payload.updateGlobal({
    slug: 'publication-settings',
    data: {
      bulletinName: issue.bulletinName,
      institute: issue.institute,
      centre: issue.centre,
      aboutText: issue.about,
      aboutUrl: 'https://example.org/korea-bulletin',
      aboutLinkText: issue.aboutLinkText,
      rightsText: issue.rights,
      correspondence: issue.correspondence,
    },
    ...asEditor,
  })

  const upload = async (label: string, width: number, height: number): Promise<Id> => {
    const data = await placeholder(width, height, `placeholder ${label.length}`)
    const doc = await payload.create({
      collection: 'media',
      data: { alt: label, credit: 'Placeholder image (the fixture has none)' },
      file: { data, mimetype: 'image/jpeg', name: `real-${label.length}-${hue}.jpg`, size: data.byteLength },
      ...asAssistant,
    })
    return doc.id
  }

  // Essays, each author with the affiliation line as printed.
  const essayIds: Id[] = []
  for (const [n, essay] of issue.essays.entries()) {
    const author = await payload.create({
      collection: 'authors',
      data: { name: essay.author, affiliations: [{ line: essay.affiliation }] },
      ...asAssistant,
    })
    const body: LexicalNode[] = essay.paragraphs.map((p) => paragraph(...runsOf(p)))
    if (essay.pullQuote) body.splice(Math.min(3, body.length), 0, block(`pq-${n}`, { blockType: 'pullQuote', text: essay.pullQuote }))
    for (const [f, caption] of essay.figures.entries()) {
      const portrait = /poster/i.test(caption)
      const image = await upload(caption, portrait ? 1400 : 2400, portrait ? 2000 : 1600)
      body.splice(Math.min(2 + f * 5, body.length), 0, block(`fig-${n}-${f}`, { blockType: 'figure', image, caption, placement: 'column' }))
    }
    const doc = await payload.create({
      collection: 'essays',
      data: {
        title: essay.title,
        contentsTitle: essay.contentsTitle,
        slug: `real-essay-${n + 1}`,
        authors: [author.id],
        order: n + 1,
        body: lexical(richText(...body)),
      },
      draft: true,
      ...asAssistant,
    })
    essayIds.push(doc.id)
  }

  // Highlights: captioned photo groups, no titles.
  const highlightIds: Id[] = []
  for (const [n, group] of issue.highlights.entries()) {
    const photos = []
    for (let p = 0; p < group.photos; p++) photos.push({ image: await upload(`Highlights photo ${n + 1}.${p + 1}`, 2400, 1600) })
    const doc = await payload.create({ collection: 'highlights', data: { caption: group.caption, photos }, draft: true, ...asAssistant })
    highlightIds.push(doc.id)
  }

  // The books.
  const book = async (b: RealBook, kind: 'forthcoming' | 'recent'): Promise<Id> => {
    const cover = await upload(`Cover of ${b.title}`, 1200, 1800)
    const doc = await payload.create({
      collection: 'publications',
      data: {
        kind,
        title: b.title,
        editors: b.editors.map((name) => ({ name })),
        publisher: b.publisher,
        place: b.place,
        year: b.year,
        cover,
        description: lexical(richText(...b.description.map((p) => paragraph(...runsOf(p))))),
        url: b.url,
        contents: b.contents.map((part) => ({
          title: part.title,
          chapters: part.chapters.map((c) => ({ number: c.number, title: c.title, authors: c.authors.map((name) => ({ name })) })),
        })),
      },
      draft: true,
      ...asAssistant,
    })
    return doc.id
  }
  const forthcomingId = await book(issue.forthcoming, 'forthcoming')
  const recentIds = [await book(issue.recent[0], 'recent'), await book(issue.recent[1], 'recent')]

  // The issue, made by the editor; volume and number are left out, as in print.
  const [quarterFrom] = issue.chronology.period.start.split('-').slice(1).map(Number)
  const quarter = Math.ceil(quarterFrom / 3)
  const year = Number(issue.chronology.period.start.slice(0, 4))
  const slug = `real-${year}-q${quarter}`
  const issueDoc = await payload.create({
    collection: 'issues',
    data: {
      title: `${issue.bulletinName}, ${quarterLabel(quarter, year)}`,
      slug,
      quarter: String(quarter) as '1' | '2' | '3' | '4',
      year,
      publicationDate: toStoredDate(issue.chronology.period.end),
      coverPullQuote: { text: issue.coverQuote },
      editorialCommittee: issue.committee,
      sections: [
        { blockType: 'essaysSection', title: issue.sectionTitles.essays, essays: essayIds },
        { blockType: 'highlightsSection', title: issue.sectionTitles.highlights, highlights: highlightIds },
        { blockType: 'publicationsSection', title: issue.sectionTitles.forthcoming, kind: 'forthcoming', publications: [forthcomingId] },
        { blockType: 'publicationsSection', title: issue.sectionTitles.recent, kind: 'recent', publications: recentIds },
      ],
    },
    draft: true,
    ...asEditor,
  })

  // The chronology, then its April part through the import service, as the assistant.
  const chronology = await payload.create({
    collection: 'chronologies',
    data: {
      title: issue.chronology.title,
      contentsTitle: issue.chronology.contentsTitle,
      periodInContents: true,
      issue: issueDoc.id,
      periodStart: toStoredDate(issue.chronology.period.start),
      periodEnd: toStoredDate(issue.chronology.period.end),
      compiler: issue.chronology.compiler,
      compilerAffiliation: issue.chronology.compilerAffiliation,
      intro: issue.chronology.intro.join('\n\n'),
      sourcesNote: issue.chronology.sourcesNote,
    },
    draft: true,
    ...asAssistant,
  })
  const sections = [
    ...(issueDoc.sections ?? []),
    { blockType: 'chronologySection' as const, title: issue.sectionTitles.chronology, chronology: chronology.id },
  ]
  await payload.update({ collection: 'issues', id: issueDoc.id, data: { sections }, draft: true, ...asEditor })
  const chronologyImport = await importChronology(payload, { issueSlug: slug, source: { text: issue.chronology.text }, user: users.assistant })

  // The editor approves and publishes every item, then the issue.
  const approve = { reviewStatus: 'approved' as const, _status: 'published' as const }
  for (const id of essayIds) await payload.update({ collection: 'essays', id, data: approve, ...asEditor })
  for (const id of highlightIds) await payload.update({ collection: 'highlights', id, data: approve, ...asEditor })
  for (const id of [forthcomingId, ...recentIds]) await payload.update({ collection: 'publications', id, data: approve, ...asEditor })
  await payload.update({ collection: 'chronologies', id: chronology.id, data: approve, ...asEditor })
  await payload.update({ collection: 'issues', id: issueDoc.id, data: { _status: 'published' }, ...asEditor })

  return { slug, issue, users, chronologyImport }
}
