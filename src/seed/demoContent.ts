/**
 * The demo issue: original and clearly fictional (invented people, institute and events),
 * shaped like a real quarter of the bulletin so every section and edge case is exercised.
 */
import type { DemoImageSpec } from './images'

export const DEMO_SLUG = 'demo'

export const demoSettings = {
  bulletinName: 'Korea Bulletin',
  institute: 'Institute of Asian Affairs, Northbridge University (demo)',
  centre: 'Korea Centre',
  aboutText:
    'The Korea Bulletin is a quarterly publication of the Korea Centre at the Institute of Asian Affairs. It carries essays, news of the Centre and a chronology of relations between Korea and Southeast Asia. This is demonstration content: the people, institutions and events in it are invented.',
  aboutUrl: 'https://example.org/korea-centre',
  rightsText:
    'All rights to this publication belong to the Institute of Asian Affairs. The views expressed are those of the authors and not of the Institute.',
  correspondence: { name: 'Ms Tran Thi Lan', email: 'korea-bulletin@example.org' },
  postalAddress: 'Korea Centre, Institute of Asian Affairs, 12 Harbour Road, Northbridge 1042',
  email: { fromName: 'Korea Bulletin', fromAddress: 'korea-bulletin@example.org', replyTo: 'korea-bulletin@example.org' },
}

export const demoUsers = [
  { role: 'admin', name: 'Demo Admin', email: 'admin@demo.bulletin.test', password: 'demo-admin-2024' },
  { role: 'editor', name: 'Dr Hannah Ong', email: 'editor@demo.bulletin.test', password: 'demo-editor-2024' },
  { role: 'productionEditor', name: 'Ms Priya Raman', email: 'production@demo.bulletin.test', password: 'demo-production-2024' },
  { role: 'editorialAssistant', name: 'Ms Tran Thi Lan', email: 'assistant@demo.bulletin.test', password: 'demo-assistant-2024' },
] as const

export const demoCommittee = [
  { honorific: 'Dr', name: 'Hannah Ong', role: 'Editor', email: 'hannah.ong@example.org' },
  { honorific: 'Ms', name: 'Priya Raman', role: 'Production Editor', email: 'priya.raman@example.org' },
  { honorific: 'Ms', name: 'Tran Thi Lan', role: 'Editorial Assistant', email: 'tran.thilan@example.org' },
]

export const demoImages: Record<string, DemoImageSpec> = {
  festival: { name: 'demo-festival.jpg', label: 'Lantern festival, Vientiane', width: 2400, height: 1600, hue: 20, kind: 'photo' },
  poster: { name: 'demo-film-poster.jpg', label: 'THE QUIET RIVER\n(a film)', width: 1400, height: 2000, hue: 210, kind: 'poster' },
  harbour: { name: 'demo-harbour.jpg', label: 'Fishing harbour at dawn', width: 2400, height: 1600, hue: 190, kind: 'photo' },
  forum: { name: 'demo-forum.jpg', label: 'Korea–ASEAN Youth Forum', width: 2400, height: 1600, hue: 120, kind: 'photo' },
  lecture: { name: 'demo-lecture.jpg', label: 'Public lecture', width: 2400, height: 1600, hue: 45, kind: 'photo' },
  visit: { name: 'demo-visit.jpg', label: 'Delegation visit', width: 2400, height: 1600, hue: 280, kind: 'photo' },
  workshop: { name: 'demo-workshop.jpg', label: 'Translation workshop', width: 2400, height: 1600, hue: 330, kind: 'photo' },
  concert: { name: 'demo-concert.jpg', label: 'Gayageum recital', width: 2400, height: 1600, hue: 0, kind: 'photo' },
  coverForthcoming: { name: 'demo-cover-dprk.jpg', label: 'The Great Powers\nand the DPRK', width: 1200, height: 1800, hue: 350, kind: 'cover' },
  coverRecent1: { name: 'demo-cover-maritime.jpg', label: 'Seas of\nCooperation', width: 1200, height: 1800, hue: 200, kind: 'cover' },
  coverRecent2: { name: 'demo-cover-hallyu.jpg', label: 'Hallyu in\nSoutheast Asia', width: 1200, height: 1800, hue: 150, kind: 'cover' },
}

export const demoAuthors = {
  kim: {
    honorific: 'Dr',
    name: 'KIM Minji',
    nameInScript: '김민지',
    affiliations: [
      'Non-resident Senior Fellow at the Centre for Regional Dialogue (demo) and Professor of Cultural Studies at Hanbit University (demo)',
    ],
    privateEmail: 'minji.kim@example.org',
  },
  nguyen: {
    honorific: 'Dr',
    name: 'Nguyễn Thị Thu Hà',
    affiliations: ['Senior Research Fellow, Institute of Asian Affairs (demo)', 'Adjunct Lecturer in Maritime Law, Northbridge University (demo)'],
    privateEmail: 'thuha.nguyen@example.org',
  },
  park: { honorific: 'Prof', name: 'PARK Joon-ho', nameInScript: '박준호', affiliations: ['Professor of International Relations, Hanbit University (demo)'] },
  santos: { honorific: 'Dr', name: 'Maria Santos', affiliations: ['Research Associate, Korea Centre (demo)'] },
} as const

/** Chronology of the demo quarter: [start, end, text paragraphs...]. */
export const demoChronology: Array<[string, string, ...string[]]> = [
  ['2024-04-01', '2024-04-01', 'The (fictional) Vietnamese Vice Minister of Culture Phan Chí Hiếu opened a Korean film week in Hà Nội with Korean Ambassador Lee Jae-won, screening twelve films with Vietnamese subtitles.'],
  ['2024-04-01', '2024-04-01', 'Singapore and the Republic of Korea (ROK) held a first round of talks on a green shipping corridor, aiming to cut CO₂ emissions on container routes by 2030.'],
  ['2024-04-02', '2024-04-03', 'A delegation of the Philippine House of Representatives visited Seoul to discuss seasonal worker programmes; both sides agreed on a PHP 50 million fund for pre-departure training.'],
  ['2024-04-04', '2024-04-04', 'Thailand\'s Ministry of Commerce and the Korea Trade Agency signed a memorandum on electric-vehicle supply chains in Bangkok.'],
  ['2024-04-05', '2024-04-07', 'The demo "Mekong–Han River Forum" met in Vientiane, bringing together officials from Laos, Cambodia, Myanmar, Thailand and Vietnam with Korean counterparts.', 'Participants adopted a joint statement on water data sharing and flood early-warning systems.'],
  ['2024-04-08', '2024-04-08', 'Malaysia and the ROK concluded the fourth round of negotiations on a bilateral free trade agreement in Kuala Lumpur.'],
  ['2024-04-09', '2024-04-09', 'The DPRK\'s ambassador to Indonesia met Indonesian parliamentarians in Jakarta, according to a (fictional) statement by the embassy.'],
  ['2024-04-10', '2024-04-10', 'The ROK held National Assembly elections; ASEAN missions in Seoul observed polling in three districts.'],
  ['2024-04-11', '2024-04-12', 'Brunei hosted a regional workshop on halal certification with the Korea Food Industry Association (demo), attended by 80 exporters.'],
  ['2024-04-15', '2024-04-15', 'Korea pledged US$39 million to a Timor-Leste rural roads programme during a visit to Dili by a (fictional) vice-minister of land.'],
  ['2024-04-16', '2024-04-18', 'Cambodian and Korean coast guards held joint search-and-rescue drills in the Gulf of Thailand.'],
  ['2024-04-18', '2024-04-18', 'Singapore\'s Minister for Trade met Korea\'s Minister of Trade in Seoul; they discussed digital trade rules and announced an S$20 million start-up exchange.'],
  // A long entry, which goes on to the next page in the demo's PDF: its day cell is repeated there, marked "(cont.)".
  [
    '2024-04-22',
    '2024-04-22',
    'A Korean cultural centre opened in Yangon\'s Bahan township, offering free Korean language classes.',
    'The centre (demo) occupies two floors of a restored colonial house and holds a library of 4,000 Korean books and films, a small auditorium for screenings and lectures, and three classrooms. Its first term enrolled 260 students, most of them university students and young professionals hoping to work for Korean companies in Myanmar or in Korea under the Employment Permit System.',
    'At the opening, the (fictional) director of the centre said that language teaching would be joined by courses on Korean cooking, calligraphy and film, and by a programme of exchanges with Korean universities. Local teachers of Korean, trained in Seoul over the past three years, will take most of the classes; volunteers from the Korea International Cooperation Agency will help in the first year.',
    'The embassy (demo) announced that a second centre would open in Mandalay next year if funding allows, and that the scholarships it offers for study in Korea would rise from 20 to 35 a year, with places kept for students from outside the two largest cities.',
  ],
  ['2024-04-23', '2024-04-26', 'The Korea–ASEAN Youth Forum (demo) was held in Busan with 120 students from all ten ASEAN member states and Timor-Leste.'],
  // The compiler lists a day's multi-day entry before its one-day entry: that order is kept.
  ['2024-04-23', '2024-04-23', 'Vietnamese and Korean defence officials (demo) held their annual policy dialogue in Hà Nội.'],
  ['2024-04-29', '2024-05-02', 'The President of the Philippines made a state visit to the ROK; the two leaders witnessed the signing of agreements on nuclear energy research and infrastructure.', 'A joint statement welcomed a ₩1.2 trillion (around US$900 million) package of concessional loans.'],
  ['2024-05-02', '2024-05-02', 'Vietnam\'s Ministry of Labour and the ROK\'s Ministry of Employment agreed to expand the Employment Permit System quota for Vietnamese workers.'],
  ['2024-05-03', '2024-05-03', 'Laos and Korea opened a new direct flight between Vientiane and Incheon.'],
  ['2024-05-03', '2024-05-03', 'The ROK\'s foreign ministry summoned the DPRK-related desk of a (fictional) trading company over sanctions evasion through a Southeast Asian port.'],
  ['2024-05-07', '2024-05-08', 'Indonesian and Korean defence officials met in Jakarta to review the joint fighter jet programme.'],
  ['2024-05-09', '2024-05-09', 'Thailand and the ROK marked 66 years of diplomatic relations with a concert of Thai and Korean traditional music in Seoul.'],
  ['2024-05-12', '2024-05-13', 'The Mekong-Korea Cooperation Fund (demo) approved eleven new projects on agriculture and digital skills.'],
  ['2024-05-14', '2024-05-14', 'Malaysian Prime Minister\'s special envoy met Korean business leaders in Seoul to promote semiconductor investment in Penang.'],
  ['2024-05-15', '2024-05-15', 'A DPRK delegation visited Phnom Penh and met officials of Cambodia\'s foreign ministry.'],
  ['2024-05-16', '2024-05-18', 'Korea Centre researchers presented at the (demo) Northbridge Conference on Asian Regionalism; Dr KIM Minji spoke on popular culture and soft power.'],
  ['2024-05-20', '2024-05-20', 'Myanmar\'s national football team played a friendly match against a Korean university selection in Mandalay.'],
  ['2024-05-21', '2024-05-21', 'Singapore and Korea signed an agreement on the mutual recognition of electronic signatures.'],
  ['2024-05-21', '2024-05-21', 'Vietnam\'s Quảng Ninh province welcomed a Korean investment delegation of 40 companies.'],
  ['2024-05-23', '2024-05-24', 'Brunei\'s Crown Prince (fictional itinerary) visited the Korea Institute of Energy Research in Daejeon.'],
  ['2024-05-27', '2024-05-27', 'The Philippines and Korea held their first maritime dialogue in Manila, discussing the South China Sea and port security.'],
  ['2024-05-28', '2024-05-31', 'Korean naval vessels made a port call in Sihanoukville, Cambodia; crews held a friendship football match with the Royal Cambodian Navy.'],
  ['2024-06-03', '2024-06-03', 'Timor-Leste and the ROK signed an agreement on Korean language teaching in five secondary schools in Dili.'],
  ['2024-06-04', '2024-06-05', 'The Korea-ASEAN Summit (demo edition) was held in Seoul under the theme "Together towards a Sustainable Future".', 'Leaders endorsed a plan of action for 2026–2030 and welcomed Timor-Leste\'s observer participation.'],
  ['2024-06-04', '2024-06-04', 'On the sidelines of the summit, Thai and Korean ministers agreed on a visa waiver review mechanism.'],
  ['2024-06-07', '2024-06-08', 'A Korean medical volunteer team treated 1,300 patients in Luang Prabang, Laos.'],
  ['2024-06-10', '2024-06-10', 'The Indonesian Ministry of Industry and Hyundai-like (fictional) carmaker "Hanbit Motors" opened a battery plant near Karawang.'],
  ['2024-06-12', '2024-06-13', 'Malaysia hosted the ASEAN-Korea Centre\'s (demo) trade and investment fair in Kuala Lumpur, with 95 Korean exhibitors.'],
  ['2024-06-14', '2024-06-14', 'Vietnamese Deputy Prime Minister Trần Hồng Hà (fictional agenda) met Korean environment officials in Hà Nội on waste-water treatment.'],
  ['2024-06-17', '2024-06-17', 'The DPRK\'s foreign ministry issued a statement criticising joint exercises; Southeast Asian governments called for restraint.'],
  ['2024-06-19', '2024-06-21', 'Singapore hosted a (demo) Korea–ASEAN cybersecurity exercise with teams from eight ASEAN countries.'],
  ['2024-06-20', '2024-06-20', 'Korea announced 300 new Global Korea Scholarships (demo figures) for students from ASEAN countries.'],
  ['2024-06-24', '2024-06-24', 'Myanmar\'s civil society groups met ROK parliamentarians in Seoul to discuss humanitarian assistance.'],
  ['2024-06-26', '2024-06-26', 'The Korea Centre hosted a public lecture by Prof PARK Joon-ho (박준호) on the DPRK\'s diplomacy in Southeast Asia.'],
  ['2024-06-29', '2024-07-04', 'A Cambodian parliamentary delegation visited the ROK, meeting the Speaker of the National Assembly and touring industrial parks in Ulsan.'],
  ['2024-06-30', '2024-07-03', 'Korean and Philippine universities held a joint summer school on disaster management in Cebu.'],
]

/** A highlights group without a title: one caption covers its three photos. */
export const demoGroupCaption =
  '(Top) The Centre\'s director with a visiting delegation (demo). (Below, from left) Students at the Youth Forum and (right) the audience of a public lecture.'

export const demoChronologyIntro = [
  'This chronology records events in relations between the Republic of Korea, the DPRK and the member states of ASEAN and Timor-Leste during the quarter. It is compiled from public sources; the entries in this demonstration issue are invented.',
]

export const demoSourcesNote = [
  'This chronology of events is cross-referenced from the following ministries, institutions, and news sources: (demo) Ministry of Foreign Affairs of the Republic of Korea; ASEAN Secretariat; Korea Trade Agency; Vientiane Daily; Hà Nội Times; Manila Courier; Straits Observer; Jakarta Ledger; Phnom Penh Review; Korea Herald (demo); Yonhap-style wire reports (demo).',
]
