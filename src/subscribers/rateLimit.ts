import { SHARED_CLIENT } from '../clientAddress'

/**
 * A token bucket per key, in memory. Enough for one app instance: with several instances
 * each keeps its own buckets (see README, "Scaling out").
 */
export interface TokenBucketOptions {
  /** Requests allowed in a burst. */
  capacity: number
  /** Time for one token to come back, in milliseconds. */
  refillEveryMs: number
  /** Buckets kept at most; the oldest are forgotten first. */
  maxKeys?: number
  now?: () => number
}

interface Bucket {
  tokens: number
  at: number
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>()
  private readonly maxKeys: number
  private readonly now: () => number

  constructor(private readonly options: TokenBucketOptions) {
    this.maxKeys = options.maxKeys ?? 50_000
    this.now = options.now ?? Date.now
  }

  /** Takes one token for `key`: true when allowed, false when the bucket is empty. */
  take(key: string): boolean {
    return this.retryAfterMs(key, true) === 0
  }

  /** 0 when a request would be allowed now (and, with `consume`, counts it); else the wait. */
  retryAfterMs(key: string, consume = false): number {
    const now = this.now()
    const { capacity, refillEveryMs } = this.options
    const previous = this.buckets.get(key)
    const refilled = previous
      ? Math.min(capacity, previous.tokens + (now - previous.at) / refillEveryMs)
      : capacity
    const bucket = { tokens: refilled, at: now }
    if (refilled < 1) {
      this.store(key, bucket)
      return Math.ceil((1 - refilled) * refillEveryMs)
    }
    if (consume) bucket.tokens -= 1
    this.store(key, bucket)
    return 0
  }

  reset(): void {
    this.buckets.clear()
  }

  private store(key: string, bucket: Bucket): void {
    // Re-inserting moves the key to the end, so the first key is the least recently used.
    this.buckets.delete(key)
    this.buckets.set(key, bucket)
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value
      if (oldest !== undefined) this.buckets.delete(oldest)
    }
  }
}

export interface SubscribeLimiter {
  /** 0 when this client may ask for a confirmation email to this address now; else the wait in ms. */
  check(ip: string, email: string): number
  reset(): void
}

const HOUR = 60 * 60 * 1000

/**
 * The subscribe form's limits: per client IP (a burst of 10, then one every 6 minutes) and
 * per address (a burst of 3, then one every 20 minutes), so nobody floods an inbox with
 * confirmation emails or the list with junk. Requests whose client cannot be known
 * (SHARED_CLIENT: TRUSTED_PROXIES unset, see src/clientAddress.ts) share one bucket for the
 * whole site: a burst of 30, then 30 an hour, which a quarterly's sign-ups stay well under
 * while it caps the confirmation emails a stranger can have sent.
 */
export function createSubscribeLimiter(now?: () => number): SubscribeLimiter {
  const perIp = new TokenBucketLimiter({ capacity: 10, refillEveryMs: HOUR / 10, now })
  const shared = new TokenBucketLimiter({ capacity: 30, refillEveryMs: HOUR / 30, now })
  const perEmail = new TokenBucketLimiter({ capacity: 3, refillEveryMs: HOUR / 3, now })
  return {
    check(ip, email) {
      const clients = ip === SHARED_CLIENT ? shared : perIp
      const waits = [clients.retryAfterMs(`ip:${ip}`), perEmail.retryAfterMs(`email:${email}`)]
      const wait = Math.max(...waits)
      if (wait > 0) return wait
      clients.take(`ip:${ip}`)
      perEmail.take(`email:${email}`)
      return 0
    },
    reset() {
      perIp.reset()
      shared.reset()
      perEmail.reset()
    },
  }
}

// One limiter per process, also when Next loads this module into several bundles.
const GLOBAL_KEY = Symbol.for('bulletin-press.subscribe-limiter')
type WithLimiter = typeof globalThis & { [GLOBAL_KEY]?: SubscribeLimiter }

export function subscribeLimiter(): SubscribeLimiter {
  const g = globalThis as WithLimiter
  g[GLOBAL_KEY] ??= createSubscribeLimiter()
  return g[GLOBAL_KEY]
}
