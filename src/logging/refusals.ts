import { defaultLoggerOptions, type Config } from 'payload'

/**
 * A refused request (a 4xx: Forbidden, ValidationError, a wrong password, a workflow
 * refusal…) is the API doing its job, not a fault: it is logged as one warning line with
 * its reason, without a stack trace. Only real faults (5xx) are errors with their stack.
 *
 * Payload logs every error it answers through `logError` with `{ err }` at the level
 * `loggingLevels` names for the error's class (default: error), REST and GraphQL alike
 * (GraphQL wraps it in a GraphQLError whose `originalError` carries the status). The
 * logger's `logMethod` hook sees every such line and rewrites a refusal, whatever its class,
 * so one rule holds for Payload's errors, ours and any added later.
 */

type LoggerConfig = Extract<NonNullable<Config['logger']>, { options: unknown }>
type LoggerOptions = LoggerConfig['options']
type LogMethodHook = NonNullable<NonNullable<LoggerOptions['hooks']>['logMethod']>

interface ErrorLike {
  name?: unknown
  message?: unknown
  status?: unknown
  data?: unknown
  originalError?: unknown
}

const asError = (value: unknown): ErrorLike | undefined =>
  value !== null && typeof value === 'object' ? (value as ErrorLike) : undefined

/** The HTTP status an error answers with, GraphQL's wrapper looked through. */
function statusOf(error: ErrorLike): number | undefined {
  if (typeof error.status === 'number') return error.status
  const original = asError(error.originalError)
  return original && typeof original.status === 'number' ? original.status : undefined
}

/** What a ValidationError names: "email: This field is required." */
function fieldReasons(error: ErrorLike): string[] {
  const data = asError(error.data) as { errors?: unknown } | undefined
  if (!Array.isArray(data?.errors)) return []
  return data.errors.flatMap((entry: unknown) => {
    const e = entry as { path?: unknown; message?: unknown } | null
    return e && typeof e.message === 'string' ? [`${typeof e.path === 'string' ? `${e.path}: ` : ''}${e.message}`] : []
  })
}

export interface Refusal {
  status: number
  error: string
  reason: string
}

/** The refusal an `err` stands for, or undefined when it is a fault (or no error). */
export function refusalOf(err: unknown): Refusal | undefined {
  const error = asError(err)
  if (!error) return undefined
  const status = statusOf(error)
  if (status === undefined || status < 400 || status > 499) return undefined
  const original = asError(error.originalError) ?? error
  const name = typeof original.name === 'string' ? original.name : 'Error'
  const message = typeof original.message === 'string' ? original.message : String(error.message ?? '')
  const fields = fieldReasons(original)
  return { status, error: name, reason: fields.length ? `${message} (${fields.join('; ')})` : message }
}

export const logRefusalsAsWarnings: LogMethodHook = function (this, args, method) {
  const [first] = args
  const refusal = first && typeof first === 'object' && 'err' in first ? refusalOf((first as { err?: unknown }).err) : undefined
  if (!refusal) {
    method.apply(this, args)
    return
  }
  this.warn({ refused: refusal }, `Refused (${refusal.status} ${refusal.error}): ${refusal.reason}`)
}

/**
 * Payload's default for these is "info" (and "error" for the rest): raised to "warn", so a
 * refusal is never below the usual production level. The hook above strips the stack.
 */
export const refusalLoggingLevels = {
  AuthenticationError: 'warn',
  Forbidden: 'warn',
  Locked: 'warn',
  LockedAuth: 'warn',
  MissingFile: 'warn',
  NotFound: 'warn',
  UnverifiedEmail: 'warn',
  ValidationError: 'warn',
} satisfies Config['loggingLevels']

/** Payload's logger (pretty, to stdout), or the command line's (warnings up, to stderr). */
export function loggerConfig(cli: boolean): LoggerConfig {
  const hooks = { logMethod: logRefusalsAsWarnings }
  return cli
    ? { options: { level: 'warn', hooks }, destination: process.stderr }
    : { options: { hooks }, destination: defaultLoggerOptions }
}
