/**
 * DKIM: the settings read from the environment (once per process) and the headers every
 * newsletter signature covers. The test send and the campaign engine both sign with these.
 */
import { createPrivateKey } from 'node:crypto'

export interface DkimSettings {
  domainName: string
  keySelector: string
  /** PEM. */
  privateKey: string
}

/**
 * Headers the DKIM signature covers. The list headers are in it so that nobody on the way
 * can swap the unsubscribe target, and because Gmail and Yahoo require the one-click pair
 * to be signed for bulk senders.
 */
export const DKIM_SIGNED_HEADERS = [
  'from',
  'reply-to',
  'to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'list-id',
  'list-unsubscribe',
  'list-unsubscribe-post',
] as const

/**
 * DKIM settings from DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY (PEM; "\n" escapes are
 * turned into line breaks, as env files hold one line). None set: undefined, signing is off.
 * Some set: an error naming the missing ones, so a half-configured deploy fails loudly.
 */
export function dkimFromEnv(env: Record<string, string | undefined>): DkimSettings | undefined {
  const names = ['DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY'] as const
  const values = names.map((n) => env[n]?.trim() ?? '')
  const missing = names.filter((_, i) => values[i] === '')
  if (missing.length === names.length) return undefined
  if (missing.length > 0) {
    throw new Error(`DKIM is partly configured: set ${missing.join(', ')} as well, or unset all three DKIM_* variables`)
  }
  const [domainName, keySelector, rawKey] = values
  const privateKey = rawKey.replace(/\\r/g, '').replace(/\\n/g, '\n')
  if (!/^-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(privateKey)) {
    throw new Error('DKIM_PRIVATE_KEY must be a PEM private key ("-----BEGIN PRIVATE KEY-----…")')
  }
  try {
    createPrivateKey(privateKey)
  } catch (err) {
    throw new Error(`DKIM_PRIVATE_KEY could not be read as a private key: ${(err as Error).message}`)
  }
  return { domainName, keySelector, privateKey }
}

let dkimCache: { settings: DkimSettings | undefined } | undefined

/** DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY: read (and checked) once. */
export function dkimSettings(): DkimSettings | undefined {
  dkimCache ??= { settings: dkimFromEnv(process.env) }
  return dkimCache.settings
}
