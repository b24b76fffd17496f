import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { parseCsv, restoreCell, toCsv } from '@/subscribers/csv'
import { emailSchema } from '@/subscribers/address'

/**
 * Export then import must give back every address exactly: a spreadsheet-safe export
 * prefixes "'" to a cell that would run as a formula, and the import takes exactly that
 * prefix off again, so "+news@example.org" stays "+news@example.org".
 */

// Local parts as the subscribers collection accepts them (Payload's email rule):
// RFC 5322 atext and dots, no leading, trailing or double dot.
const atext = fc.constantFrom(...'abcxyz019_!#$%&\'*+/=?^`{|}~-'.split(''))
const localPart = fc
  .tuple(
    fc.constantFrom('+', '-', '=', "'", '', 'a', '_'),
    fc.array(fc.oneof(atext, fc.constant('.')), { minLength: 0, maxLength: 12 }),
    atext,
  )
  .map(([first, middle, last]) => `${first}${middle.join('')}${last}`)
  .filter((local) => !/\.\./.test(local) && !local.startsWith('.'))
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/)
const address = fc.tuple(localPart, fc.array(label, { minLength: 1, maxLength: 2 }), fc.constantFrom('org', 'net', 'example')).map(
  ([local, labels, tld]) => `${local}@${labels.join('.')}.${tld}`,
)
const name = fc.oneof(fc.constant(''), fc.string({ maxLength: 30 }).map((s) => s.replace(/\p{Cc}/gu, ' ').trim()))

describe('subscriber CSV round trip', () => {
  it('gives back every valid address and name exactly, formula-looking ones included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(address, name), { minLength: 1, maxLength: 20 }), (rows) => {
        for (const [email] of rows) expect(emailSchema.safeParse(email)).toMatchObject({ success: true, data: email })
        const csv = toCsv([['email', 'name'], ...rows])
        const { records, errors } = parseCsv(csv)
        expect(errors).toEqual([])
        expect(records.slice(1).map((r) => r.fields.map(restoreCell))).toEqual(rows.map(([e, n]) => [e, n]))
      }),
      { numRuns: 300 },
    )
  })

  it('keeps formulas inert in a spreadsheet: no exported cell starts with = + - or @', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(address, name), { minLength: 1, maxLength: 10 }), (rows) => {
        const { records } = parseCsv(toCsv(rows))
        for (const record of records) for (const cell of record.fields) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
      }),
    )
  })

  it('examples from the issue', () => {
    for (const email of ['+news@example.org', '-dash@example.org', '=eq@example.org', "'quote@example.org", "'+both@example.org"]) {
      const [, record] = parseCsv(toCsv([['email'], [email]])).records
      expect(restoreCell(record.fields[0])).toBe(email)
    }
  })
})
