import type layoutDocument from '@react-pdf/layout'
import type renderPdf from '@react-pdf/render'
import type layoutEngine from '@react-pdf/textkit'
import type PDFDocument from 'pdfkit'

/** react-pdf's layout, its text layout, its drawing and its PDF writer (pdfkit): what the print renderer calls. */
export interface PrintEngine {
  layoutDocument: typeof layoutDocument
  /** textkit's layout engine, the copy react-pdf's layout uses (fonts.ts hooks into it). */
  textLayoutEngine: typeof layoutEngine
  renderPdf: typeof renderPdf
  PDFDocument: typeof PDFDocument
}

let engine: Promise<PrintEngine> | undefined

/** Node's own import: Next's bundler would give pdfkit's require entry, another copy. */
const load = async (specifier: string): Promise<unknown> =>
  ((await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ specifier)) as { default: unknown }).default

/**
 * The modules react-pdf itself loads, loaded when the first page is laid out, one after the
 * other: the same copies as react-pdf's (fonts.ts changes pdfkit's for react-pdf and us), and
 * never imported at the same time as each other, which can stall Node 20's module loader on a
 * shared graph (see src/runtime/openPayload.ts).
 */
export function printEngine(): Promise<PrintEngine> {
  engine ??= (async () => {
    const layout = (await load('@react-pdf/layout')) as PrintEngine['layoutDocument']
    const textkit = (await load('@react-pdf/textkit')) as PrintEngine['textLayoutEngine']
    const render = (await load('@react-pdf/render')) as PrintEngine['renderPdf']
    const pdfkit = (await load('pdfkit')) as PrintEngine['PDFDocument']
    return { layoutDocument: layout, textLayoutEngine: textkit, renderPdf: render, PDFDocument: pdfkit }
  })()
  return engine
}
