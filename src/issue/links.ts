/**
 * Which links readers may follow, in the PDF, the web edition and the email alike: http,
 * https and mailto, written out in full. Anything else (javascript:, data:, vbscript:, file:,
 * a relative or protocol-relative address, which a PDF or a mail program would resolve
 * against nothing or against the reader's own context) keeps its text and loses the link.
 * Applied once, where content enters the IssueModel (assemble, lexical), so no renderer has
 * to decide again; preflight names every link left out.
 */

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:'])

// C0 controls and DEL: browsers strip them inside a scheme ("java\tscript:"), so a link
// that holds one is not what it looks like.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

/** The link as readers get it (trimmed), or undefined when it is not an allowed link. */
export function allowedLinkUrl(raw: string | null | undefined): string | undefined {
  const href = (raw ?? '').trim()
  if (!href || CONTROL.test(href)) return undefined
  let url: URL
  try {
    // No base: a relative or protocol-relative ("//host") address does not parse.
    url = new URL(href)
  } catch {
    return undefined
  }
  return ALLOWED_SCHEMES.has(url.protocol) ? href : undefined
}

export const isAllowedLink = (raw: string | null | undefined): boolean => allowedLinkUrl(raw) !== undefined

/** What kind of address a refused link is, in words for preflight: "javascript:", "a relative address". */
export function linkKind(raw: string): string {
  const href = raw.trim().replace(new RegExp(CONTROL.source, 'g'), '')
  if (!href) return 'an empty address'
  if (href.startsWith('//')) return 'a protocol-relative address'
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)
  if (scheme) return `${scheme[1].toLowerCase()}:`
  return 'a relative address'
}
