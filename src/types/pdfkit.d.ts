/**
 * The little of pdfkit (the PDF writer react-pdf draws with) that the print renderer calls
 * itself; pdfkit ships no types of its own.
 */
declare module 'pdfkit' {
  import type { EventEmitter } from 'node:events'

  export interface PdfkitOptions {
    compress?: boolean
    /** zlib level for compressed streams (patches/pdfkit+0.20.1.patch; pdfkit's own default is 6). */
    compressionLevel?: number
    pdfVersion?: string
    lang?: string
    displayTitle?: boolean
    autoFirstPage?: boolean
    pageLayout?: string
    info?: Record<string, string | Date>
  }

  /** An image opened for a document: PNG or JPEG. */
  export interface PdfkitImage {
    obj?: unknown
    embed(document: PDFDocument): void
    /** PNG only: writes the image once its pixels are decoded (asynchronously, for some PNGs). */
    finalize?: () => unknown
  }

  export default class PDFDocument extends EventEmitter {
    constructor(options?: PdfkitOptions)
    openImage(src: Uint8Array | ArrayBuffer | string): PdfkitImage
  }
}
