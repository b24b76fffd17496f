import crypto from 'node:crypto'
import { promisify } from 'node:util'
import {
  AuthenticationError,
  type CollectionAfterErrorHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
  type TypeWithID,
} from 'payload'

/**
 * A refused login must not tell an outsider whether an address has an account. Payload
 * answers a locked account "This user is locked…" and an unknown address at once, without
 * hashing, while a wrong password costs a full PBKDF2 hash: both name the accounts that
 * exist. Here an unknown address and a locked account (right password or not) spend the
 * same hash a wrong password does and get Payload's own "incorrect" error, so all three
 * answer the same, in about the same time. A known, unlocked address goes on to Payload,
 * which checks the password and counts the failure towards the lock.
 */

const pbkdf2 = promisify(crypto.pbkdf2)

// Payload's password hashes (payload/dist/auth/strategies/local/generatePasswordSaltHash.js):
// "pbkdf2-sha256-v1:<hex>" for current ones, bare hex for hashes made before 3.x.
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const CURRENT = { iterations: 600_000, keyLength: 32 }
const LEGACY = { iterations: 25_000, keyLength: 512 }

function hashParameters(hash: unknown): { iterations: number; keyLength: number } {
  return typeof hash === 'string' && !hash.startsWith(CURRENT_PREFIX) ? LEGACY : CURRENT
}

/** The work of checking a password against this hash (or a new one's), result unused. */
async function spendPasswordCheck(password: string, account: { hash?: unknown; salt?: unknown } | null): Promise<void> {
  const { iterations, keyLength } = hashParameters(account?.hash)
  const salt = typeof account?.salt === 'string' ? account.salt : crypto.randomBytes(32).toString('hex')
  await pbkdf2(password, salt, iterations, keyLength, 'sha256')
}

function isLocked(lockUntil: unknown): boolean {
  return typeof lockUntil === 'string' && Date.parse(lockUntil) > Date.now()
}

function refusal(req: PayloadRequest): AuthenticationError {
  return new AuthenticationError(req.t)
}

export const refuseLoginAlike: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'login') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  // Missing fields: Payload's own validation answers, the same for every address.
  if (typeof data?.email !== 'string' || typeof data.password !== 'string' || data.password.trim() === '') return args
  const email = data.email.toLowerCase().trim()
  if (!email) return args
  const account = await req.payload.db.findOne<TypeWithID & { hash?: unknown; salt?: unknown; lockUntil?: unknown }>({
    collection: collection.slug,
    req,
    where: { email: { equals: email } },
  })
  if (account && !isLocked(account.lockUntil)) return args
  await spendPasswordCheck(data.password, account)
  throw refusal(req)
}

/**
 * Parallel wrong guesses can lock an account between the check above and Payload's own:
 * Payload then throws LockedAuth. Over REST it answers like any other refused login.
 */
export const answerLockedAsRefused: CollectionAfterErrorHook = ({ error, req }) => {
  if (error.name !== 'LockedAuth') return
  return { response: { errors: [{ message: refusal(req).message }] }, status: 401 }
}
