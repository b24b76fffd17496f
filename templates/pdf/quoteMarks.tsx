import { Path, Svg, View } from '@react-pdf/renderer'
import type { Style } from '@react-pdf/types'

/**
 * The cover quote's big quotation marks, drawn as shapes rather than set as text. They are
 * ornaments: as text each was a block of its own that text extractors (pdftotext, screen
 * readers) read alone on a line, and the closing mark, right-aligned in the front-matter
 * column, let the essay column beside it count as overlapping that column, so the lead
 * essay's title and byline were read in the middle of the contents.
 *
 * Outlines of U+201C and U+201D in Noto Serif Bold (the face they were set in), in font units
 * (1000 an em, y up from the baseline), with their advance widths.
 */
const GLYPHS = {
  open: {
    advance: 489,
    d: 'M357 408Q315 408 290 437.5Q265 467 265 518Q265 582 306 635Q347 688 444 714L444 662Q416 652 396 641.5Q376 631 366 617.5Q356 604 356 584Q356 570 367 562Q378 554 392.5 546Q407 538 418 522.5Q429 507 429 477Q429 444 408.5 426Q388 408 357 408ZM148 408Q106 408 81 437.5Q56 467 56 518Q56 582 97 635Q138 688 235 714L235 662Q207 652 186.5 641.5Q166 631 156.5 617.5Q147 604 147 584Q147 570 158 562Q169 554 183.5 546Q198 538 209 522.5Q220 507 220 477Q220 444 199.5 426Q179 408 148 408Z',
  },
  close: {
    advance: 489,
    d: 'M254 460Q284 471 303.5 481.5Q323 492 332.5 505.5Q342 519 342 538Q342 552 331 559.5Q320 567 305.5 575.5Q291 584 280 599.5Q269 615 269 645Q269 679 289.5 696.5Q310 714 341 714Q383 714 408 684.5Q433 655 433 604Q433 540 392.5 487Q352 434 254 408ZM45 460Q75 471 94.5 481.5Q114 492 123.5 505.5Q133 519 133 538Q133 552 122 559.5Q111 567 96.5 575.5Q82 584 71 599.5Q60 615 60 645Q60 679 80.5 696.5Q101 714 132 714Q174 714 199 684.5Q224 655 224 604Q224 540 183.5 487Q143 434 45 408Z',
  },
} as const

// Where react-pdf puts the baseline of a line set solid (lineHeight 1) in Noto Serif, in ems
// from its top: the face's ascent (the descent hangs below the line box).
const BASELINE_EM = 1.069

/** A quotation mark `size` points high, in a box as tall as a solid line of that size. */
export function QuoteMark({ mark, size, color, style }: { mark: keyof typeof GLYPHS; size: number; color: string; style?: Style }) {
  const glyph = GLYPHS[mark]
  return (
    <View style={style ?? { height: size }}>
      <Svg
        width={(glyph.advance / 1000) * size}
        height={size}
        viewBox={`0 0 ${glyph.advance} 1000`}
        style={{ alignSelf: mark === 'open' ? 'flex-start' : 'flex-end' }}
      >
        <Path d={glyph.d} fill={color} transform={`translate(0 ${BASELINE_EM * 1000}) scale(1 -1)`} />
      </Svg>
    </View>
  )
}
