import { describe, expect, it } from 'vitest'
import { COUNTRY_CODES, COUNTRY_NAMES, suggestCountries } from '@/chronology/parse'

const MENTIONS: [string, string[]][] = [
  ['BN', ['Brunei Darussalam co-chaired', 'a Bruneian delegation', 'in Bandar Seri Begawan']],
  ['KH', ['Cambodia handed over', 'the Cambodian Army', 'met in Phnom Penh']],
  ['ID', ['Indonesia and others', 'Indonesian officials', 'held in Jakarta']],
  ['LA', ['in Laos', 'Lao PDR', "the Lao People's Revolutionary Party", 'departed Vientiane', 'held in Luang Prabang']],
  ['MY', ['Malaysia', 'Malaysian ministers', 'in Kuala Lumpur']],
  ['MM', ['Myanmar', 'Myanmar nationals', 'formerly Burma', 'in Nay Pyi Taw']],
  ['PH', ['the Philippines', 'Filipino workers', 'Philippine Navy', 'in Manila']],
  ['SG', ['Singapore', 'Singaporean firms', 'a S$2 million grant']],
  ['TH', ['Thailand', 'Thai Prime Minister', 'in Bangkok']],
  ['VN', ['Vietnam', 'Viet Nam', 'Vietnamese workers', 'held in Hanoi', 'tại Hà Nội']],
  ['TL', ['Timor-Leste', 'East Timor', 'Timorese leaders', 'in Dili']],
  ['KR', ['the ROK', 'South Korea', 'the Republic of Korea', 'Korea-ASEAN', 'Korean culture', 'in Seoul', '한국']],
  ['KP', ['the DPRK', 'North Korea', 'a North Korean delegation', 'returned to Pyongyang', "the Democratic People's Republic of Korea", 'Kim Jong Un', '북한']],
]

describe('suggestCountries', () => {
  it.each(MENTIONS)('%s from its name, demonym, capital or abbreviation', (code, phrases) => {
    for (const phrase of phrases) expect(suggestCountries(phrase), phrase).toEqual([code])
  })

  it('does not take North Korea for (South) Korea', () => {
    expect(suggestCountries("A North Korean Worker's Party of Korea (WPK) delegation")).toEqual(['KP'])
    expect(suggestCountries('the Democratic People’s Republic of Korea')).toEqual(['KP'])
    expect(suggestCountries('Korea')).toEqual(['KR'])
    expect(suggestCountries('North Korea and South Korea met')).toEqual(['KR', 'KP'])
    expect(suggestCountries('the ROK and the DPRK')).toEqual(['KR', 'KP'])
  })

  it('suggests neither Korea for the peninsula as a whole', () => {
    expect(suggestCountries('peace on the Korean Peninsula and inter-Korean talks')).toEqual([])
  })

  it('does not find countries inside other words or amounts', () => {
    expect(suggestCountries('US$39 million for a Thaiwanese Laotse Koreana, the rok')).toEqual([])
  })

  it('returns each code once, in the order of the code table', () => {
    expect(suggestCountries('Vietnam, ROK, Cambodia, Vietnam again, Brunei')).toEqual(['BN', 'KH', 'VN', 'KR'])
  })

  it('knows the ten ASEAN members, Timor-Leste and both Koreas, each with a display name', () => {
    expect(COUNTRY_CODES).toEqual(['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL', 'KR', 'KP'])
    expect(MENTIONS.map(([code]) => code)).toEqual(COUNTRY_CODES) // every code is tested above
    for (const code of COUNTRY_CODES) expect(COUNTRY_NAMES[code]).toMatch(/\p{L}/u)
  })
})
