/**
 * Typographic quotes: straight quotes and apostrophes as the editors typed or pasted them
 * become curly ones, once, where content enters the IssueModel (see assemble), so that every
 * renderer prints the same text. Web addresses and email addresses are left as they are.
 */

/** Web and mail addresses: never touched (a quote inside one is part of the address). */
const ADDRESS = /(?:https?:\/\/|mailto:|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?)\]]|\w[\w.+'-]*@[\w-]+(?:\.[\w-]+)+/gi

/** After these a quote opens: start of text, space, opening brackets, dashes, another opening quote. */
const OPENS_AFTER = /[\s([{<\u2014\u2013\u2018\u201c/-]/u

function curl(text: string, before: string): string {
  let out = ''
  let previous = before
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    const next = text[i + 1] ?? ''
    const opening = previous === '' || OPENS_AFTER.test(previous)
    if (char === '"') {
      out += opening ? '\u201c' : '\u201d'
    } else if (char === "'") {
      // An apostrophe inside a word (don't, Korea's) or eliding digits ('90s) is a closing quote.
      const elision = opening && /\d/.test(next) && /\d/.test(text[i + 2] ?? '')
      out += opening && !elision ? '\u2018' : '\u2019'
    } else {
      out += char
    }
    previous = char
  }
  return out
}

/**
 * `text` with typographic quotes. `before` is the character printed just before it (the end
 * of the previous run of the same paragraph), which decides whether a leading quote opens.
 */
export function smartQuotes(text: string, before = ''): string {
  if (!text.includes('"') && !text.includes("'")) return text
  let out = ''
  let last = 0
  let previous = before
  for (const match of text.matchAll(ADDRESS)) {
    const at = match.index ?? 0
    const prose = text.slice(last, at)
    out += curl(prose, previous)
    out += match[0]
    previous = match[0].slice(-1)
    last = at + match[0].length
  }
  return out + curl(text.slice(last), previous)
}

/** Keys whose strings are addresses, identifiers or codes, not prose. */
const NOT_PROSE = new Set(['id', 'slug', 'href', 'url', 'aboutUrl', 'printPath', 'webUrl', 'emailUrl', 'email', 'isbn', 'status', 'kind', 'type', 'placement'])

/**
 * A copy of `value` (a candidate IssueModel or any part of it) with typographic quotes in
 * every prose string. Runs of a paragraph are read as one text, so a quote that opens one run
 * and one that closes the next come out as a pair.
 */
export function withSmartQuotes<T>(value: T): T {
  return walk(value) as T
}

function walk(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return key !== undefined && NOT_PROSE.has(key) ? value : smartQuotes(value)
  if (Array.isArray(value)) {
    if (key === 'runs' || key === 'items') return key === 'runs' ? runs(value) : value.map((item) => (Array.isArray(item) ? runs(item) : walk(item)))
    return value.map((item) => walk(item))
  }
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = walk(v, k)
  return out
}

function runs(list: unknown[]): unknown[] {
  let before = ''
  return list.map((run) => {
    if (run === null || typeof run !== 'object' || typeof (run as { text?: unknown }).text !== 'string') return walk(run)
    const r = run as { text: string; href?: string }
    // A link's own address as its text stays as typed.
    const text = r.href !== undefined && r.text.trim() === r.href ? r.text : smartQuotes(r.text, before)
    before = text.slice(-1) || before
    return { ...(walk(run) as object), text }
  })
}
