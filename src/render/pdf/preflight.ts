import { checkIssueModel, type ModelCheckInput, type PreflightFinding } from '@/issue/checks'
import type { ImageModel, IssueModel } from '@/issue/model'
import { COLUMN, CONTENT_WIDTH } from '../../../templates/pdf/theme'
import { findUncoveredCharacters, type UncoveredCharacter } from './coverage'
import type { RenderIssuePdfResult } from './index'
import { MAX_HYPHENS_IN_A_ROW, type HyphenLadder } from './ladders'
import { findOverflowingWords } from './overflow'

/**
 * Print preflight: the model's own checks (src/issue/checks.ts) and what only print can get
 * wrong: characters the bulletin fonts lack, images too coarse for the width they are placed
 * at, words wider than their line, ladders of more than two hyphenated lines, and a page count that leaves blank pages in the last
 * signature. It checks the laid-out document it is given (checkRenderedIssue), so an export
 * sets the issue once; without a render (the dashboard) every check but the page count runs.
 */

/** Print wants 300 pixels per inch at the size the image is placed. */
export const MIN_PRINT_PPI = 300

const POINTS_PER_INCH = 72

/**
 * The widest an image can be placed, by where it sits (points). The templates never place
 * an image wider than this, so a resolution that passes here passes on the page.
 */
const PLACED_WIDTH = {
  figure: COLUMN.width,
  highlight: CONTENT_WIDTH,
  cover: COLUMN.width * 0.45,
} as const

export function ppiAt(image: ImageModel, placedWidthPt: number): number {
  // The print derivative is at most 2,480 px wide; a smaller original is used as it is.
  const pixels = Math.min(image.width, 2480)
  return Math.round(pixels / (placedWidthPt / POINTS_PER_INCH))
}

export interface PrintCheckInput extends ModelCheckInput {
  /** Pages of the laid-out issue; the signature check is left out without it. */
  pageCount?: number
  /** Characters no font covers, when a render already found them; otherwise scanned here. */
  uncovered?: UncoveredCharacter[]
  /** Runs of hyphenated lines the render found (only a laid-out issue has lines). */
  ladders?: HyphenLadder[]
}

/** Every image the templates print, with the widest it is placed at and where it is. */
function placedImages(model: IssueModel): Array<{ image: ImageModel; placed: number; where: string }> {
  const placed: Array<{ image: ImageModel; placed: number; where: string }> = []
  for (const section of model.sections) {
    switch (section.kind) {
      case 'essays':
        for (const essay of section.essays) {
          let figure = 0
          for (const block of essay.body) {
            if (block.type !== 'figure') continue
            figure += 1
            placed.push({ image: block.image, placed: block.placement === 'wide' ? CONTENT_WIDTH : PLACED_WIDTH.figure, where: `essay “${essay.title}”, figure ${figure}` })
          }
        }
        break
      case 'highlights':
        for (const highlight of section.highlights) {
          highlight.photos.forEach((photo, i) => placed.push({ image: photo.image, placed: PLACED_WIDTH.highlight, where: `highlight “${highlight.title}”, photo ${i + 1}` }))
        }
        break
      case 'forthcoming':
      case 'recent':
        for (const publication of section.publications) {
          if (publication.cover) placed.push({ image: publication.cover, placed: PLACED_WIDTH.cover, where: `publication “${publication.title}”, cover` })
        }
        break
      case 'chronology':
        break
    }
  }
  return placed
}

/** What only print can get wrong. */
export function checkPrint(model: IssueModel, input: Pick<PrintCheckInput, 'pageCount' | 'uncovered' | 'ladders'> = {}): PreflightFinding[] {
  const findings: PreflightFinding[] = []
  const error = (code: PreflightFinding['code'], message: string, where: string) => findings.push({ severity: 'error', code, message, where })
  const warning = (code: PreflightFinding['code'], message: string, where: string) => findings.push({ severity: 'warning', code, message, where })

  for (const { image, placed, where } of placedImages(model)) {
    const ppi = ppiAt(image, placed)
    if (ppi < MIN_PRINT_PPI) {
      warning('low-resolution-image', `The image prints at about ${ppi} ppi (${image.width} px wide); print wants ${MIN_PRINT_PPI}.`, where)
    }
  }
  for (const missing of input.uncovered ?? findUncoveredCharacters(model)) {
    error('uncovered-glyph', `No bulletin font can print “${missing.char}” (${missing.codePoint}).`, missing.where)
  }
  for (const over of findOverflowingWords(model)) {
    warning(
      'text-overflow',
      `“${over.word}” is ${over.width} pt wide and cannot be broken to fit its ${over.room} pt line: it runs past the margin. Shorten it, or add spaces or soft hyphens where it may break.`,
      over.where,
    )
  }
  for (const ladder of input.ladders ?? []) {
    warning(
      'hyphen-ladder',
      `${ladder.lines.length} lines in a row end in a hyphen (${ladder.lines.map((line) => `“${line.split(/\s+/).at(-1)}”`).join(', ')}); ` +
        `print allows at most ${MAX_HYPHENS_IN_A_ROW}. Reword a line, or add a soft hyphen or a non-breaking space, and export again.`,
      `page ${ladder.page}, ${ladder.where ? `${ladder.where}, ` : ''}paragraph beginning “${ladder.opening}”`,
    )
  }
  if (input.pageCount !== undefined && input.pageCount % 4 !== 0) {
    const needed = Math.ceil(input.pageCount / 4) * 4
    const left = needed - input.pageCount
    warning(
      'page-count',
      `The issue has ${input.pageCount} pages; printed in signatures of 4 it needs ${needed}, so ${left} page${left === 1 ? ' is' : 's are'} left blank at the end. ` +
        'Fill them under Layout, “Fill the last pages with”: a notes page, a back cover (masthead, about and subscribe text) or a house advertisement; ' +
        'or let sections flow on (“Start … on a new page” off) to save pages.',
      'whole issue',
    )
  }
  return findings
}

/** The whole print preflight of a model: its own checks, then print's. */
export function checkPrintedIssue(model: IssueModel, input: PrintCheckInput = {}): PreflightFinding[] {
  const { pageCount, uncovered, ladders, ...modelInput } = input
  return [...checkIssueModel(model, modelInput), ...checkPrint(model, { pageCount, uncovered, ladders })]
}

/** The print preflight of a laid-out issue: its page count, the characters its render could not print, its hyphenation ladders. */
export function checkRenderedIssue(
  model: IssueModel,
  rendered: Pick<RenderIssuePdfResult, 'pageCount' | 'uncoveredCharacters' | 'hyphenLadders'>,
  input: ModelCheckInput = {},
): PreflightFinding[] {
  return checkPrintedIssue(model, { ...input, pageCount: rendered.pageCount, uncovered: rendered.uncoveredCharacters, ladders: rendered.hyphenLadders })
}
