import { describe, expect, it } from 'vitest'
import { formatMonthHeading } from '@/chronology/dayCell'
import type { ChronologyModel, IssueModel } from '@/issue/model'
import { NEWSLETTER_HTML_BUDGET_BYTES, renderNewsletter } from '@/render/email'
import { firstSentence, headline, HEADLINES_PER_MONTH, HEADLINE_MAX_CHARS } from '../../../templates/email/view'
import { ESSAYS, LINKS, makeLargeModel, makeTestModel, PUBLIC_URL } from './model'

const KIM = { email: 'kim.minji@example.net', name: 'Kim Minji' }
const ANON = { email: 'reader@example.net' }

function imgTags(html: string): Array<Record<string, string>> {
  return [...html.matchAll(/<img\b[^>]*>/g)].map((m) =>
    Object.fromEntries([...m[0].matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  )
}

/** Attribute values come out HTML-escaped; compare against the escaped form. */
const attr = (s: string) => s.replace(/&/g, '&amp;')

function chronologyOf(model: IssueModel): ChronologyModel {
  const section = model.sections.find((s) => s.kind === 'chronology')
  if (!section || section.kind !== 'chronology') throw new Error('fixture has no chronology')
  return section.chronology
}

describe('renderNewsletter', () => {
  it('builds the subject from the model', async () => {
    const model = makeTestModel({ title: 'Festivals,\n Freight' })
    const { subject } = await renderNewsletter(model, KIM, LINKS)
    expect(subject).toBe('Korea Bulletin — April–June 2024: Festivals, Freight')
  })

  it('stays under the Gmail clipping budget for an issue heavier than any printed', async () => {
    const model = makeLargeModel()
    // Guard the guard: the stress model must really be large.
    expect(chronologyOf(model).entries.length).toBeGreaterThanOrEqual(150)
    const { html } = await renderNewsletter(model, KIM, LINKS)
    const bytes = Buffer.byteLength(html, 'utf8')
    expect(bytes).toBeGreaterThan(20 * 1024)
    expect(bytes).toBeLessThan(NEWSLETTER_HTML_BUDGET_BYTES)
  })

  it('gives every image alt text, pixel width and height, and an absolute URL under PUBLIC_URL', async () => {
    const { html } = await renderNewsletter(makeTestModel(), KIM, LINKS)
    const imgs = imgTags(html)
    // Two highlight photos and two book covers (the third book has none).
    expect(imgs).toHaveLength(4)
    for (const img of imgs) {
      expect(img.alt?.trim()).toBeTruthy()
      expect(img.width).toMatch(/^\d+$/)
      expect(img.height).toMatch(/^\d+$/)
      expect(Number(img.width)).toBeLessThanOrEqual(536)
      expect(img.src.startsWith(`${PUBLIC_URL}/`)).toBe(true)
    }
  })

  it('keeps the aspect ratio in width/height and resolves relative image URLs', async () => {
    const model = makeTestModel()
    const highlights = model.sections.find((s) => s.kind === 'highlights')
    if (highlights?.kind !== 'highlights') throw new Error('fixture has no highlights')
    // One event with one square photo, at a relative URL: shown full width.
    highlights.highlights = [
      {
        ...highlights.highlights[1],
        photos: [{ ...highlights.highlights[1].photos[0], image: { ...highlights.highlights[1].photos[0].image, emailUrl: '/media/square.jpg' } }],
      },
    ]
    const { html } = await renderNewsletter(model, KIM, LINKS)
    const photo = imgTags(html).find((i) => i.src.endsWith('/media/square.jpg'))
    expect(photo).toMatchObject({ src: `${PUBLIC_URL}/media/square.jpg`, width: '536', height: '536' })
  })

  it('leaves out images whose URL is not http(s)', async () => {
    const model = makeTestModel()
    const recent = model.sections.find((s) => s.kind === 'recent')
    if (recent?.kind !== 'recent' || !recent.publications[0].cover) throw new Error('fixture changed')
    recent.publications[0].cover.emailUrl = 'javascript:alert(1)'
    const { html } = await renderNewsletter(model, KIM, LINKS)
    expect(html).not.toContain('javascript:')
    expect(imgTags(html)).toHaveLength(3)
  })

  it('greets by name when known and as "Dear reader" otherwise, in both parts', async () => {
    const named = await renderNewsletter(makeTestModel(), { email: 'ha@example.net', name: ' Nguyễn Thị\nThu Hà ' }, LINKS)
    expect(named.html).toContain('Dear Nguyễn Thị Thu Hà,')
    expect(named.text).toContain('Dear Nguyễn Thị Thu Hà,')
    expect(named.text).not.toContain('Dear reader')

    for (const recipient of [ANON, { email: 'x@example.net', name: '   ' }]) {
      const anon = await renderNewsletter(makeTestModel(), recipient, LINKS)
      expect(anon.html).toContain('Dear reader,')
      expect(anon.text).toContain('Dear reader,')
    }
  })

  it('puts the recipient’s unsubscribe link and the reason for the email in both parts', async () => {
    const unsubscribeUrl = `${PUBLIC_URL}/unsubscribe?token=abc.def&s=1`
    const { html, text } = await renderNewsletter(makeTestModel(), ANON, { ...LINKS, unsubscribeUrl })
    expect(html).toContain(`href="${attr(unsubscribeUrl)}"`)
    expect(text).toContain(unsubscribeUrl)
    expect(text).toContain('reader@example.net is subscribed')
    expect(html).toContain('reader@example.net is subscribed')
    expect(text).toContain('4 College Lane')
  })

  it('carries every essay title, byline and "Read online" link in both parts', async () => {
    const { html, text } = await renderNewsletter(makeTestModel(), KIM, LINKS)
    for (const essay of ESSAYS) {
      const url = `${LINKS.issueUrl}#essay-${essay.slug}`
      expect(text).toContain(essay.title)
      expect(text).toContain(`Read online: ${url}`)
      expect(html).toContain(essay.title)
      expect(html).toContain(`href="${url}"`)
    }
    expect(text).toContain('By Kim Minji (김민지)')
    expect(text).toContain('By Nguyễn Thị Thu Hà and Park Joon-ho (박준호)')
    // The second essay has no standfirst: its teaser is the first paragraph.
    expect(text).toContain('Thirty-two years after diplomatic relations were restored')
  })

  it('links the PDF and the full chronology in both parts', async () => {
    const { html, text } = await renderNewsletter(makeTestModel(), KIM, LINKS)
    for (const url of [LINKS.pdfUrl, LINKS.chronologyUrl, LINKS.issueUrl]) {
      expect(text).toContain(url)
      expect(html).toContain(`href="${url}"`)
    }
    expect(html).toContain('Download the PDF')
  })

  it('summarises the chronology: the entry count, each month with its headlines and the rest counted', async () => {
    const model = makeTestModel()
    const entries = chronologyOf(model).entries
    const { html, text } = await renderNewsletter(model, KIM, LINKS)
    expect(text).toContain(`${entries.length} entries, April 2024 to June 2024`)
    expect(html).toContain(`${entries.length} entries, April 2024 to June 2024`)

    const perMonth = new Map<string, number>()
    for (const e of entries) perMonth.set(formatMonthHeading(e.startDate), (perMonth.get(formatMonthHeading(e.startDate)) ?? 0) + 1)
    expect([...perMonth.keys()]).toEqual(['April 2024', 'May 2024', 'June 2024'])
    for (const [month, count] of perMonth) {
      const block = text.split('\n\n').find((b) => b.startsWith(`${month}\n`))
      expect(block, month).toBeDefined()
      const bullets = (block ?? '').split('\n').filter((l) => l.startsWith('* '))
      expect(bullets).toHaveLength(Math.min(count, HEADLINES_PER_MONTH))
      const rest = count - HEADLINES_PER_MONTH
      if (rest > 0) expect(block).toContain(`and ${rest} more ${rest === 1 ? 'entry' : 'entries'} in ${month}`)
      else expect(block).not.toContain('more entr')
    }
    // Day cells come from the shared formatter, cross-month ranges included.
    expect(text).toContain('* 29th June – 4th July: A Korean business mission')
    expect(text).toContain('* 3rd–4th: The ASEAN-Korea Centre opened')
  })

  it('uses the photo captions but not the print-layout position cues', async () => {
    const { html, text } = await renderNewsletter(makeTestModel(), KIM, LINKS)
    expect(text).toContain('Dr Kim Minji opens the Spring Lecture Series.')
    expect(text).toContain('Nguyễn Thị Thu Hà (centre) with the delegation from Hà Nội.')
    for (const cue of ['(Top)', '(Below)', '(Right)']) {
      expect(html).not.toContain(cue)
      expect(text).not.toContain(cue)
    }
  })

  it('lists the publications with their links, falling back to the issue when there is none', async () => {
    const { text } = await renderNewsletter(makeTestModel(), KIM, LINKS)
    // Each book with the opening of its description (see "publication descriptions" below).
    expect(text).toMatch(/Middle Powers in the Mekong\nEdited by Nguyễn Thị Thu Hà\nRiverton: Riverton University Press, 2024\n.+\nDetails from the publisher: https:\/\/press\.example\.com\/middle-powers-mekong/)
    expect(text).toMatch(new RegExp(`Seoul and the South China Sea\nHarbourside Academic, 2024\n(.+\n)?More in this issue: ${LINKS.issueUrl}`))
    expect(text).toContain('London and New York: Harbourside Academic, 2025')
  })

  it('omits what the issue does not have', async () => {
    const model = makeTestModel({ editorsIntro: undefined, coverPullQuote: undefined })
    model.sections = model.sections.filter((s) => s.kind === 'essays')
    const { html, text } = await renderNewsletter(model, KIM, LINKS)
    expect(text).not.toContain('Dr Lee Seojin, Editor')
    expect(text).not.toMatch(/HIGHLIGHTS|PUBLICATION|CHRONOLOGY OF/)
    expect(imgTags(html)).toHaveLength(0)
    expect(text).toContain(ESSAYS[0].title)
  })

  it('escapes editorial text in the HTML', async () => {
    const { html } = await renderNewsletter(makeTestModel({ title: 'Trade & <Tariffs>' }), KIM, LINKS)
    expect(html).toContain('Trade &amp; &lt;Tariffs&gt;')
    expect(html).not.toContain('<Tariffs>')
  })

  it('declares both colour schemes and sets background colours explicitly', async () => {
    const { html } = await renderNewsletter(makeTestModel(), KIM, LINKS)
    expect(html).toContain('<meta name="color-scheme" content="light dark"/>')
    expect(html).toContain('prefers-color-scheme:dark')
    expect(html).toMatch(/<table[^>]*bgcolor="#17324D"/)
    expect(html).toMatch(/<table[^>]*bgcolor="#ECEFF3"/)
  })

  it('is deterministic for the same input', async () => {
    const a = await renderNewsletter(makeTestModel(), KIM, LINKS)
    const b = await renderNewsletter(makeTestModel(), KIM, LINKS)
    expect(a).toEqual(b)
  })

  it('refuses links that would be dead or dangerous in an inbox', async () => {
    await expect(renderNewsletter(makeTestModel(), KIM, { ...LINKS, pdfUrl: '/issues/2024-q2.pdf' })).rejects.toThrow(/links.pdfUrl/)
    await expect(
      renderNewsletter(makeTestModel(), KIM, { ...LINKS, unsubscribeUrl: 'javascript:void(0)' }),
    ).rejects.toThrow(/links.unsubscribeUrl/)
  })
})

describe('chronology headlines', () => {
  it('stops at the first sentence end, not at abbreviations or initials', () => {
    expect(firstSentence("Dr. Lim Hui Min led a delegation to Busan. The visit covered ports.")).toBe(
      'Dr. Lim Hui Min led a delegation to Busan.',
    )
    expect(firstSentence('The U.S. and Korean envoys met in Jakarta. Officials attended.')).toBe(
      'The U.S. and Korean envoys met in Jakarta.',
    )
    expect(firstSentence('President J. Ramos-Horta visited Seoul. He met the PM.')).toBe(
      'President J. Ramos-Horta visited Seoul.',
    )
    expect(firstSentence('The forum, titled "Green Growth." opened. Delegates met.')).toBe(
      'The forum, titled "Green Growth." opened.',
    )
    expect(firstSentence('Korea pledged US$39 million. It follows 2023.')).toBe('Korea pledged US$39 million.')
    expect(firstSentence('No full stop at all')).toBe('No full stop at all')
  })

  it('trims a long first sentence at a word boundary with an ellipsis', () => {
    const long = `${'Ministers reviewed cooperation on trade and climate '.repeat(6)}in Bandar Seri Begawan. Next.`
    const h = headline(long)
    expect(h.length).toBeLessThanOrEqual(HEADLINE_MAX_CHARS)
    expect(h.endsWith('…')).toBe(true)
    expect(h).not.toMatch(/\s…$/)
    expect(long.startsWith(h.slice(0, -1))).toBe(true)
  })
})
