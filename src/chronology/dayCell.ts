/**
 * The day cell of a chronology entry, printed in one house style from the stored dates:
 * "1st", "3rd–4th", "29th June – 4th July", "30th December 2024 – 2nd January 2025".
 * Renderers (PDF, email, web) all call this, so the style lives in one place.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? ''
}

export function ordinal(day: number): string {
  const tens = day % 100
  if (tens >= 11 && tens <= 13) return `${day}th`
  switch (day % 10) {
    case 1:
      return `${day}st`
    case 2:
      return `${day}nd`
    case 3:
      return `${day}rd`
    default:
      return `${day}th`
  }
}

interface YMD {
  year: number
  month: number
  day: number
}

export function splitIsoDate(iso: string): YMD {
  const [year, month, day] = iso.split('-').map(Number)
  return { year, month, day }
}

/** The day cell for an entry from its start and end dates (YYYY-MM-DD). */
export function formatDayCell(startDate: string, endDate: string = startDate): string {
  const start = splitIsoDate(startDate)
  const end = splitIsoDate(endDate)
  if (startDate === endDate) return ordinal(start.day)
  if (start.year !== end.year) {
    return `${ordinal(start.day)} ${monthName(start.month)} ${start.year} – ${ordinal(end.day)} ${monthName(end.month)} ${end.year}`
  }
  if (start.month !== end.month) {
    return `${ordinal(start.day)} ${monthName(start.month)} – ${ordinal(end.day)} ${monthName(end.month)}`
  }
  return `${ordinal(start.day)}–${ordinal(end.day)}`
}

/** The month heading an entry is filed under: "April 2024". */
export function formatMonthHeading(isoDate: string): string {
  const { year, month } = splitIsoDate(isoDate)
  return `${monthName(month)} ${year}`
}
