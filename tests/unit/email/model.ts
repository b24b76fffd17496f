/**
 * A small hand-made IssueModel for the email tests: fictional people and events, shaped
 * like the 2024 Q2 printed issue (two essays, highlights, publications, a chronology).
 * Parsed with the contract's schema, so a fixture that drifts from the contract fails here.
 */
import {
  issueModelSchema,
  type ChronologyEntryModel,
  type EssayModel,
  type ImageModel,
  type IssueModel,
} from '@/issue/model'

export const PUBLIC_URL = 'https://bulletin.example.org'

export const LINKS = {
  publicUrl: PUBLIC_URL,
  issueUrl: `${PUBLIC_URL}/issues/2024-q2`,
  pdfUrl: `${PUBLIC_URL}/issues/2024-q2/korea-bulletin-2024-q2.pdf`,
  chronologyUrl: `${PUBLIC_URL}/issues/2024-q2/chronology`,
  unsubscribeUrl: `${PUBLIC_URL}/unsubscribe?token=placeholder`,
}

export function image(id: string, width: number, height: number, alt: string): ImageModel {
  return {
    id,
    alt,
    width,
    height,
    focalX: 50,
    focalY: 50,
    printPath: `/srv/media/${id}.jpg`,
    webUrl: `${PUBLIC_URL}/media/${id}-web.webp`,
    emailUrl: `${PUBLIC_URL}/media/${id}-email.jpg`,
  }
}

function entry(
  id: string,
  startDate: string,
  paragraphs: string[],
  countries: string[],
  endDate = startDate,
): ChronologyEntryModel {
  return { id, startDate, endDate, paragraphs, countries, orderInDay: 0 }
}

export const ESSAYS: EssayModel[] = [
  {
    id: 'essay-hallyu',
    slug: 'hallyu-on-tour',
    title: 'Hallyu on Tour: Korean Festivals in Southeast Asian Cities',
    authors: [
      {
        id: 'a-kim',
        name: 'Kim Minji',
        nameInScript: '김민지',
        honorific: 'Dr',
        affiliations: [
          'Non-resident Senior Fellow, Riverton Institute for Asian Affairs',
          'Associate Professor of Cultural Studies, Harbourside University',
        ],
      },
    ],
    standfirst:
      'From Hanoi to Surabaya, city-run K-culture weeks now draw bigger crowds than embassy receptions. What do the organisers want, and who pays?',
    body: [
      {
        type: 'paragraph',
        runs: [
          { text: 'When the first ' },
          { text: 'Korea Week', italic: true },
          { text: ' opened in a Hanoi park in 2015, it filled a single tent.' },
        ],
      },
      { type: 'pullQuote', text: 'The festival has become a diplomatic venue of its own.' },
    ],
  },
  {
    id: 'essay-rails',
    slug: 'rice-rails-reconciliation',
    title: 'Rice, Rails and Reconciliation: Viet Nam and Korea at Thirty-Two',
    authors: [
      {
        id: 'a-nguyen',
        name: 'Nguyễn Thị Thu Hà',
        honorific: 'Ms',
        affiliations: ['Research Associate, Centre for Mekong Studies'],
      },
      { id: 'a-park', name: 'Park Joon-ho', nameInScript: '박준호', affiliations: ['Visiting Fellow, Korea Centre'] },
    ],
    // No standfirst: the teaser falls back to the opening of the first paragraph.
    body: [
      {
        type: 'paragraph',
        runs: [
          {
            text: 'Thirty-two years after diplomatic relations were restored, Korean investment in Vietnamese rail and logistics has outgrown the garment trade that began it.',
          },
        ],
      },
    ],
  },
]

const CHRONOLOGY_ENTRIES: ChronologyEntryModel[] = [
  entry('c1', '2024-04-01', ['Vietnamese Deputy Minister of Planning Phạm Minh Tuấn met the Governor of a Korean province to discuss a smart-farming pilot. Both sides agreed to a follow-up visit in June.'], ['VN', 'KR']),
  entry('c2', '2024-04-03', ['The ASEAN-Korea Centre opened a photo exhibition, "Mekong Lives", in Seoul.'], ['KR'], '2024-04-04'),
  entry('c3', '2024-04-03', ['Dr. Lim Hui Min of Singapore\'s trade ministry led a delegation to Busan. The visit covered port digitalisation.'], ['SG', 'KR']),
  entry('c4', '2024-04-15', ['Korea pledged US$39 million to a regional clean-energy fund for CO₂ reduction projects in Laos and Cambodia.', 'The fund will be administered by a multilateral bank.'], ['KR', 'LA', 'KH']),
  entry('c5', '2024-04-22', ['Timor-Leste and Korea signed a memorandum on seasonal workers.'], ['TL', 'KR']),
  entry('c6', '2024-05-02', ['A Korean naval training ship called at Manila on a goodwill visit; PHP 2 million in relief supplies were handed over.'], ['PH', 'KR']),
  entry('c7', '2024-05-09', ['The U.S. and Korean envoys to ASEAN held a joint briefing in Jakarta on maritime security. Indonesian officials attended as observers.'], ['ID', 'KR']),
  entry('c8', '2024-05-20', ['Malaysia and Korea concluded the fourth round of talks on a free trade agreement in Kuala Lumpur.'], ['MY', 'KR'], '2024-05-23'),
  entry('c9', '2024-05-28', ['Thai and Korean film archives agreed to restore six co-productions from the 1960s.'], ['TH', 'KR']),
  entry('c10', '2024-06-05', ['Brunei hosted the annual ASEAN-Korea Dialogue, chaired jointly by senior officials of both sides, at which the participants reviewed the implementation of the 2021-2025 plan of action and discussed cooperation on the digital economy, climate and health security, and people-to-people exchange programmes.'], ['BN', 'KR']),
  entry('c11', '2024-06-12', ['Myanmar students received 40 scholarships from a Korean foundation.'], ['MM', 'KR']),
  entry('c12', '2024-06-29', ['A Korean business mission toured Ho Chi Minh City and Phnom Penh.'], ['VN', 'KH', 'KR'], '2024-07-04'),
]

export function makeTestModel(overrides: Partial<IssueModel> = {}): IssueModel {
  return issueModelSchema.parse({
    id: 'issue-2024-q2',
    slug: '2024-q2',
    title: 'Festivals, Freight and the New Mekong Diplomacy',
    volume: 12,
    number: 2,
    quarter: 2,
    year: 2024,
    periodLabel: 'April–June 2024',
    publicationDate: '2024-07-15',
    status: 'published',
    publisher: {
      bulletinName: 'Korea Bulletin',
      institute: 'Riverton Institute for Asian Affairs',
      centre: 'Korea Centre',
      aboutText: 'The Korea Bulletin is a quarterly publication of the Korea Centre.',
      aboutUrl: `${PUBLIC_URL}/about`,
      rightsText: 'All rights belong to the Riverton Institute for Asian Affairs.',
      correspondence: { name: 'Ms Tran Bao Ngoc', email: 'bulletin@example.org' },
      postalAddress: 'Korea Centre, Riverton Institute for Asian Affairs\n4 College Lane\nRiverton RT1 2AB, United Kingdom',
    },
    coverPullQuote: { text: 'A festival is a treaty that nobody has to ratify.', attribution: 'Kim Minji' },
    editorialCommittee: [
      { name: 'Lee Seojin', honorific: 'Dr', role: 'Editor', email: 'editor@example.org' },
      { name: 'Tran Bao Ngoc', honorific: 'Ms', role: 'Production Editor', email: 'production@example.org' },
    ],
    editorsIntro:
      'This issue looks at how culture and freight travel together between Korea and Southeast Asia.\n\nOur chronology covers a busy quarter of ministerial visits.',
    sections: [
      { id: 's-essays', kind: 'essays', title: 'Essays', essays: ESSAYS },
      {
        id: 's-highlights',
        kind: 'highlights',
        title: 'Highlights at the Korea Centre',
        highlights: [
          {
            id: 'h1',
            title: 'Spring Lecture Series',
            eventDate: '2024-04-18',
            photos: [
              {
                image: image('lecture-1', 1600, 1067, 'Dr Kim Minji speaking at a lectern'),
                caption: 'Dr Kim Minji opens the Spring Lecture Series.',
                positionCue: '(Top)',
              },
              {
                image: image('lecture-2', 1600, 1067, 'Audience in a lecture hall'),
                caption: 'The audience at the first lecture.',
                positionCue: '(Below)',
              },
            ],
          },
          {
            id: 'h2',
            title: 'Visit of the Vietnamese Delegation',
            eventDate: '2024-05-30',
            photos: [
              {
                image: image('delegation', 1200, 1200, 'Delegates standing in front of the Korea Centre'),
                caption: 'Nguyễn Thị Thu Hà (centre) with the delegation from Hà Nội.',
                positionCue: '(Right)',
              },
            ],
          },
        ],
      },
      {
        id: 's-forthcoming',
        kind: 'forthcoming',
        title: 'Forthcoming Publication',
        publications: [
          {
            id: 'p1',
            kind: 'forthcoming',
            title: 'The Great Powers and the Korean Peninsula',
            subtitle: 'Rivalry, Restraint and Regional Order',
            editors: ['Lee Seojin', 'Arjun Mehta'],
            publisher: 'Harbourside Academic',
            place: 'London and New York',
            year: 2025,
            cover: image('cover-great-powers', 800, 1200, 'Cover of The Great Powers and the Korean Peninsula'),
            description: [{ type: 'paragraph', runs: [{ text: 'Eleven chapters on the peninsula.' }] }],
            contents: [
              {
                title: 'Superpowers and the DPRK',
                chapters: [{ number: 1, title: 'Washington and Pyongyang', authors: ['Arjun MEHTA'] }],
              },
            ],
          },
        ],
      },
      {
        id: 's-recent',
        kind: 'recent',
        title: 'Recent Publications',
        publications: [
          {
            id: 'p2',
            kind: 'recent',
            title: 'Middle Powers in the Mekong',
            editors: ['Nguyễn Thị Thu Hà'],
            publisher: 'Riverton University Press',
            place: 'Riverton',
            year: 2024,
            cover: image('cover-mekong', 600, 900, 'Cover of Middle Powers in the Mekong'),
            description: [{ type: 'paragraph', runs: [{ text: 'A study of Korean and Japanese aid.' }] }],
            url: 'https://press.example.com/middle-powers-mekong',
            contents: [],
          },
          {
            id: 'p3',
            kind: 'recent',
            title: 'Seoul and the South China Sea',
            editors: [],
            publisher: 'Harbourside Academic',
            year: 2024,
            description: [],
            contents: [],
          },
        ],
      },
      {
        id: 's-chronology',
        kind: 'chronology',
        title: 'Primary Documents and Resources',
        chronology: {
          title: 'ASEAN - Korea Relations: A Chronology of Key Events',
          periodStart: '2024-04-01',
          periodEnd: '2024-06-30',
          compiler: 'Ms Tran Bao Ngoc',
          compilerAffiliation: 'Korea Centre',
          intro: ['Key events between Korea and the ASEAN states and Timor-Leste.'],
          sourcesNote: ['Ministries of foreign affairs; news agencies.'],
          entries: CHRONOLOGY_ENTRIES,
        },
      },
    ],
    ...overrides,
  })
}

/**
 * A heavier issue than any printed so far (four long essays, five events, 150 chronology
 * entries), to hold the HTML to its size budget with room to spare.
 */
export function makeLargeModel(): IssueModel {
  const base = makeTestModel()
  const long = 'Analysis of trade, diplomacy and culture between Korea and its southern neighbours. '.repeat(5)
  const essays: EssayModel[] = Array.from({ length: 4 }, (_, i) => ({
    ...ESSAYS[i % 2],
    id: `essay-${i}`,
    slug: `essay-${i}`,
    title: `${ESSAYS[i % 2].title} (part ${i + 1})`,
    standfirst: long,
  }))
  const entries = Array.from({ length: 150 }, (_, i) => {
    const month = 4 + (i % 3)
    const day = 1 + (i % 28)
    const date = `2024-0${month}-${String(day).padStart(2, '0')}`
    return entry(`big-${i}`, date, [long, long], ['KR'])
  }).sort((a, b) => a.startDate.localeCompare(b.startDate))
  return {
    ...base,
    sections: base.sections.map((s) => {
      if (s.kind === 'essays') return { ...s, essays }
      if (s.kind === 'chronology') return { ...s, chronology: { ...s.chronology, entries } }
      if (s.kind === 'highlights') {
        const h = s.highlights[0]
        return { ...s, highlights: Array.from({ length: 5 }, (_, i) => ({ ...h, id: `h-${i}` })) }
      }
      return s
    }),
  }
}
