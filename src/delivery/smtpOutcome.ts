/**
 * What one SMTP attempt came to, in the ledger's terms, and when to try again. Pure.
 *
 * - accepted: the server answered 250 to the message. Not "delivered": the server may still
 *   bounce it later, filter it, or drop it.
 * - permanent: a 5xx answer to the recipient or the message: never retried.
 * - transient: a 4xx answer, a dropped connection, a timeout: tried again later, with
 *   exponential backoff and jitter, up to a limit.
 * A 5xx to our own greeting, login or sender address says nothing about this recipient (the
 * next one would get the same): it is transient here, so a misconfigured sender fails the
 * campaign's deliveries as "failed" after the retries instead of bouncing the whole list.
 */

export type AttemptOutcome =
  | { kind: 'accepted'; response: string; code: number; queueId?: string }
  | { kind: 'permanent'; response: string; code: number }
  | {
      kind: 'transient'
      response: string
      code?: number
      /**
       * The whole message had been handed to the server when the connection failed, so it
       * may have been accepted without our hearing the 250: at-most-once must not resend it.
       */
      maybeAccepted: boolean
    }

interface SmtpErrorLike {
  message?: string
  code?: string
  response?: string
  responseCode?: number
  command?: string
}

/** Commands whose 5xx concerns this recipient or this message. */
const RECIPIENT_COMMANDS = new Set(['RCPT TO', 'DATA'])

export function classifySmtpError(error: unknown, messageFullySent: boolean): AttemptOutcome {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SmtpErrorLike
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined
  const response = oneLine(e.response || e.message || 'unknown error')
  if (code !== undefined && code >= 500 && code < 600 && RECIPIENT_COMMANDS.has(e.command ?? '')) {
    return { kind: 'permanent', response, code }
  }
  // A reply (4xx, or 5xx to MAIL FROM/AUTH) is a definite "not taken"; silence after the
  // message went out is not.
  const answered = code !== undefined
  const text = code === undefined && e.code ? `${e.code}: ${response}` : response
  return { kind: 'transient', response: text, code, maybeAccepted: !answered && messageFullySent }
}

export function acceptedOutcome(response: string | undefined): AttemptOutcome {
  const text = oneLine(response || '250 accepted')
  const code = Number(/^\d{3}/.exec(text)?.[0] ?? 250)
  return { kind: 'accepted', response: text, code, queueId: queueIdFrom(text) }
}

/**
 * The queue id in a 250 reply, in the forms common servers use: Postfix "queued as 4Xy",
 * Exim "id=1rAbc-000123-4Q", Microsoft "<…> [InternalId=…] Queued mail", sendmail
 * "2.0.0 44F8Bd1 Message accepted", Gmail "OK 1700000000 x1-…gsmtp".
 */
export function queueIdFrom(response: string): string | undefined {
  const patterns = [
    /queued as ([A-Za-z0-9._-]+)/i,
    /\bid=([A-Za-z0-9._-]+)/i,
    /InternalId=([A-Za-z0-9._-]+)/i,
    /^250[ -](?:\d\.\d\.\d )?([A-Za-z0-9]{6,}) Message accepted/i,
    /^250[ -]2\.0\.0 OK\s+\d+ ([A-Za-z0-9._-]+) - gsmtp/i,
  ]
  for (const pattern of patterns) {
    const match = pattern.exec(response)
    if (match) return match[1]
  }
  return undefined
}

export interface BackoffOptions {
  baseMs: number
  maxMs: number
  random?: () => number
}

/**
 * Wait before attempt `attempt + 1`, after `attempt` failed (1-based): base·2^(attempt-1),
 * capped at max, with "equal jitter": between half and all of it, so retries of many
 * deliveries that failed together spread out instead of returning at once.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 40)))
  return Math.round(exponential / 2 + random() * (exponential / 2))
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 1000)
}
