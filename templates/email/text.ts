/**
 * The plain-text part, written from the same view as the HTML. Compared with react-email's
 * plainText option (html-to-text over the HTML): that output keeps layout debris (blank
 * lines from spacer cells, the "·" between top links), prints a URL twice where a title
 * and its "Read online" share a link, and uppercases essay titles while section headings
 * stay plain, inverting the hierarchy.
 * Paragraphs are not hard-wrapped, so phones reflow them.
 */
import type { NewsletterView } from './view'

export function renderNewsletterText(view: NewsletterView): string {
  const out: string[] = []
  const block = (...lines: Array<string | undefined | false>) => {
    const kept = lines.filter((l): l is string => typeof l === 'string' && l.length > 0)
    if (kept.length > 0) out.push(kept.join('\n'))
  }
  const heading = (title: string) => block(`${title.toUpperCase()}\n${'-'.repeat(Math.min(title.length, 60))}`)

  block(view.bulletinName.toUpperCase(), view.publisherLine, view.issueLine)
  block(`Read this issue online: ${view.links.issueUrl}`, `Download the PDF: ${view.links.pdfUrl}`)
  block(`${'='.repeat(60)}\n${view.title}\n${'='.repeat(60)}`)
  block(view.greeting)
  for (const p of view.introParagraphs) block(p)
  if (view.introSignature) block(`— ${view.introSignature}`)
  if (view.pullQuote) {
    block(`“${view.pullQuote.text}”`, view.pullQuote.attribution && `— ${view.pullQuote.attribution}`)
  }

  if (view.essays.length > 0) {
    heading(view.essaysHeading)
    for (const e of view.essays) block(e.title, e.byline, e.standfirst, `Read online: ${e.url}`)
  }

  if (view.photos.length > 0) {
    heading(view.highlightsHeading)
    for (const p of view.photos) block([p.eventTitle, p.caption].filter(Boolean).join(': '))
    block(
      view.morePhotos.count > 0
        ? `All the photos (${view.morePhotos.count} more) in the online edition: ${view.morePhotos.url}`
        : `In the online edition: ${view.morePhotos.url}`,
    )
  }

  for (const group of view.publicationGroups) {
    heading(group.heading)
    for (const p of group.items) {
      block(p.subtitle ? `${p.title}: ${p.subtitle}` : p.title, p.byline, p.imprint, p.description, `${p.linkLabel}: ${p.url}`)
    }
  }

  for (const c of view.chronologies) {
    heading(c.sectionTitle)
    block(
      c.title,
      `${c.entryCount} ${c.entryCount === 1 ? 'entry' : 'entries'}, ${c.periodLabel}. Compiled by ${c.compiler}.`,
    )
    for (const m of c.months) {
      block(
        m.heading,
        ...m.headlines.map((h) => `* ${h.day}: ${h.text}`),
        m.more > 0 && `  and ${m.more} more ${m.more === 1 ? 'entry' : 'entries'} in ${m.heading}`,
      )
    }
    block(`Read the full chronology: ${c.url}`)
  }

  heading('The PDF edition')
  block(`The whole issue as a printable A4 PDF: ${view.links.pdfUrl}`)

  block('-- ')
  block(view.footer.publisher, ...view.footer.postalLines)
  block(view.footer.reason)
  block(`Questions or comments? Write to ${view.footer.correspondence.name} at ${view.footer.correspondence.email}.`)
  block(`Unsubscribe with one click: ${view.links.unsubscribeUrl}`)

  return `${out.join('\n\n')}\n`
}
