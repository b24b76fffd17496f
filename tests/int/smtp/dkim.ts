/**
 * A minimal DKIM verifier (RFC 6376, rsa-sha256, relaxed/relaxed) for tests: checks the
 * body hash and the signature of a raw message as it arrived, against a known public key.
 * Enough to prove the message was signed over the right headers and not altered in transit.
 */
import { createHash, createVerify, type KeyObject } from 'node:crypto'

export interface DkimCheck {
  tags: Record<string, string>
  signedHeaders: string[]
  bodyHashOk: boolean
  signatureOk: boolean
}

interface HeaderField {
  name: string
  raw: string
}

export function verifyDkim(raw: Buffer | string, publicKey: KeyObject | string): DkimCheck {
  const text = raw.toString()
  const split = text.indexOf('\r\n\r\n')
  if (split < 0) throw new Error('message has no header/body separator')
  const headers = parseHeaders(text.slice(0, split + 2))
  const body = text.slice(split + 4)

  const sigField = headers.find((h) => h.name === 'dkim-signature')
  if (!sigField) throw new Error('no DKIM-Signature header')
  const value = sigField.raw.slice(sigField.raw.indexOf(':') + 1)
  const tags = Object.fromEntries(
    value
      .split(';')
      .map((t) => t.trim())
      .filter(Boolean)
      .map((t) => {
        const eq = t.indexOf('=')
        return [t.slice(0, eq).trim(), t.slice(eq + 1).replace(/\s+/g, '')]
      }),
  )
  if (tags.a !== 'rsa-sha256' || tags.c !== 'relaxed/relaxed') {
    throw new Error(`unsupported DKIM a=${tags.a} c=${tags.c}`)
  }

  const bodyHash = createHash('sha256').update(relaxedBody(body)).digest('base64')
  const signedHeaders = tags.h.split(':').map((h) => h.trim().toLowerCase())

  // Each h= name takes the last unused instance of that header, from the bottom up.
  const used = new Set<HeaderField>()
  let data = ''
  for (const name of signedHeaders) {
    const candidates = headers.filter((h) => h.name === name && h !== sigField && !used.has(h))
    const field = candidates[candidates.length - 1]
    if (!field) continue
    used.add(field)
    data += `${relaxedHeader(field.raw)}\r\n`
  }
  // The signature header itself, with an empty b= and no trailing CRLF.
  data += relaxedHeader(sigField.raw.replace(/(\bb=)[^;]*$/s, '$1'))

  const verifier = createVerify('RSA-SHA256')
  verifier.update(data)
  return {
    tags,
    signedHeaders,
    bodyHashOk: bodyHash === tags.bh,
    signatureOk: verifier.verify(publicKey, tags.b, 'base64'),
  }
}

function parseHeaders(block: string): HeaderField[] {
  const fields: HeaderField[] = []
  for (const line of block.split('\r\n')) {
    if (!line) continue
    if (/^[ \t]/.test(line) && fields.length > 0) fields[fields.length - 1].raw += `\r\n${line}`
    else fields.push({ name: line.slice(0, line.indexOf(':')).trim().toLowerCase(), raw: line })
  }
  return fields
}

function relaxedHeader(raw: string): string {
  const colon = raw.indexOf(':')
  const name = raw.slice(0, colon).trim().toLowerCase()
  const value = raw
    .slice(colon + 1)
    .replace(/\r\n(?=[ \t])/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim()
  return `${name}:${value}`
}

function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, ''))
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`
}
