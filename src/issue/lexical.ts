import { allowedLinkUrl } from './links'
import type { Block, ImageModel, Run } from './model'

/**
 * Lexical's stored JSON reduced to the small render tree the templates draw: paragraphs,
 * headings, quotes, lists, pull quotes and figures, with bold, italic and links as marks.
 * Unknown nodes keep their text rather than vanish, and a link to anything but http, https
 * or mailto keeps its text without the link (./links.ts).
 */

export interface LexicalNodeJson {
  type?: string
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  children?: LexicalNodeJson[]
  fields?: Record<string, unknown>
  value?: unknown
  relationTo?: string
}

const BOLD = 1
const ITALIC = 2

export type ResolveImage = (value: unknown) => ImageModel | undefined
/** Told of each link left out, with its address as stored (preflight names them). */
export type OnRefusedLink = (href: string) => void

function runsOfNodes(nodes: LexicalNodeJson[] | undefined, onRefused: OnRefusedLink, marks: Omit<Run, 'text'> = {}): Run[] {
  const runs: Run[] = []
  for (const node of nodes ?? []) {
    if (node.type === 'text' && typeof node.text === 'string') {
      const format = typeof node.format === 'number' ? node.format : 0
      const run: Run = { text: node.text, ...marks }
      if (format & BOLD) run.bold = true
      if (format & ITALIC) run.italic = true
      runs.push(run)
    } else if (node.type === 'linebreak') {
      runs.push({ text: '\n', ...marks })
    } else if (node.type === 'link' || node.type === 'autolink') {
      const stored = typeof node.fields?.url === 'string' ? node.fields.url : undefined
      const url = allowedLinkUrl(stored)
      if (stored !== undefined && stored.trim() && !url) onRefused(stored)
      runs.push(...runsOfNodes(node.children, onRefused, url ? { ...marks, href: url } : marks))
    } else if (node.children) {
      runs.push(...runsOfNodes(node.children, onRefused, marks))
    }
  }
  return mergeRuns(runs)
}

/** Adjacent runs with the same marks become one, so templates draw fewer spans. */
function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = []
  for (const run of runs) {
    const last = merged[merged.length - 1]
    if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href) {
      last.text += run.text
    } else {
      merged.push({ ...run })
    }
  }
  return merged
}

const hasText = (runs: Run[]) => runs.some((run) => run.text.trim() !== '')

export function lexicalToBlocks(document: unknown, resolveImage: ResolveImage, onRefusedLink: OnRefusedLink = () => {}): Block[] {
  const runsOf = (nodes: LexicalNodeJson[] | undefined) => runsOfNodes(nodes, onRefusedLink)
  const root = (document as { root?: LexicalNodeJson } | null | undefined)?.root
  const blocks: Block[] = []
  for (const node of root?.children ?? []) {
    switch (node.type) {
      case 'paragraph': {
        const runs = runsOf(node.children)
        if (hasText(runs)) blocks.push({ type: 'paragraph', runs })
        break
      }
      case 'heading': {
        const level = Math.min(4, Math.max(2, Number(node.tag?.slice(1)) || 2)) as 2 | 3 | 4
        blocks.push({ type: 'heading', level, runs: runsOf(node.children) })
        break
      }
      case 'quote':
        blocks.push({ type: 'quote', runs: runsOf(node.children) })
        break
      case 'list':
        blocks.push({
          type: 'list',
          ordered: node.listType === 'number',
          items: (node.children ?? []).map((item) => runsOf(item.children)),
        })
        break
      case 'block': {
        const fields = node.fields ?? {}
        if (fields.blockType === 'pullQuote' && typeof fields.text === 'string' && fields.text.trim()) {
          blocks.push({
            type: 'pullQuote',
            text: fields.text.trim(),
            attribution: typeof fields.attribution === 'string' && fields.attribution ? fields.attribution : undefined,
          })
        } else if (fields.blockType === 'figure') {
          const image = resolveImage(fields.image)
          if (image) {
            const placement = ['column', 'wide', 'left', 'right'].includes(String(fields.placement))
              ? (fields.placement as 'column' | 'wide' | 'left' | 'right')
              : 'column'
            blocks.push({
              type: 'figure',
              image,
              caption: typeof fields.caption === 'string' ? fields.caption : '',
              credit: (typeof fields.credit === 'string' && fields.credit) || image.credit,
              placement,
            })
          }
        }
        break
      }
      case 'upload': {
        const image = node.relationTo === 'media' ? resolveImage(node.value) : undefined
        if (image) blocks.push({ type: 'figure', image, caption: '', credit: image.credit, placement: 'column' })
        break
      }
      case 'horizontalrule':
        break
      default: {
        const runs = runsOf(node.children)
        if (hasText(runs)) blocks.push({ type: 'paragraph', runs })
      }
    }
  }
  return blocks
}

/** Plain paragraphs from a textarea: blank lines separate them. */
export function paragraphsOf(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
}
