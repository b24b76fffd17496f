/**
 * Signed tokens for the confirm and unsubscribe links: `<payload>.<signature>`, both
 * base64url, the signature an HMAC-SHA256 of the payload text. Stateless: the link alone
 * proves which subscriber and address it was issued for; nothing is stored per token.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'

export type TokenPurpose = 'confirm' | 'unsubscribe'

/** What a token says. Times are milliseconds since the epoch, as Date.now(). */
export interface TokenClaims {
  purpose: TokenPurpose
  subscriberId: string
  email: string
  expiresAt?: number
}

/** Unsubscribe links must keep working for as long as old emails sit in inboxes: no expiry. */
export type SignTokenInput =
  | { purpose: 'confirm'; subscriberId: string; email: string; expiresAt?: number }
  | { purpose: 'unsubscribe'; subscriberId: string; email: string }

export type TokenFailureReason = 'malformed' | 'bad-signature' | 'wrong-purpose' | 'expired'

export type VerifyTokenResult =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: TokenFailureReason; message: string }

export const CONFIRM_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000
const MIN_SECRET_BYTES = 16
const MAX_TOKEN_LENGTH = 2048
const VERSION = 1
const BASE64URL = /^[A-Za-z0-9_-]+$/

// Short keys keep the links short; `v` lets a later format be told apart.
const payloadSchema = z.object({
  v: z.literal(VERSION),
  p: z.enum(['confirm', 'unsubscribe']),
  sid: z.string().min(1),
  em: z.string().min(1),
  exp: z.number().int().positive().optional(),
})
type Payload = z.infer<typeof payloadSchema>

export function signToken(secret: string | Buffer, input: SignTokenInput, now: number = Date.now()): string {
  const key = tokenKey(secret)
  if (!input.subscriberId || !input.email) {
    throw new TypeError('signToken: subscriberId and email are required')
  }
  let exp: number | undefined
  if (input.purpose === 'confirm') {
    exp = input.expiresAt ?? now + CONFIRM_TOKEN_TTL_MS
    if (!Number.isSafeInteger(exp) || exp <= 0) {
      throw new TypeError(`signToken: expiresAt must be a time in milliseconds, got ${input.expiresAt}`)
    }
  } else if ('expiresAt' in input && (input as { expiresAt?: unknown }).expiresAt !== undefined) {
    // The type forbids it; this guards callers that build the input dynamically.
    throw new TypeError('signToken: unsubscribe tokens do not expire')
  }
  const payload: Payload = { v: VERSION, p: input.purpose, sid: input.subscriberId, em: input.email, exp }
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')
  return `${body}.${mac(key, body)}`
}

export function verifyToken(
  secret: string | Buffer,
  token: string,
  purpose: TokenPurpose,
  now: number = Date.now(),
): VerifyTokenResult {
  const key = tokenKey(secret)
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) {
    return fail('malformed', 'token is not a string of reasonable length')
  }
  const parts = token.split('.')
  if (parts.length !== 2 || !BASE64URL.test(parts[0]) || !BASE64URL.test(parts[1])) {
    return fail('malformed', 'token is not <payload>.<signature> in base64url')
  }
  const [body, signature] = parts
  // Compare the canonical encodings, so a re-encoded signature with different padding bits
  // does not pass; timingSafeEqual needs equal lengths, and a length is no secret.
  const expected = Buffer.from(mac(key, body), 'utf8')
  const given = Buffer.from(signature, 'utf8')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return fail('bad-signature', 'signature does not match the payload')
  }
  let parsed: Payload
  try {
    const result = payloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')))
    if (!result.success) return fail('malformed', 'payload is not a token this version understands')
    parsed = result.data
  } catch {
    return fail('malformed', 'payload is not JSON')
  }
  if (parsed.p !== purpose) {
    return fail('wrong-purpose', `token is for ${parsed.p}, not ${purpose}`)
  }
  if (parsed.p === 'confirm' && parsed.exp === undefined) {
    return fail('malformed', 'confirm token without an expiry')
  }
  if (parsed.exp !== undefined && now >= parsed.exp) {
    return fail('expired', `token expired at ${new Date(parsed.exp).toISOString()}`)
  }
  return {
    ok: true,
    claims: { purpose: parsed.p, subscriberId: parsed.sid, email: parsed.em, expiresAt: parsed.exp },
  }
}

/**
 * A key of its own, derived from the application secret, so these MACs cannot be confused
 * with anything else signed with the same secret.
 */
function tokenKey(secret: string | Buffer): Buffer {
  const raw = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret
  if (raw.length < MIN_SECRET_BYTES) {
    throw new TypeError(`token secret must be at least ${MIN_SECRET_BYTES} bytes`)
  }
  return createHmac('sha256', raw).update('bulletin-press/delivery-tokens/v1').digest()
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url')
}

function fail(reason: TokenFailureReason, message: string): VerifyTokenResult {
  return { ok: false, reason, message }
}
