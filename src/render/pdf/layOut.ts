import { Fragment, isValidElement, type ReactElement, type ReactNode } from 'react'
import type { DocumentNode, SafeDocumentNode } from '@react-pdf/layout'
import { Font } from '@react-pdf/renderer'
import { dropRepeatsWhereItemsStart } from './continued'
import { printEngine } from './engine'

/**
 * Lays a print template out with react-pdf's own layout engine, without writing a PDF: each
 * part of the issue is laid out here, and only the pages the issue keeps are drawn, once,
 * into the finished file (./compose.ts).
 *
 * The templates are plain functions of the model (no hooks, no context, no state), so the
 * element tree is turned into react-pdf's nodes directly, as react-pdf itself does for render
 * props: React's reconciler would only build the same tree, at a cost.
 */

/** A react-pdf node before layout: what react-pdf's reconciler hands its layout. */
interface InputNode {
  type: string
  box?: object
  style?: unknown
  props?: Record<string, unknown>
  children?: InputNode[]
  value?: string
}

// Text may only stand inside these (react-pdf drops it elsewhere, and so do we).
const TEXT_PARENTS = new Set(['TEXT', 'LINK', 'TSPAN', 'NOTE'])

type RenderProp = (props: unknown) => ReactNode

function nodesOf(element: ReactNode, parentType: string): InputNode[] {
  if (element === null || element === undefined || typeof element === 'boolean') return []
  if (typeof element === 'string' || typeof element === 'number') {
    return TEXT_PARENTS.has(parentType) ? [{ type: 'TEXT_INSTANCE', value: String(element) }] : []
  }
  if (Array.isArray(element)) return element.flatMap((child: ReactNode) => nodesOf(child, parentType))
  if (!isValidElement(element)) throw new Error(`A print template returned something react-pdf cannot lay out (${typeof element})`)
  const { type } = element
  const props = (element.props ?? {}) as Record<string, unknown> & { children?: ReactNode; style?: unknown }
  if (type === Fragment) return nodesOf(props.children, parentType)
  if (typeof type === 'function') return nodesOf((type as (p: object) => ReactNode)(props), parentType)
  if (typeof type !== 'string') throw new Error('A print template used a component kind react-pdf templates here do not use (memo, context, forwardRef)')
  const { children, style, ...rest } = props
  if (typeof rest.render === 'function') {
    // A render prop runs during pagination; what it returns is turned into nodes then.
    const render = rest.render as RenderProp
    rest.render = (renderProps: unknown) => nodesOf(render(renderProps), type)
  }
  return [{ type, box: {}, style: style ?? {}, props: rest, children: nodesOf(children, type) }]
}

/** The laid-out document of a print template's `<Document>`: pages, boxes, lines. */
export async function layOutTemplate(element: ReactElement): Promise<SafeDocumentNode> {
  const [root, ...others] = nodesOf(element, 'ROOT')
  if (!root || others.length > 0 || root.type !== 'DOCUMENT') throw new Error('A print template must return one <Document>')
  const { layoutDocument } = await printEngine()
  // react-pdf's renderer passes its font store as a second argument its types leave out.
  const withFonts = layoutDocument as unknown as (document: DocumentNode, fonts: typeof Font) => Promise<SafeDocumentNode>
  return dropRepeatsWhereItemsStart(await withFonts(root as unknown as DocumentNode, Font))
}
