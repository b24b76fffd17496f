/**
 * Hyphenation ladders: runs of lines that all end in a hyphen. A copy editor allows at most
 * two in a row. react-pdf cannot be told so: words are split into syllables before lines are
 * broken (the hyphenation callback sees a word, never the lines above it), and its line
 * breaker has only a fixed extra cost for two hyphens in a row, no limit. So ladders are
 * found in the laid-out document of each part (./layOut.ts) and print
 * preflight names them for the production editor to fix (a soft hyphen, a reworded line).
 */

/** The most hyphenated lines in a row a paragraph may have. */
export const MAX_HYPHENS_IN_A_ROW = 2

/** A run of hyphenated lines, as found in one rendered part. */
export interface HyphenLadder {
  /** 0-based page of the rendered part; 1-based page of the issue in RenderIssuePdfResult. */
  page: number
  /** The essay or section it is in ("essay “…”"), when the part marks it. */
  where?: string
  /** The first words of the paragraph (of its part on this page, when it was split). */
  opening: string
  /** The lines of the run, each ending in its hyphen. */
  lines: string[]
}

/** The little of react-pdf's laid-out tree (its internal layout) that the search reads. */
interface LaidOutNode {
  type?: string
  value?: string
  props?: { id?: unknown }
  lines?: Array<{ string?: string }>
  children?: LaidOutNode[]
}

/** The text of a paragraph as written (its runs), not as broken into lines. */
function textOf(node: LaidOutNode): string {
  return node.value ?? (node.children ?? []).map(textOf).join('')
}

const HYPHEN_END = /[-\u2010\u00ad]$/

function openingOf(text: string, words = 6): string {
  const all = text.trim().split(/\s+/)
  return all.slice(0, words).join(' ') + (all.length > words ? ' …' : '')
}

/**
 * Every run of more than MAX_HYPHENS_IN_A_ROW hyphenated lines in a laid-out document.
 * `labels` names the named destinations the templates set (an essay's start, a section's):
 * a ladder is placed under the last one before it.
 */
export function findHyphenLadders(document: unknown, labels: ReadonlyMap<string, string> = new Map()): HyphenLadder[] {
  const ladders: HyphenLadder[] = []
  const root = document as LaidOutNode | undefined
  let where: string | undefined
  const visit = (node: LaidOutNode, page: number) => {
    const id = node.props?.id
    if (typeof id === 'string' && labels.has(id)) where = labels.get(id)
    if (node.lines) {
      const lines = node.lines.map((line) => (line.string ?? '').trimEnd())
      let run: string[] = []
      const close = () => {
        if (run.length > MAX_HYPHENS_IN_A_ROW) ladders.push({ page, where, opening: openingOf(textOf(node) || lines.join(' ')), lines: run })
        run = []
      }
      for (const line of lines) {
        if (HYPHEN_END.test(line)) run.push(line)
        else close()
      }
      close()
      return
    }
    for (const child of node.children ?? []) visit(child, page)
  }
  ;(root?.children ?? []).forEach((page, i) => visit(page, i))
  return ladders
}
