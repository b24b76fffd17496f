import type { SafeDocumentNode } from '@react-pdf/layout'
import { PRINT_MARKS } from '../../../templates/pdf/printMarks'

/** What of a laid-out node is read here. */
interface MarkedNode {
  props?: Record<string, unknown>
  children?: MarkedNode[]
}

const markOf = (node: MarkedNode, mark: string): unknown => node.props?.[mark]

function collectStarts(node: MarkedNode, into: Set<unknown>): void {
  const start = markOf(node, PRINT_MARKS.entryStart)
  if (start !== undefined) into.add(start)
  node.children?.forEach((child) => collectStarts(child, into))
}

/** The node without the repeats of items that start on its page; only the nodes on the way to one are copied. */
function withoutRepeatsOf(node: MarkedNode, starts: ReadonlySet<unknown>): MarkedNode {
  const { children } = node
  if (!children) return node
  const kept = children.filter((child) => !starts.has(markOf(child, PRINT_MARKS.entryContinued))).map((child) => withoutRepeatsOf(child, starts))
  return kept.length === children.length && kept.every((child, i) => child === children[i]) ? node : { ...node, children: kept }
}

/**
 * Takes a "(cont.)" repeat off the page where its item starts. react-pdf repeats what is fixed
 * in a box on every page the box reaches, the first one too; the template places the repeat
 * where it is reached on the first page only when the item went on from there, and this takes
 * it off that page. An item starts on the page that holds its start (PRINT_MARKS).
 */
export function dropRepeatsWhereItemsStart(document: SafeDocumentNode): SafeDocumentNode {
  let changed = false
  const pages = document.children.map((page) => {
    const starts = new Set<unknown>()
    collectStarts(page as unknown as MarkedNode, starts)
    if (starts.size === 0) return page
    const kept = withoutRepeatsOf(page as unknown as MarkedNode, starts)
    if (kept !== (page as unknown as MarkedNode)) changed = true
    return kept as unknown as typeof page
  })
  return changed ? { ...document, children: pages } : document
}
