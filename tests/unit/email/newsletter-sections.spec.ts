import { describe, expect, it } from 'vitest'
import type { HighlightModel, IssueModel } from '@/issue/model'
import { renderNewsletter } from '@/render/email'
import { headline } from '../../../templates/email/view'
import { image, LINKS, makeTestModel } from './model'

/**
 * The newsletter of a real issue (the shapes of the 2024 Q2 Korea Bulletin): a title that
 * already holds the bulletin's name, four captioned photo groups without titles, a
 * forthcoming book with a description, and chronology entries whose first sentence runs long.
 */

const READER = { email: 'reader@example.net' }

function withSection<K extends IssueModel['sections'][number]['kind']>(
  model: IssueModel,
  kind: K,
): Extract<IssueModel['sections'][number], { kind: K }> {
  const section = model.sections.find((s) => s.kind === kind)
  if (!section || section.kind !== kind) throw new Error(`the test model has no ${kind} section`)
  return section as Extract<IssueModel['sections'][number], { kind: K }>
}

/** Four photo groups as the committee captions them: no titles, one caption per group. */
function photoGroups(): HighlightModel[] {
  const photo = (id: string) => ({ image: image(id, 1600, 1067, ''), caption: '' })
  return [
    {
      id: 'g1',
      title: '',
      caption: '(Top) Discussions with an ambassador. (Below, from left) With a professor and (right) with an analyst.',
      photos: [photo('g1a'), photo('g1b'), photo('g1c')],
    },
    { id: 'g2', title: '', caption: 'The director and the head of the centre in a meeting with a special representative.', photos: [photo('g2a')] },
    { id: 'g3', title: '', caption: 'With an ambassador and diplomats marking an anniversary.', photos: [photo('g3a')] },
    { id: 'g4', title: '', caption: '(From left) Meeting a political counsellor. (Right) With the president of an academy.', photos: [photo('g4a'), photo('g4b')] },
  ]
}

describe('the newsletter of a real issue', () => {
  it('names the bulletin once when the issue title already holds it', async () => {
    const { subject } = await renderNewsletter(makeTestModel({ title: 'Korea Bulletin, April–June 2024' }), READER, LINKS)
    expect(subject).toBe('Korea Bulletin, April–June 2024')
    // A title without the name or the period still gets both, once.
    const other = await renderNewsletter(makeTestModel({ title: 'Festivals and Freight' }), READER, LINKS)
    expect(other.subject).toBe('Korea Bulletin — April–June 2024: Festivals and Freight')
  })

  it('shows every highlights group, captioned, and links the HTML to the photos it leaves out', async () => {
    const model = makeTestModel()
    withSection(model, 'highlights').highlights = photoGroups()
    const { html, text } = await renderNewsletter(model, READER, LINKS)
    for (const group of photoGroups()) {
      expect(html).toContain(group.caption)
      expect(text).toContain(group.caption)
      expect(html).toContain(`${group.id}a`)
    }
    // 7 photos, one of each group shown: the other 3 are one click away, in the web edition's highlights.
    const index = model.sections.findIndex((s) => s.kind === 'highlights')
    const url = `${LINKS.issueUrl}#highlights-${index + 1}`
    expect(html).toContain(`href="${url}"`)
    expect(html).toContain('3 more')
    expect(text).toContain(url)
  })

  it('gives the forthcoming book its description', async () => {
    const model = makeTestModel()
    withSection(model, 'forthcoming').publications[0].description = [
      { type: 'paragraph', runs: [{ text: 'This book presents a comprehensive overview of international attempts to engage North Korea.' }] },
      { type: 'paragraph', runs: [{ text: 'It highlights the difficulty of this task.' }] },
    ]
    const { html, text } = await renderNewsletter(model, READER, LINKS)
    for (const part of [html, text]) {
      expect(part).toContain('This book presents a comprehensive overview of international attempts to engage North Korea.')
    }
  })

  it('cuts chronology teasers at a sentence or word end, with an ellipsis, and links each to the rest', async () => {
    const sentence =
      'The ASEAN+3 (South Korea, China and Japan) Finance and Central Bank Deputies’ Meeting and the Korea-China-Japan ' +
      'Finance and Central Bank Deputies Meeting were held in Luang Prabang, Laos.'
    // A first sentence a little over the headline length is shown whole, not cut in "Luang Prabang".
    expect(headline(`${sentence} The deputy minister attended.`)).toBe(sentence)
    // A first sentence far too long is cut at a phrase or word end, with an ellipsis.
    const long = `${'Ministers reviewed cooperation on trade, climate and the digital economy and '.repeat(5)}agreed to meet again in Seoul.`
    const cut = headline(long)
    expect(cut.endsWith('…')).toBe(true)
    const kept = cut.slice(0, -1)
    expect(long.startsWith(kept)).toBe(true)
    expect(long[kept.length]).toMatch(/[\s,;]/)

    const model = makeTestModel()
    const chronology = withSection(model, 'chronology').chronology
    chronology.entries[0] = { ...chronology.entries[0], paragraphs: [`${sentence} The deputy minister attended.`] }
    const { html } = await renderNewsletter(model, READER, LINKS)
    expect(html).toContain('held in Luang Prabang, Laos.')
    expect(html).not.toMatch(/Luang…/)
    // Each headline leads to the full chronology.
    const headlineLinks = html.match(new RegExp(`<a href="${LINKS.chronologyUrl.replace(/[.?]/g, '\\$&')}"[^>]*>[^<]*Luang Prabang`, 'g'))
    expect(headlineLinks).toHaveLength(1)
  })
})
