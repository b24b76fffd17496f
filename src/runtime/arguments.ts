import { InvalidArgumentError } from 'commander'

/** A command-line count or setting: a whole number, 0 or more. */
export function wholeNumber(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number')
  return n
}
