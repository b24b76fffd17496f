/**
 * What the newsletter says, derived once from the IssueModel. The HTML template and the
 * plain-text part both read this view, so the two parts cannot drift apart in content.
 * Pure: no Payload, no database, no network.
 */
import { formatDayCell, formatMonthHeading } from '@/chronology/dayCell'
import { issueLine, joinNames } from '@/issue/labels'
import type {
  AuthorModel,
  Block,
  ChronologyModel,
  HighlightModel,
  ImageModel,
  IssueModel,
  PublicationModel,
} from '@/issue/model'

export interface NewsletterRecipient {
  email: string
  name?: string
}

export interface NewsletterLinks {
  /** Site root (PUBLIC_URL); relative image URLs are resolved against it. */
  publicUrl: string
  issueUrl: string
  pdfUrl: string
  chronologyUrl: string
  unsubscribeUrl: string
}

export interface EmailImage {
  src: string
  width: number
  height: number
  alt: string
}

export interface EssayTeaser {
  title: string
  byline: string
  standfirst: string
  url: string
}

export interface PhotoView {
  image: EmailImage
  caption: string
  /** Empty for a captioned photo group without a title. */
  eventTitle: string
}

export interface PublicationView {
  title: string
  subtitle?: string
  byline?: string
  imprint: string
  url: string
  linkLabel: string
  cover?: EmailImage
  /** The opening of the book's description, cut at a sentence or word end. */
  description: string
}

export interface ChronologyMonthView {
  heading: string
  count: number
  /** Cut ones end in an ellipsis; each links to the full chronology. */
  headlines: Array<{ day: string; text: string; url: string }>
  /** Entries of this month not shown as headlines. */
  more: number
}

export interface ChronologyView {
  sectionTitle: string
  title: string
  periodLabel: string
  compiler: string
  entryCount: number
  months: ChronologyMonthView[]
  url: string
}

export interface NewsletterView {
  subject: string
  preheader: string
  bulletinName: string
  publisherLine: string
  issueLine: string
  title: string
  greeting: string
  introParagraphs: string[]
  /** "Dr Lee Seojin, Editor" under the intro, when the committee names an editor. */
  introSignature?: string
  pullQuote?: { text: string; attribution?: string }
  essaysHeading: string
  essays: EssayTeaser[]
  highlightsHeading: string
  /** One photo of every highlights group, in issue order. */
  photos: PhotoView[]
  /** Where the highlights are online, with how many photos the email leaves out (0: none). */
  morePhotos: { count: number; url: string }
  publicationGroups: Array<{ heading: string; items: PublicationView[] }>
  chronologies: ChronologyView[]
  links: NewsletterLinks
  footer: {
    publisher: string
    postalLines: string[]
    reason: string
    correspondence: { name: string; email: string }
  }
}

/** Email-safe content widths in CSS pixels: 600px card minus 32px padding each side. */
export const CONTENT_WIDTH = 536
export const PHOTO_WIDTH_PAIR = 260
export const COVER_WIDTH = 90
/** Headlines shown per month; the rest is one click away in the full chronology. */
export const HEADLINES_PER_MONTH = 3
export const HEADLINE_MAX_CHARS = 180
/** A first sentence up to this long is shown whole rather than cut mid-phrase. */
export const HEADLINE_SENTENCE_MAX_CHARS = 240
export const DESCRIPTION_MAX_CHARS = 320

/** The fragment the web edition uses for an essay: issueUrl#essay-<slug>. */
export function essayAnchor(slug: string): string {
  return `essay-${slug}`
}

/** The web edition's anchor of the highlights section at `index` in the issue's sections. */
export function highlightsAnchor(index: number): string {
  return `highlights-${index + 1}`
}

/**
 * The bulletin's name, the period and the issue title, each once: "Korea Bulletin, April–June
 * 2024" already holds the name and the period, so it is the whole subject.
 */
export function newsletterSubject(model: IssueModel): string {
  const title = oneLine(model.title)
  const holds = (part: string) => title.toLowerCase().includes(oneLine(part).toLowerCase())
  const lead = [model.publisher.bulletinName, model.periodLabel].filter((part) => part && !holds(part))
  if (lead.length === 0) return title
  return oneLine(`${lead.join(' — ')}: ${title}`)
}

/** "Dear Kim Minji," when the name is known, "Dear reader," otherwise. */
export function greetingFor(recipient: NewsletterRecipient): string {
  const name = oneLine(recipient.name ?? '')
  return name ? `Dear ${name},` : 'Dear reader,'
}

export function buildNewsletterView(
  model: IssueModel,
  recipient: NewsletterRecipient,
  links: NewsletterLinks,
): NewsletterView {
  const { publisher } = model
  const essays: EssayTeaser[] = []
  let essaysHeading = 'Essays'
  let highlightsHeading = 'Highlights'
  const highlights: HighlightModel[] = []
  let highlightsUrl = links.issueUrl
  const publicationGroups: NewsletterView['publicationGroups'] = []
  const chronologies: ChronologyView[] = []

  for (const [index, section] of model.sections.entries()) {
    switch (section.kind) {
      case 'essays':
        if (essays.length === 0) essaysHeading = section.title
        for (const essay of section.essays) {
          essays.push({
            title: oneLine(essay.title),
            byline: byline(essay.authors),
            standfirst: oneLine(essay.standfirst ?? '') || leadText(essay.body),
            url: `${links.issueUrl}#${essayAnchor(essay.slug)}`,
          })
        }
        break
      case 'highlights':
        if (highlights.length === 0) {
          highlightsHeading = section.title
          highlightsUrl = `${links.issueUrl}#${highlightsAnchor(index)}`
        }
        highlights.push(...section.highlights)
        break
      case 'forthcoming':
      case 'recent':
        if (section.publications.length > 0) {
          publicationGroups.push({
            heading: section.title,
            items: section.publications.map((p) => publicationView(p, links)),
          })
        }
        break
      case 'chronology':
        chronologies.push(chronologyView(section.title, section.chronology, links.chronologyUrl))
        break
    }
  }

  const editor = model.editorialCommittee.find((m) => m.role.toLowerCase() === 'editor')
  const introParagraphs = paragraphs(model.editorsIntro ?? '')
  const firstEssay = essays[0]

  return {
    subject: newsletterSubject(model),
    preheader: introParagraphs[0]
      ? truncate(introParagraphs[0], 140)
      : firstEssay
        ? truncate(`${firstEssay.title} — ${firstEssay.byline}`, 140)
        : truncate(model.title, 140),
    bulletinName: publisher.bulletinName,
    publisherLine: `${publisher.centre}, ${publisher.institute}`,
    issueLine: issueLine(model),
    title: oneLine(model.title),
    greeting: greetingFor(recipient),
    introParagraphs,
    introSignature:
      introParagraphs.length > 0 && editor
        ? `${personName(editor.honorific, editor.name)}, ${editor.role}`
        : undefined,
    pullQuote: model.coverPullQuote?.text.trim()
      ? { text: oneLine(model.coverPullQuote.text), attribution: model.coverPullQuote.attribution }
      : undefined,
    essaysHeading,
    essays,
    highlightsHeading,
    ...highlightPhotos(highlights, links.publicUrl, highlightsUrl),
    publicationGroups,
    chronologies,
    links,
    footer: {
      publisher: `${publisher.centre}, ${publisher.institute}`,
      // The address often repeats the publisher line; print it once.
      postalLines: (publisher.postalAddress ?? '')
        .split(/\r?\n|;\s*/)
        .map(oneLine)
        .filter((l) => l && l !== `${publisher.centre}, ${publisher.institute}`),
      reason:
        `You are receiving this email because ${recipient.email} is subscribed to the ` +
        `${publisher.bulletinName}, the quarterly bulletin of the ${publisher.centre}.`,
      correspondence: publisher.correspondence,
    },
  }
}

// --- pieces -------------------------------------------------------------------------

function publicationView(p: PublicationModel, links: NewsletterLinks): PublicationView {
  const editors = p.editors.filter(Boolean)
  const publisherUrl = p.url ? absoluteUrl(p.url, links.publicUrl) : undefined
  return {
    title: oneLine(p.title),
    subtitle: p.subtitle ? oneLine(p.subtitle) : undefined,
    byline: editors.length > 0 ? `Edited by ${joinNames(editors)}` : undefined,
    imprint: p.place ? `${p.place}: ${p.publisher}, ${p.year}` : `${p.publisher}, ${p.year}`,
    // The publisher's page when the editors gave one; otherwise the online issue.
    url: publisherUrl ?? links.issueUrl,
    linkLabel: publisherUrl ? 'Details from the publisher' : 'More in this issue',
    cover: p.cover ? emailImage(p.cover, COVER_WIDTH, links.publicUrl, p.cover.alt || `Cover of ${p.title}`) : undefined,
    description: truncate(firstSentences(blocksText(p.description), DESCRIPTION_MAX_CHARS), DESCRIPTION_MAX_CHARS),
  }
}

/** The plain text of paragraphs and quotes, one space between blocks. */
function blocksText(blocks: Block[]): string {
  return oneLine(
    blocks
      .flatMap((b) => (b.type === 'paragraph' || b.type === 'quote' ? [b.runs.map((r) => r.text).join('')] : []))
      .join(' '),
  )
}

/** As many whole sentences from the start as fit in `max` (at least the first one). */
function firstSentences(text: string, max: number): string {
  let out = firstSentence(text)
  while (out.length < text.length) {
    const next = firstSentence(text.slice(out.length).trimStart())
    const joined = `${out} ${next}`
    if (joined.length > max) break
    out = joined
  }
  return out
}

/**
 * One photo of every highlights group (a group may have no title; its caption is the group's
 * or the photo's), and how many photos are left for the web edition.
 */
function highlightPhotos(
  highlights: HighlightModel[],
  publicUrl: string,
  url: string,
): { photos: PhotoView[]; morePhotos: NewsletterView['morePhotos'] } {
  const photos: PhotoView[] = []
  let total = 0
  for (const h of highlights) {
    total += h.photos.length
    const photo = h.photos.find((p) => absoluteUrl(p.image.emailUrl, publicUrl) !== undefined)
    if (!photo) continue
    // Several photos: a few side by side; one: the full width.
    const width = highlights.length > 1 ? PHOTO_WIDTH_PAIR : CONTENT_WIDTH
    const caption = oneLine(photo.caption || h.caption || '')
    const image = emailImage(photo.image, width, publicUrl, photo.image.alt || caption || h.title)
    // Position cues ("(Top)") describe the printed grid, not this email, so they are left out.
    if (image) photos.push({ image, caption, eventTitle: oneLine(h.title) })
  }
  return { photos, morePhotos: { count: total - photos.length, url } }
}

function chronologyView(sectionTitle: string, c: ChronologyModel, url: string): ChronologyView {
  const byMonth = new Map<string, ChronologyModel['entries']>()
  // Group by YYYY-MM and sort the keys: the contract says sorted, the editors' paste may not be.
  for (const entry of c.entries) {
    const key = entry.startDate.slice(0, 7)
    const list = byMonth.get(key) ?? []
    list.push(entry)
    byMonth.set(key, list)
  }
  const months = [...byMonth.keys()].sort().map((key): ChronologyMonthView => {
    const entries = byMonth.get(key) ?? []
    const shown = entries.slice(0, HEADLINES_PER_MONTH)
    return {
      heading: formatMonthHeading(`${key}-01`),
      count: entries.length,
      headlines: shown.map((e) => ({
        day: formatDayCell(e.startDate, e.endDate),
        text: headline(e.paragraphs[0] ?? ''),
        url,
      })),
      more: entries.length - shown.length,
    }
  })
  const from = formatMonthHeading(c.periodStart)
  const to = formatMonthHeading(c.periodEnd)
  return {
    sectionTitle,
    title: oneLine(c.title),
    periodLabel: from === to ? from : `${from} to ${to}`,
    compiler: c.compilerAffiliation ? `${c.compiler}, ${c.compilerAffiliation}` : c.compiler,
    entryCount: c.entries.length,
    months,
    url,
  }
}

/** Display size for an email image: never upscaled, height from the original's aspect ratio. */
export function emailImage(
  image: ImageModel,
  maxWidth: number,
  publicUrl: string,
  alt: string,
): EmailImage | undefined {
  const src = absoluteUrl(image.emailUrl, publicUrl)
  if (!src) return undefined
  const width = Math.min(maxWidth, image.width)
  const height = Math.max(1, Math.round((width * image.height) / image.width))
  return { src, width, height, alt: oneLine(alt) }
}

/** An http(s) URL, resolving a relative one against PUBLIC_URL; undefined for anything else. */
export function absoluteUrl(url: string, base: string): string | undefined {
  if (!url.trim()) return undefined
  try {
    const u = new URL(url, base)
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : undefined
  } catch {
    return undefined
  }
}

function byline(authors: AuthorModel[]): string {
  const names = authors.map((a) => (a.nameInScript ? `${a.name} (${a.nameInScript})` : a.name))
  return names.length > 0 ? `By ${joinNames(names)}` : ''
}

function personName(honorific: string | undefined, name: string): string {
  return honorific ? `${honorific} ${name}` : name
}

/** A teaser when the essay has no standfirst: the opening of its first paragraph. */
function leadText(body: Block[]): string {
  const first = body.find((b) => b.type === 'paragraph')
  if (!first || first.type !== 'paragraph') return ''
  const text = oneLine(first.runs.map((r) => r.text).join(''))
  return truncate(text, 280)
}

function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map(oneLine)
    .filter(Boolean)
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Cut at a word boundary and add an ellipsis; leaves short text alone. */
export function truncate(text: string, max: number): string {
  const t = oneLine(text)
  if (t.length <= max) return t
  const cut = t.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  const base = space > max * 0.6 ? cut.slice(0, space) : cut
  return `${base.replace(/[\s,;:–—-]+$/, '')}…`
}

// Abbreviations that end in a full stop without ending the sentence.
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'gen', 'lt', 'col', 'sen', 'rep',
    'gov', 'amb', 'jr', 'sr', 'vs', 'etc', 'inc', 'co', 'ltd', 'corp', 'dept', 'approx',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  ],
)

/**
 * The first sentence of a chronology entry as a headline: whole when it is not much longer
 * than `max`, else cut at a phrase end (a comma or semicolon) or a word end, with an
 * ellipsis, never inside a name such as "Luang Prabang" when a phrase end is near.
 */
export function headline(text: string, max = HEADLINE_MAX_CHARS): string {
  const sentence = firstSentence(text)
  if (sentence.length <= Math.max(max, HEADLINE_SENTENCE_MAX_CHARS)) return sentence
  const cut = sentence.slice(0, max - 1)
  const phrase = Math.max(cut.lastIndexOf(', '), cut.lastIndexOf('; '))
  if (phrase > max * 0.5) return `${cut.slice(0, phrase)}…`
  return truncate(sentence, max)
}

export function firstSentence(text: string): string {
  const t = oneLine(text)
  // A stop, optional closing quote/bracket, space, then something that can start a sentence.
  const end = /[.!?][”’"')\]]?\s+(?=[“‘"'(]?[\p{Lu}\p{N}])/gu
  for (let m = end.exec(t); m; m = end.exec(t)) {
    const before = t.slice(0, m.index)
    const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? ''
    if (t[m.index] === '.' && isAbbreviation(word)) continue
    return t.slice(0, m.index + m[0].trimEnd().length)
  }
  return t
}

function isAbbreviation(word: string): boolean {
  if (!word) return false
  // Initials and dotted acronyms: "J.", "U.S", "H.E".
  if (/^\p{Lu}$/u.test(word) || word.includes('.')) return true
  return ABBREVIATIONS.has(word.toLowerCase())
}
