/**
 * Importing an existing list from CSV on a real Payload: all or nothing, errors by line,
 * duplicates merged, consent recorded, opted-out readers left alone; and the export that
 * imports again as it is.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { parseCsv } from '@/subscribers/csv'
import { exportSubscribers, findSubscriberByEmail, importSubscribers, ImportWriteError } from '@/subscribers'
import { startTestPayload, type TestPayload } from '../support/payload'

let t: TestPayload
let payload: Payload

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
})

afterAll(async () => {
  await t?.close()
})

const count = async () => (await payload.count({ collection: 'subscribers', overrideAccess: true })).totalDocs
const run = (csv: string, status: 'pending' | 'confirmed' = 'pending', fileName = 'members.csv') =>
  importSubscribers(payload, csv, { status, fileName, by: 'editor@example.org' })

describe('CSV parsing', () => {
  it('reads quotes, doubled quotes, line breaks in fields, CRLF, a BOM and semicolons, with the line each record starts on', () => {
    const csv = '\uFEFFemail,name\r\n"a@example.net","Kim, Minji"\r\n\r\nb@example.net,"Say ""hi""\nsecond line"\r\nc@example.net,\r\n'
    expect(parseCsv(csv)).toEqual({
      delimiter: ',',
      errors: [],
      records: [
        { line: 1, fields: ['email', 'name'] },
        { line: 2, fields: ['a@example.net', 'Kim, Minji'] },
        { line: 4, fields: ['b@example.net', 'Say "hi"\nsecond line'] },
        { line: 6, fields: ['c@example.net', ''] },
      ],
    })
    expect(parseCsv('email;name\nd@example.net;Dao').records[1].fields).toEqual(['d@example.net', 'Dao'])
    expect(parseCsv('email\n"open@example.net\n').errors).toEqual([{ line: 2, message: expect.stringContaining('not closed') }])
  })
})

describe('import', () => {
  it('imports a list, merging duplicates whatever their case, and records where consent came from', async () => {
    const csv = [
      'Email,Name,Joined',
      'kim.minji@example.net,Kim Minji,2019',
      '"nguyen.ha@example.net","Nguyễn Thị Thu Hà",2020',
      'KIM.MINJI@example.net,,2021',
      'lee@example.net,,2022',
      'Lee@Example.net,Lee Jiwoo,2023',
      '',
    ].join('\n')
    const result = await run(csv, 'confirmed')
    expect(result).toEqual({
      ok: true,
      status: 'confirmed',
      rows: 5,
      addresses: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      keptOptedOut: 0,
      duplicatesMerged: [
        { email: 'kim.minji@example.net', lines: [2, 4] },
        { email: 'lee@example.net', lines: [5, 6] },
      ],
      ignoredColumns: ['joined'],
    })
    const kim = await findSubscriberByEmail(payload, 'kim.minji@example.net')
    expect(kim).toMatchObject({ name: 'Kim Minji', status: 'confirmed', consent: { method: 'import', source: 'Import of members.csv by editor@example.org' } })
    expect(kim?.history).toEqual([expect.objectContaining({ from: null, to: 'confirmed', reason: 'Imported from members.csv by editor@example.org' })])
    // The first non-empty name of a merged address wins.
    expect((await findSubscriberByEmail(payload, 'lee@example.net'))?.name).toBe('Lee Jiwoo')
    expect((await findSubscriberByEmail(payload, 'nguyen.ha@example.net'))?.name).toBe('Nguyễn Thị Thu Hà')
  })

  it('reports every bad line by its number and saves nothing', async () => {
    const before = await count()
    const csv = [
      'email,name',
      'good.one@example.net,Good One', // 2
      'not-an-address,Somebody', // 3
      '"multi@example.net","A name', // 4
      'over two lines"', // 5
      ',Nobody', // 6
      'too@many.net,Too,Many', // 7
      'good.two@example.net,Good Two', // 8
    ].join('\n')
    const result = await run(csv)
    expect(result).toEqual({
      ok: false,
      rows: 6,
      errors: [
        { line: 3, message: expect.stringContaining('"not-an-address"') },
        { line: 6, message: 'the email is empty' },
        { line: 7, message: expect.stringContaining('3 fields') },
      ],
    })
    expect(await count()).toBe(before)
    expect(await findSubscriberByEmail(payload, 'good.one@example.net')).toBeUndefined()
  })

  it('refuses a file without a header line', async () => {
    expect(await run('someone@example.net,Someone\n')).toEqual({
      ok: false,
      rows: 0,
      errors: [{ line: 1, message: expect.stringContaining('the first line must name the columns') }],
    })
    expect(await run('')).toMatchObject({ ok: false, errors: [{ line: 1 }] })
  })

  it('never re-subscribes an opted-out reader, and confirms pending ones only when told', async () => {
    await payload.create({ collection: 'subscribers', data: { email: 'gone@example.net', status: 'unsubscribed' }, overrideAccess: true })
    await payload.create({ collection: 'subscribers', data: { email: 'waiting@example.net', status: 'pending' }, overrideAccess: true })
    const csv = 'email,name\ngone@example.net,Gone\nwaiting@example.net,Waiting\nkim.minji@example.net,Other Name\n'

    expect(await run(csv, 'pending')).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: 1, keptOptedOut: 1 })
    expect(await findSubscriberByEmail(payload, 'gone@example.net')).toMatchObject({ status: 'unsubscribed', name: null })
    expect(await findSubscriberByEmail(payload, 'waiting@example.net')).toMatchObject({ status: 'pending', name: 'Waiting' })
    // An existing name is not overwritten.
    expect((await findSubscriberByEmail(payload, 'kim.minji@example.net'))?.name).toBe('Kim Minji')

    expect(await run(csv, 'confirmed', 'consented.csv')).toMatchObject({ ok: true, updated: 1, keptOptedOut: 1 })
    const waiting = await findSubscriberByEmail(payload, 'waiting@example.net')
    expect(waiting).toMatchObject({ status: 'confirmed', consent: { method: 'import', source: 'Import of consented.csv by editor@example.org' } })
    expect(waiting?.history?.at(-1)).toMatchObject({ from: 'pending', to: 'confirmed' })
    expect((await findSubscriberByEmail(payload, 'gone@example.net'))?.status).toBe('unsubscribed')
  })

  it('is undone as a whole when a write fails half-way', async () => {
    await payload.create({ collection: 'subscribers', data: { email: 'half@example.net', status: 'pending' }, overrideAccess: true })
    const before = await exportSubscribers(payload)
    const csv = 'email,name\nhalf@example.net,Half Way\nfirst.new@example.net,First\nsecond.new@example.net,Second\nthird.new@example.net,Third\n'
    const create = payload.create.bind(payload)
    let calls = 0
    const spy = vi.spyOn(payload, 'create').mockImplementation((async (args: Parameters<Payload['create']>[0]) => {
      calls += 1
      if (calls === 2) throw new Error('disk full')
      return create(args)
    }) as Payload['create'])
    try {
      await expect(run(csv, 'confirmed')).rejects.toBeInstanceOf(ImportWriteError)
    } finally {
      spy.mockRestore()
    }
    expect(calls).toBe(2)
    // The update of half@ and the first create were both undone.
    expect(await exportSubscribers(payload)).toBe(before)
    const half = await findSubscriberByEmail(payload, 'half@example.net')
    expect(half).toMatchObject({ status: 'pending', name: null })
    expect(half?.history).toHaveLength(1)
  })
})

describe('export', () => {
  it('writes email first, with status and consent, and imports again unchanged', async () => {
    const csv = await exportSubscribers(payload)
    const [header, ...rows] = csv.trimEnd().split('\r\n')
    expect(header).toBe('email,name,status,consent_at,consent_method,consent_source,created_at')
    expect(rows.find((r) => r.startsWith('nguyen.ha@example.net,'))).toContain('Nguyễn Thị Thu Hà,confirmed,')
    expect(rows.map((r) => r.split(',')[0])).toEqual([...rows.map((r) => r.split(',')[0])].sort())
    const confirmedOnly = await exportSubscribers(payload, { status: 'confirmed' })
    expect(confirmedOnly).not.toContain('gone@example.net')

    const before = await count()
    expect(await run(csv, 'pending', 'export.csv')).toMatchObject({ ok: true, created: 0, keptOptedOut: 1 })
    expect(await count()).toBe(before)
  })

  it('defuses cells a spreadsheet would run as formulas', async () => {
    await payload.create({ collection: 'subscribers', data: { email: 'formula@example.net', name: '=HYPERLINK("x")', status: 'pending' }, overrideAccess: true })
    expect(await exportSubscribers(payload)).toContain(`formula@example.net,"'=HYPERLINK(""x"")",pending`)
  })
})
