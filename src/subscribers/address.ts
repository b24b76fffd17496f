/**
 * What the subscriber list accepts as an address and a name: one rule for the form, the
 * import and the test send.
 */
import { z } from 'zod'

/** One address per reader, whatever its case: stored trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

/**
 * What the subscribers collection accepts as an email (Payload's own rule, fields/validations):
 * RFC 5322 atext local parts, so "+news@", "-x@" and "=x@" are addresses. Zod's default is
 * narrower, and an address an editor could save had to be importable from the export too.
 */
const ADDRESS =
  /^(?!.*\.\.)[\w!#$%&'*+/=?^`{|}~-](?:[\w!#$%&'*+/=?^`{|}~.-]*[\w!#$%&'*+/=?^`{|}~-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'This email address is too long: at most 254 characters.')
  .toLowerCase()
  .pipe(z.email({ pattern: ADDRESS, error: 'Enter a valid email address, like name@example.org.' }))

export const nameSchema = z
  .string()
  .max(200, 'Please shorten the name to 200 characters.')
  // Control characters have no place in a name that ends up in a To: header.
  .transform((name) => name.replace(/\p{Cc}+/gu, ' ').replace(/\s+/g, ' ').trim())
