/**
 * Small builders for Lexical's stored JSON, so seed data and tests can write rich text
 * the way the admin's editor stores it.
 */

export interface TextRun {
  text: string
  bold?: boolean
  italic?: boolean
}

type Run = string | TextRun

const FORMAT_BOLD = 1
const FORMAT_ITALIC = 2

export interface LexicalNode {
  type: string
  version: number
  [key: string]: unknown
}

export interface LexicalDocument {
  root: LexicalNode & { children: LexicalNode[] }
  [key: string]: unknown
}

function textNode(run: Run): LexicalNode {
  const { text, bold, italic } = typeof run === 'string' ? { text: run, bold: false, italic: false } : run
  return {
    type: 'text',
    version: 1,
    text,
    format: (bold ? FORMAT_BOLD : 0) | (italic ? FORMAT_ITALIC : 0),
    detail: 0,
    mode: 'normal',
    style: '',
  }
}

const elementBase = { direction: 'ltr', format: '', indent: 0, version: 1 }

export const paragraph = (...runs: Run[]): LexicalNode => ({
  ...elementBase,
  type: 'paragraph',
  textFormat: 0,
  textStyle: '',
  children: runs.map(textNode),
})

export const quote = (...runs: Run[]): LexicalNode => ({ ...elementBase, type: 'quote', children: runs.map(textNode) })

export const heading = (tag: 'h2' | 'h3' | 'h4', ...runs: Run[]): LexicalNode => ({
  ...elementBase,
  type: 'heading',
  tag,
  children: runs.map(textNode),
})

export const link = (url: string, text: string): LexicalNode => ({
  ...elementBase,
  type: 'link',
  version: 3,
  fields: { url, newTab: true, linkType: 'custom' },
  id: `link-${url.length}-${text.length}`,
  children: [textNode(text)],
})

/** A paragraph mixing runs and links. */
export const paragraphWith = (...children: Array<Run | LexicalNode>): LexicalNode => ({
  ...elementBase,
  type: 'paragraph',
  textFormat: 0,
  textStyle: '',
  children: children.map((child) => (typeof child === 'string' || !('type' in child) ? textNode(child) : child)),
})

export const block = (id: string, fields: Record<string, unknown> & { blockType: string }): LexicalNode => ({
  type: 'block',
  version: 2,
  format: '',
  fields: { id, blockName: '', ...fields },
})

export const richText = (...children: LexicalNode[]): LexicalDocument => ({
  root: { ...elementBase, type: 'root', children },
})

/** Italic run shorthand: titles of newspapers and films. */
export const i = (text: string): TextRun => ({ text, italic: true })
/** Bold run shorthand: run-in phrases. */
export const b = (text: string): TextRun => ({ text, bold: true })
