/**
 * Countries involved in a chronology entry, suggested from its text for the editor to
 * confirm. Codes follow ISO 3166 alpha-2 so they stay stable whatever the display name.
 */
import { COUNTRIES, type CountryCode } from './countryOptions'

// One table of codes and display names for the whole feature: the collection's select
// options (./countryOptions, owned with collections/ChronologyEntries.ts) are that table.
export { COUNTRIES as COUNTRY_NAMES, type CountryCode } from './countryOptions'

/** The codes in table order: ASEAN members alphabetically, then Timor-Leste and the two Koreas. */
export const COUNTRY_CODES: readonly CountryCode[] = Object.keys(COUNTRIES) as CountryCode[]

interface Mentions {
  /** Names, demonyms, capitals: matched whatever the case. */
  names: string[]
  /** Abbreviations: matched as written, so "rok" in a word or "Rok" never counts. */
  abbreviations?: string[]
}

const APOSTROPHE = `['’]?`

const MENTIONS: Record<Exclude<CountryCode, 'KR' | 'KP'>, Mentions> = {
  BN: { names: ['Brunei(?:ans?)?', 'Bandar Seri Begawan'] },
  KH: { names: ['Cambodians?', 'Cambodia', 'Khmer', 'Phnom Penh'] },
  ID: { names: ['Indonesians?', 'Indonesia', 'Jakarta'] },
  LA: { names: ['Laos', 'Laotians?', 'Lao', 'Vientiane', 'Luang Prabang'] },
  MY: { names: ['Malaysians?', 'Malaysia', 'Kuala Lumpur', 'Putrajaya'] },
  MM: { names: ['Myanmar', 'Burma', 'Burmese', 'Nay ?Pyi ?Taw', 'Naypyidaw', 'Yangon'] },
  PH: { names: ['Philippines?', 'Filipin[oa]s?', 'Manila'] },
  SG: { names: ['Singaporeans?', 'Singapore'], abbreviations: ['S\\$'] },
  TH: { names: ['Thailand', 'Thais?', 'Bangkok'] },
  VN: { names: ['Viet ?nam(?:ese)?', 'Việt Nam', 'Hanoi', 'Ha Noi', 'Hà Nội', 'Ho Chi Minh City'] },
  TL: { names: ['Timor[- ]Leste', 'East Timor(?:ese)?', 'Timorese', 'Dili'] },
}

// North Korea is found first and cut out of the text, so that "North Korean" or "Workers'
// Party of Korea" cannot also count as a mention of (South) Korea.
const NORTH_KOREA: Mentions = {
  names: [
    `Democratic People${APOSTROPHE}s Republic of Korea`,
    'North Koreans?',
    'North Korea',
    'Pyongyang',
    `Workers?${APOSTROPHE}s? Party of Korea`,
    'Korean Central News Agency',
    `Korean People${APOSTROPHE}s Army`,
    'Kim Jong[- ]?(?:Un|Il)',
    'Kim Il[- ]?Sung',
    'Kimilsungia',
    '북한',
    '조선민주주의인민공화국',
  ],
  abbreviations: ['DPRK', 'WPK', 'KCNA', 'N\\. ?Korea'],
}

// Mentions of both Koreas or of neither: not a suggestion for either.
const NEITHER_KOREA = ['Korean Peninsula', 'inter-Korean', 'two Koreas', 'Koreas']

const SOUTH_KOREA: Mentions = {
  names: ['South Koreans?', 'Republic of Korea', 'Koreans?', 'Korea', 'Seoul', 'Busan', 'Incheon', '대한민국', '한국', '남한'],
  abbreviations: ['ROK', 'S\\. ?Korea'],
}

// \b does not know letters outside ASCII ("Hà Nội"), so word edges are spelled out. A digit
// may follow ("S$39").
function wordsPattern(words: string[], flags: string): RegExp {
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${words.join('|')})(?!\p{L})`, flags)
}

function patternsFor(mentions: Mentions, global = ''): RegExp[] {
  const patterns = [wordsPattern(mentions.names, `${global}iu`)]
  if (mentions.abbreviations) patterns.push(wordsPattern(mentions.abbreviations, `${global}u`))
  return patterns
}

const ASEAN_AND_TIMOR = (Object.keys(MENTIONS) as (keyof typeof MENTIONS)[]).map(
  (code) => [code, patternsFor(MENTIONS[code])] as const,
)
const NORTH = patternsFor(NORTH_KOREA)
const NORTH_CUT = [...patternsFor(NORTH_KOREA, 'g'), wordsPattern(NEITHER_KOREA, 'giu')]
const SOUTH = patternsFor(SOUTH_KOREA)

/** Country codes suggested by the text, in the order of COUNTRY_CODES. */
export function suggestCountries(text: string): CountryCode[] {
  const plain = text.normalize('NFC').replace(/[‘’‛′]/g, "'")
  const found = new Set<CountryCode>()
  const mentioned = (patterns: RegExp[], where: string): boolean => patterns.some((p) => p.test(where))
  for (const [code, patterns] of ASEAN_AND_TIMOR) if (mentioned(patterns, plain)) found.add(code)
  if (mentioned(NORTH, plain)) found.add('KP')
  const withoutNorth = NORTH_CUT.reduce((rest, p) => rest.replace(p, ' '), plain)
  if (mentioned(SOUTH, withoutNorth)) found.add('KR')
  return COUNTRY_CODES.filter((code) => found.has(code))
}
