import type { CollectionSlug, Payload, Where } from 'payload'

import { toStoredDate } from '../fields/dayDate'
import {
  DEMO_SLUG,
  demoAuthors,
  demoChronology,
  demoChronologyIntro,
  demoGroupCaption,
  demoCommittee,
  demoImages,
  demoSettings,
  demoSourcesNote,
  demoUsers,
} from './demoContent'
import { renderDemoImage } from './images'
import { b, block, i, link, paragraph, paragraphWith, quote, richText } from './lexical'

export interface SeedSummary {
  created: number
  updated: number
  issueId: string | number
}

/**
 * Loads the demo issue. Every document is looked up by a natural key first, so running it
 * twice updates in place and duplicates nothing.
 */
export async function seedDemo(payload: Payload): Promise<SeedSummary> {
  const counts = { created: 0, updated: 0 }

  async function upsert<T extends CollectionSlug>(
    collection: T,
    where: Where,
    data: Record<string, unknown>,
    extra: { file?: { data: Buffer; mimetype: string; name: string; size: number } } = {},
  ): Promise<string | number> {
    const found = await payload.find({ collection, where, limit: 1, depth: 0, draft: true })
    const existing = found.docs[0] as { id: string | number } | undefined
    if (existing) {
      // Images are kept as they are: re-uploading would only create new files.
      if (!extra.file) {
        await payload.update({ collection, id: existing.id, data: data as never, depth: 0 })
        counts.updated += 1
      }
      return existing.id
    }
    const doc = (await payload.create({ collection, data: data as never, depth: 0, file: extra.file })) as {
      id: string | number
    }
    counts.created += 1
    return doc.id
  }

  for (const user of demoUsers) {
    const found = await payload.find({ collection: 'users', where: { email: { equals: user.email } }, limit: 1, depth: 0 })
    if (found.docs[0]) continue
    await payload.create({ collection: 'users', data: { ...user } })
    counts.created += 1
  }

  await payload.updateGlobal({ slug: 'publication-settings', data: demoSettings })

  const media: Record<string, string | number> = {}
  for (const [key, spec] of Object.entries(demoImages)) {
    const data = await renderDemoImage(spec)
    const alt = spec.label.replace(/\n/g, ' ')
    // Keyed by alt text: Payload renames a file whose name is taken, so names are unstable.
    media[key] = await upsert(
      'media',
      { alt: { equals: alt } },
      { alt, credit: 'Demo image drawn by Bulletin Press' },
      { file: { data, mimetype: 'image/jpeg', name: spec.name, size: data.byteLength } },
    )
  }

  const authors: Record<string, string | number> = {}
  for (const [key, author] of Object.entries(demoAuthors)) {
    authors[key] = await upsert('authors', { name: { equals: author.name } }, {
      ...author,
      affiliations: author.affiliations.map((line) => ({ line })),
    })
  }

  const published = { _status: 'published' }
  // Only approved items can be published (collections/hooks/refusePublishUnlessApproved).
  const approved = { ...published, reviewStatus: 'approved' }

  const essay1 = await upsert('essays', { slug: { equals: 'festivals-of-the-mekong' } }, {
    ...approved,
    title: 'Festivals of the Mekong: Korean Popular Culture in Vientiane',
    slug: 'festivals-of-the-mekong',
    authors: [authors.kim],
    order: 1,
    standfirst:
      'Korean dramas, songs and food stalls now fill the riverside festivals of Vientiane. What do young Lao audiences take from them, and what does Korea learn in return?',
    body: richText(
      paragraph(
        'On a warm evening in April, the riverside promenade of Vientiane fills with lanterns, food stalls and a stage on which a Lao cover band performs a Korean hit song word for word. The crowd sings along. Scenes like this, reported in the ',
        i('Vientiane Daily'),
        ' and shared widely online, are now ordinary in Southeast Asian capitals.',
      ),
      paragraph(
        b('A two-way street. '),
        'Korean popular culture is often described as an export. Yet the festival stage is a meeting place: Lao performers adapt choreography, translate lyrics and add local instruments, and Korean visitors discover the ',
        i('khaen'),
        ', the Lao mouth organ.',
      ),
      block('pq-1', { blockType: 'pullQuote', text: 'The festival stage is not a shop window but a meeting place.' }),
      paragraph(
        'The film ',
        i('The Quiet River'),
        ' (a fictional co-production used in this demo issue) shows how far such exchanges can go: shot in Luang Prabang and Jeonju, it follows two families who trade recipes across the Mekong and the Han.',
      ),
      block('fig-1', {
        blockType: 'figure',
        image: media.festival,
        caption: 'The author at the lantern festival on the Vientiane riverside, April 2024.',
        placement: 'right',
      }),
      paragraph(
        'Governments have noticed. Cultural agreements now speak of "people-to-people connectivity", and language schools report long waiting lists. The risk is that policy turns a lively, informal exchange into a programme with targets. As one promoter put it, “a festival is not a ‘deliverable’.”',
      ),
      quote('"The Parties shall encourage exchanges between their peoples in culture, the arts, education and sport, on the basis of equality and mutual benefit."'),
      paragraph(
        'Such treaty language is broad by design. What fills it is the work of teachers, promoters and fans, and the festivals of the Mekong are where that work is most visible. ',
        'For a Korean audience, 김민지 argues, the lesson is humility: influence that flows one way does not last.',
      ),
      block('fig-2', {
        blockType: 'figure',
        image: media.poster,
        caption: 'Poster of the demo film The Quiet River.',
        placement: 'column',
      }),
      paragraph(
        'The coming years will test whether this enthusiasm survives beyond the current wave of dramas and songs. The signs from Vientiane are encouraging: audiences are becoming producers, and producers are becoming partners.',
      ),
    ),
  })

  const essay2 = await upsert('essays', { slug: { equals: 'fisheries-treaties-and-the-sea-between' } }, {
    ...approved,
    title: 'Fisheries, Treaties and the Sea Between',
    slug: 'fisheries-treaties-and-the-sea-between',
    authors: [authors.nguyen],
    order: 2,
    standfirst:
      'As fish stocks move with warming seas, Korea and Vietnam are learning to share data before they share quotas.',
    body: richText(
      paragraph(
        'Fishing communities in Quảng Ngãi and on Jeju have more in common than their governments sometimes admit. Both depend on stocks that move with the seasons and, increasingly, with a warming sea.',
      ),
      paragraph(
        b('From quotas to data. '),
        'Early agreements focused on access and quotas. The newer approach, visible in the (demo) memorandum of 2023, starts with shared observation: common survey methods, open data and joint research cruises.',
      ),
      block('pq-2', { blockType: 'pullQuote', text: 'You cannot share a sea you have not measured together.' }),
      paragraph(
        'The reporting in ',
        i('Hà Nội Times'),
        ' and ',
        i('Jeju Harbour News'),
        ' suggests that fishers welcome this, provided they are consulted. Cooperatives in Bình Định have asked for Korean buoy technology; Korean researchers want long Vietnamese catch records.',
      ),
      block('fig-3', { blockType: 'figure', image: media.harbour, caption: 'A fishing harbour at dawn.', placement: 'left' }),
      paragraphWith(
        'The full text of the memorandum is summarised on the Centre\'s website, ',
        link('https://example.org/korea-centre/fisheries', 'example.org/korea-centre/fisheries'),
        '.',
      ),
      paragraph(
        'If the experiment works, it offers a model for the wider region, where overlapping claims make quotas hard to agree but data easy to share.',
      ),
    ),
  })

  const highlights: Array<string | number> = []
  const highlightData = [
    ['Korea–ASEAN Youth Forum', '2024-04-24', 'forum', 'Students from ten ASEAN states and Timor-Leste at the opening session.', '(Top)'],
    ['Public lecture by Prof PARK Joon-ho', '2024-06-26', 'lecture', 'Prof PARK Joon-ho (박준호) with Dr Hannah Ong after the lecture.', '(Below, from left)'],
    ['Visit of a delegation from Hanbit University', '2024-05-17', 'visit', 'Dr KIM Minji, Ms Priya Raman and Dr Maria Santos at the Centre.', '(Right)'],
    ['Translation workshop', '2024-05-30', 'workshop', 'Participants of the Korean–Vietnamese translation workshop led by Nguyễn Thị Thu Hà.', ''],
    ['Gayageum recital', '2024-06-14', 'concert', 'A student ensemble performs at the Centre\'s mid-year concert.', '(Below)'],
  ] as const
  for (const [title, date, image, caption, cue] of highlightData) {
    highlights.push(
      await upsert('highlights', { title: { equals: title } }, {
        ...approved,
        title,
        eventDate: toStoredDate(date),
        photos: [{ image: media[image], caption, positionCue: cue || undefined }],
      }),
    )
  }
  // As the committee captions most groups: no title, one caption for all its photos.
  highlights.push(
    await upsert('highlights', { caption: { equals: demoGroupCaption } }, {
      ...approved,
      caption: demoGroupCaption,
      photos: [{ image: media.visit }, { image: media.forum }, { image: media.lecture }],
    }),
  )

  const forthcoming = await upsert('publications', { title: { equals: 'The Great Powers and the DPRK' } }, {
    ...approved,
    kind: 'forthcoming',
    title: 'The Great Powers and the DPRK',
    subtitle: 'Rivalry, Restraint and the Korean Peninsula',
    editors: [{ name: 'PARK Joon-ho' }, { name: 'Hannah Ong' }],
    publisher: 'Meridian Academic (demo)',
    place: 'London and New York',
    year: 2024,
    cover: media.coverForthcoming,
    description: richText(
      paragraph('This edited volume examines how the great and regional powers have dealt with the DPRK since the end of the Cold War, and what their choices mean for Southeast Asia.'),
      paragraph('Its contributors draw on archives, interviews and new data to compare strategies of pressure, engagement and neglect.'),
      paragraph('The book will interest scholars of Korean politics, East Asian security and ASEAN\'s external relations.'),
    ),
    contents: [
      // Front matter is unnumbered, beside the numbered parts and chapters.
      { title: '', chapters: [{ title: 'List of Figures and Tables' }, { title: 'Contributors' }] },
      {
        title: 'Introduction',
        chapters: [{ number: 1, title: 'The Peninsula and the Powers', authors: [{ name: 'PARK Joon-ho' }, { name: 'Hannah Ong' }] }],
      },
      {
        title: 'Superpowers and the DPRK',
        chapters: [
          { number: 2, title: 'Washington\'s Long Stalemate', authors: [{ name: 'Daniel REED' }] },
          { number: 3, title: 'Beijing\'s Reluctant Patronage', authors: [{ name: 'LIU Wen' }] },
          { number: 4, title: 'Moscow Returns', authors: [{ name: 'Irina VOLKOVA' }] },
        ],
      },
      {
        title: 'Regional Great Powers and the DPRK',
        chapters: [
          { number: 5, title: 'Tokyo between Abductions and Missiles', authors: [{ name: 'SATO Aiko' }] },
          { number: 6, title: 'Seoul\'s Changing Engagement', authors: [{ name: 'KIM Minji' }] },
          { number: 7, title: 'India\'s Quiet Channel', authors: [{ name: 'Arjun MEHTA' }] },
        ],
      },
      {
        title: 'Southeast Asia and the DPRK',
        chapters: [
          { number: 8, title: 'ASEAN\'s Regional Forum as a Meeting Place', authors: [{ name: 'Maria SANTOS' }] },
          { number: 9, title: 'Vietnam and Laos: Old Friends, New Limits', authors: [{ name: 'Nguyễn Thị Thu Hà' }] },
          { number: 10, title: 'Sanctions and Southeast Asian Ports', authors: [{ name: 'TAN Wei Ling' }] },
        ],
      },
      { title: 'Conclusion', chapters: [{ number: 11, title: 'Restraint as Strategy', authors: [{ name: 'Hannah ONG' }] }] },
      { title: '', chapters: [{ title: 'Index' }] },
    ],
  })

  const recent1 = await upsert('publications', { title: { equals: 'Seas of Cooperation' } }, {
    ...approved,
    kind: 'recent',
    title: 'Seas of Cooperation',
    subtitle: 'Korea, Vietnam and Maritime Governance',
    editors: [{ name: 'Nguyễn Thị Thu Hà' }],
    publisher: 'Northbridge University Press (demo)',
    place: 'Northbridge',
    year: 2024,
    cover: media.coverRecent1,
    description: richText(paragraph('A study of fisheries, shipping and coast-guard cooperation between Korea and Vietnam, with chapters by scholars from both countries.')),
    // As long as the publishers' addresses the committee prints.
    url: 'https://example.org/books/seas-of-cooperation-maritime-partnerships-between-korea-and-southeast-asia/p/book/9780000000017?utm_source=bulletin&utm_medium=print_edition',
  })

  const recent2 = await upsert('publications', { title: { equals: 'Hallyu in Southeast Asia' } }, {
    ...approved,
    kind: 'recent',
    title: 'Hallyu in Southeast Asia',
    subtitle: 'Audiences, Industries and States',
    editors: [{ name: 'KIM Minji' }, { name: 'Maria Santos' }],
    publisher: 'Meridian Academic (demo)',
    place: 'London and New York',
    year: 2024,
    cover: media.coverRecent2,
    description: richText(paragraph('How Korean popular culture is received, remade and regulated across Southeast Asia, from fan clubs in Manila to film censors in Jakarta.')),
    // As long as a publisher's real address: it must break to stay inside the page.
    url: 'https://www.example.org/Hallyu-in-Southeast-Asia-Audiences-Industries-and-States/Kim-Santos/p/book/9780000000000?source=korea_bulletin',
  })

  const chronology = await upsert('chronologies', { title: { equals: 'ASEAN - Korea Relations: A Chronology of Key Events (demo)' } }, {
    ...approved,
    title: 'ASEAN - Korea Relations: A Chronology of Key Events (demo)',
    periodStart: toStoredDate('2024-04-01'),
    periodEnd: toStoredDate('2024-06-30'),
    compiler: 'Dr Maria Santos',
    compilerAffiliation: 'Research Associate, Korea Centre (demo)',
    intro: demoChronologyIntro.join('\n\n'),
    sourcesNote: demoSourcesNote.join('\n\n'),
  })

  const sameDay = new Map<string, number>()
  for (const [start, end, ...paragraphs] of demoChronology) {
    const orderInDay = sameDay.get(start) ?? 0
    sameDay.set(start, orderInDay + 1)
    await upsert(
      'chronology-entries',
      {
        and: [
          { chronology: { equals: chronology } },
          { startDate: { equals: toStoredDate(start) } },
          { orderInDay: { equals: orderInDay } },
        ],
      },
      {
        chronology,
        startDate: toStoredDate(start),
        endDate: toStoredDate(end),
        paragraphs: paragraphs.map((text) => ({ text })),
        orderInDay,
      },
    )
  }

  const issueId = await upsert('issues', { slug: { equals: DEMO_SLUG } }, {
    ...published,
    title: 'Korea Bulletin, April–June 2024 (demo)',
    slug: DEMO_SLUG,
    volume: 12,
    number: 2,
    quarter: '2',
    year: 2024,
    publicationDate: toStoredDate('2024-07-15'),
    coverPullQuote: {
      text: 'Influence that flows one way does not last.',
      attribution: 'KIM Minji',
    },
    editorialCommittee: demoCommittee,
    editorsIntro:
      'This quarter\'s bulletin travels from the festival stages of Vientiane to the fishing harbours of central Vietnam, and records a busy season of summits and visits.',
    sections: [
      { blockType: 'essaysSection', title: 'Essays', essays: [essay1, essay2] },
      { blockType: 'highlightsSection', title: 'Highlights at the Korea Centre', highlights },
      { blockType: 'publicationsSection', title: 'Forthcoming Publication', kind: 'forthcoming', publications: [forthcoming] },
      { blockType: 'publicationsSection', title: 'Recent Publications', kind: 'recent', publications: [recent1, recent2] },
      { blockType: 'chronologySection', title: 'Primary Documents and Resources', chronology },
    ],
    // The highlights run on below the essays; the chronology opens a page of its own.
    layout: { highlightsOnNewPage: false, chronologyOnNewPage: true, endMatter: 'none' },
  })

  // IDs are numbers on SQLite and strings on MongoDB; the generated types know only one.
  const issue = { issue: issueId } as never
  for (const id of [essay1, essay2]) {
    await payload.update({ collection: 'essays', id, data: issue, depth: 0 })
  }
  for (const id of highlights) {
    await payload.update({ collection: 'highlights', id, data: issue, depth: 0 })
  }
  await payload.update({ collection: 'chronologies', id: chronology, data: issue, depth: 0 })

  return { ...counts, issueId }
}

export { demoUsers }
