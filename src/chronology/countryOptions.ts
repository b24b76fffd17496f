/** The countries a chronology entry can involve: ASEAN members, Timor-Leste and the two Koreas. */
export const COUNTRIES = {
  BN: 'Brunei',
  KH: 'Cambodia',
  ID: 'Indonesia',
  LA: 'Laos',
  MY: 'Malaysia',
  MM: 'Myanmar',
  PH: 'Philippines',
  SG: 'Singapore',
  TH: 'Thailand',
  VN: 'Vietnam',
  TL: 'Timor-Leste',
  KR: 'Republic of Korea',
  KP: 'DPRK',
} as const

export type CountryCode = keyof typeof COUNTRIES

export const COUNTRY_OPTIONS = Object.entries(COUNTRIES).map(([value, label]) => ({ value, label }))
