/**
 * Page geometry, colours and type for the printed bulletin. The compositor in
 * src/render/pdf places column pages by these numbers, so both sides import them
 * from here and never restate them.
 */

/** A4 in PDF points. */
export const PAGE = { width: 595.28, height: 841.89 } as const

export const MARGIN = { top: 50, bottom: 66, left: 50, right: 50 } as const

export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right

export const GUTTER = 19.28

/** One text column of the two-column essay pages. */
export const COLUMN = {
  width: (CONTENT_WIDTH - GUTTER) / 2,
  height: PAGE.height - MARGIN.top - MARGIN.bottom,
} as const

/** Height the masthead takes above the columns on page 1 (including the space below it). */
export const MASTHEAD_HEIGHT = 92

/** Baseline area of the running footer, measured from the bottom edge. */
export const FOOTER = { ruleFromBottom: 46, textFromBottom: 30 } as const

/** Left edge of column 0 and 1. */
export const COLUMN_X = [MARGIN.left, MARGIN.left + COLUMN.width + GUTTER] as const

/** Registered font family names (see src/render/pdf/fonts.ts). */
export const FAMILY = {
  serif: 'BulletinSerif',
  sans: 'BulletinSans',
  hangul: 'BulletinHangul',
} as const

/** Font stacks: Hangul falls back to Noto Sans KR, glyph by glyph. */
export const SERIF = [FAMILY.serif, FAMILY.hangul]
export const SANS = [FAMILY.sans, FAMILY.hangul]

export const COLOR = {
  ink: '#1c1f24',
  navy: '#14325c',
  accent: '#b3242f',
  muted: '#5a6372',
  rule: '#c4cbd5',
  tint: '#eef2f7',
  tintStrong: '#dde5ef',
  link: '#1c4f8c',
  white: '#ffffff',
} as const

/** Body text size and leading; every style that sets lineHeight also sets fontSize (react-pdf
 * resolves a unitless lineHeight against the element's own fontSize, defaulting to 18). */
export const BODY = { fontSize: 9.4, lineHeight: 1.42 } as const

/**
 * Cost of a hyphenated line break for react-pdf's Knuth-Plass line breaker (its default for
 * justified text is 100), set on running text. Higher: fewer hyphens, and so fewer ladders of
 * hyphenated lines; the breaker has no hard limit on consecutive hyphens, only a fixed extra
 * cost for two in a row.
 */
export const HYPHENATION_PENALTY = 1000
