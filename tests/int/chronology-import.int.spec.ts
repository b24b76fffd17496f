import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { getPayload, type CollectionBeforeChangeHook, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { ChronologyImportError, importChronology, type ChronologyImportReport } from '@/chronology/import'
import { entryText } from '@/chronology/parse'
import type { ChronologyEntry, User } from '@/payload-types'
import { assembleIssue } from '@/issue/assemble'
import { renderIssuePdf } from '@/render/pdf'
import { seedDemo } from '@/seed/demo'
import { demoChronology, demoUsers } from '@/seed/demoContent'
import { startTestPayload, type TestPayload } from '../support/payload'
import { pdftotext } from '../unit/pdf/pdfTools'

/**
 * The chronology import service on a real Payload: the April 2024 chronology as it arrived,
 * imported into the demo issue (whose chronology covers April to June 2024).
 */

const APRIL = fs.readFileSync(path.resolve(process.cwd(), 'tests/fixtures/chronology-2024-04.txt'), 'utf8')
const PERIOD = { start: '2024-04-01', end: '2024-06-30' }

/** Line of the fixture -> the dates its day cell stands for. */
const APRIL_DATES: Record<number, [string, string]> = {
  3: ['2024-04-01', '2024-04-01'],
  4: ['2024-04-02', '2024-04-02'],
  5: ['2024-04-03', '2024-04-04'],
  6: ['2024-04-04', '2024-04-04'],
  8: ['2024-04-05', '2024-04-05'],
  9: ['2024-04-09', '2024-04-09'],
  10: ['2024-04-13', '2024-04-14'],
  11: ['2024-04-14', '2024-04-14'],
  12: ['2024-04-16', '2024-04-16'],
  13: ['2024-04-16', '2024-04-16'],
  14: ['2024-04-17', '2024-04-17'],
  15: ['2024-04-17', '2024-04-17'],
  16: ['2024-04-23', '2024-04-26'],
  18: ['2024-04-23', '2024-04-23'],
  19: ['2024-04-24', '2024-04-24'],
  20: ['2024-04-24', '2024-04-24'],
  21: ['2024-04-26', '2024-04-26'],
  22: ['2024-04-26', '2024-04-26'],
}

let t: TestPayload
let payload: Payload
let chronologyId: number | string
const users: Partial<Record<User['role'], User>> = {}

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  await seedDemo(payload)
  const { docs } = await payload.find({ collection: 'chronologies', limit: 1, depth: 0 })
  chronologyId = docs[0].id
  for (const { email, role } of demoUsers) {
    users[role] = (await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1 })).docs[0]
  }
}, 180_000)

afterAll(async () => t?.close())

async function entries(p: Payload = payload, id: number | string = chronologyId): Promise<ChronologyEntry[]> {
  const { docs } = await p.find({
    collection: 'chronology-entries',
    where: { chronology: { equals: id } },
    sort: ['startDate', 'orderInDay'],
    pagination: false,
    depth: 0,
  })
  return docs
}

/** What a reader of the chronology sees, in print order, and whether a reader may see it yet. */
async function snapshot(p?: Payload, id?: number | string): Promise<string[]> {
  return (await entries(p, id)).map(
    (e) =>
      `${e.startDate}|${e.endDate}|${e.orderInDay}|${entryText((e.paragraphs ?? []).map((x) => x.text))}|${(e.countries ?? []).join(',')}|${e.publishedWithChronology}`,
  )
}

/** The chronology as the committee sees it (its newest draft). */
async function chronologyNow(p: Payload = payload, id: number | string = chronologyId) {
  return p.findByID({ collection: 'chronologies', id, draft: true, depth: 0 })
}

/** An editor approves and publishes the chronology, as in the admin. */
async function approveAndPublish(p: Payload = payload, id: number | string = chronologyId): Promise<void> {
  await p.update({ collection: 'chronologies', id, data: { reviewStatus: 'approved', _status: 'published' }, user: users.editor, overrideAccess: false })
}

/** The entry texts of the chronology that the public may read. */
async function publicTexts(): Promise<string[]> {
  const { docs } = await payload.find({
    collection: 'chronology-entries',
    where: { chronology: { equals: chronologyId } },
    pagination: false,
    depth: 0,
    overrideAccess: false,
  })
  return docs.map((e) => entryText((e.paragraphs ?? []).map((x) => x.text)))
}

const day = (iso: string | null | undefined): string => (iso ?? '').slice(0, 10)

function fixtureLine(line: number): string {
  return APRIL.split('\n')[line - 1]
}

/** The April fixture with some of its lines replaced (1-based) and lines added at the end. */
function corrected(replace: Record<number, string>, append: string[] = []): string {
  const lines = APRIL.replace(/\n$/, '').split('\n')
  for (const [line, text] of Object.entries(replace)) lines[Number(line) - 1] = text
  return [...lines, ...append].join('\n')
}

function failOnNthCreate(p: Payload, n: number): () => void {
  let creates = 0
  const hook: CollectionBeforeChangeHook = ({ operation, data }) => {
    if (operation === 'create' && ++creates === n) throw new Error('the disk is full (simulated)')
    return data
  }
  const hooks = p.collections['chronology-entries'].config.hooks
  hooks.beforeChange.push(hook)
  return () => {
    hooks.beforeChange.splice(hooks.beforeChange.indexOf(hook), 1)
  }
}

describe('importing the April 2024 chronology into the demo issue', () => {
  let dryRun: ChronologyImportReport

  it('previews every entry with its dates right, no warnings, and writes nothing on a dry run', async () => {
    const before = await snapshot()
    dryRun = await importChronology(payload, { issueSlug: 'demo', source: { text: APRIL }, dryRun: true })
    expect(dryRun.errors).toEqual([])
    expect(dryRun.warnings).toEqual([])
    expect(dryRun.chronology.period).toEqual(PERIOD)
    expect(Object.fromEntries(dryRun.entries.map((e) => [e.line, [e.startDate, e.endDate]]))).toEqual(APRIL_DATES)
    expect(dryRun.entries.every((e) => e.status === 'new')).toBe(true)
    expect(dryRun.entries.find((e) => e.line === 16)).toMatchObject({ dayCell: '23rd - 26th', countries: ['KH', 'KR'] })
    expect(dryRun.entries[0].text).toBe(fixtureLine(3).split('\t')[1].trim())
    expect(dryRun).toMatchObject({ added: 18, updated: 0, unchanged: 0, committed: false, dryRun: true })
    // The demo's own April entries are not in this document; they are kept (and May and June are not mentioned).
    expect(dryRun.notInDocument).toHaveLength(demoChronology.filter(([start]) => start.startsWith('2024-04')).length)
    expect(await snapshot()).toEqual(before)
  })

  it('commits all 18 entries, at noon UTC, sorted into their days after the entries already there', async () => {
    const demoBefore = await entries()
    const report = await importChronology(payload, { issueSlug: 'demo', source: { text: APRIL } })
    expect(report).toMatchObject({ added: 18, updated: 0, unchanged: 0, committed: true, errors: [] })
    expect(report.entries.every((e) => e.id !== undefined)).toBe(true)

    const after = await entries()
    expect(after).toHaveLength(demoBefore.length + 18)
    const imported = new Set(report.entries.map((e) => e.id))
    for (const e of report.entries) {
      const stored = after.find((s) => s.id === e.id)!
      expect(stored.startDate).toBe(`${APRIL_DATES[e.line][0]}T12:00:00.000Z`)
      expect(stored.endDate).toBe(`${APRIL_DATES[e.line][1]}T12:00:00.000Z`)
      expect(stored.paragraphs?.map((p) => p.text)).toEqual([fixtureLine(e.line).split('\t')[1].trim()])
      expect(stored.countries).toEqual(e.countries)
    }
    // orderInDay numbers each day 0, 1, 2…; the demo's entries keep their place ahead of the imported ones.
    const byDay = new Map<string, ChronologyEntry[]>()
    for (const e of after) byDay.set(day(e.startDate), [...(byDay.get(day(e.startDate)) ?? []), e])
    for (const list of byDay.values()) {
      expect(list.map((e) => e.orderInDay)).toEqual(list.map((_, i) => i))
      const firstImported = list.findIndex((e) => imported.has(e.id))
      if (firstImported >= 0) expect(list.slice(firstImported).every((e) => imported.has(e.id))).toBe(true)
    }
    // The imported entries read by start day, and within a day as the compiler listed them
    // ("23rd - 26th" on line 16 before "23rd" on line 18), worked out from the table above.
    const expectedOrder = Object.keys(APRIL_DATES)
      .map(Number)
      .sort((a, b) => (APRIL_DATES[a][0] < APRIL_DATES[b][0] ? -1 : APRIL_DATES[a][0] > APRIL_DATES[b][0] ? 1 : a - b))
    expect(expectedOrder.indexOf(16)).toBeLessThan(expectedOrder.indexOf(18))
    const lineOf = new Map(report.entries.map((e) => [e.id, e.line]))
    expect(after.filter((e) => imported.has(e.id)).map((e) => lineOf.get(e.id))).toEqual(expectedOrder)
  })

  it('prints the imported entries in the chronology of the issue PDF', async () => {
    const { model } = await assembleIssue(payload, 'demo', { draft: true })
    const { pdf } = await renderIssuePdf(model, { cache: false })
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-chron-pdf-')), 'issue.pdf')
    fs.writeFileSync(file, pdf)
    try {
      const text = pdftotext(file).replace(/\s+/g, ' ')
      // A range, a same-day pair and the last line of the April document, under their day cells.
      expect(text).toMatch(/23rd–26th General Mao Sophan, deputy commander-in-chief/)
      expect(text).toMatch(/Vietnamese Ambassador to the ROK Vu Ho presented his credentials/)
      expect(text).toMatch(/held a working session with a delegation from Goyang city/)
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true })
    }
  })

  it('adds nothing when the same document is imported again, pasted or as a file', async () => {
    const before = await snapshot()
    const again = await importChronology(payload, { issueSlug: 'demo', source: { text: APRIL } })
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 18, reordered: 0, committed: true })
    const file = await importChronology(payload, {
      issueSlug: 'demo',
      source: { bytes: new TextEncoder().encode(APRIL), filename: 'chronology-2024-04.txt' },
    })
    expect(file).toMatchObject({ added: 0, updated: 0, unchanged: 18, committed: true })
    // Pasted through a web editor: HTML paragraphs, curly quotes, extra spaces. Still the same entries.
    const html = APRIL.split('\n')
      .map((line) => `<p>${line.replace(/'/g, '’').replace(/ /g, '  ')}</p>`)
      .join('\n')
    const pasted = await importChronology(payload, { issueSlug: 'demo', source: { text: html }, dryRun: true })
    expect(pasted).toMatchObject({ added: 0, updated: 0, unchanged: 18 })
    expect(await snapshot()).toEqual(before)
  })

  it('updates corrected entries and reports what changed', async () => {
    const fixedDates = fixtureLine(16).replace('23rd - 26th', '23rd - 25th')
    const fixedText = fixtureLine(12).replace('close to four decades', 'nearly four decades')
    const added = '30th\tThe Embassy of the ROK in Manila hosted a reception for Philippine alumni of Korean universities.'
    const text = corrected({ 16: fixedDates, 12: fixedText }, [added])
    const report = await importChronology(payload, { issueSlug: 'demo', source: { text } })
    expect(report).toMatchObject({ added: 1, updated: 2, unchanged: 16, committed: true })

    const dates = report.entries.find((e) => e.line === 16)!
    expect(dates).toMatchObject({ status: 'updated', changes: ['dates'], endDate: '2024-04-25' })
    expect(dates.previous).toMatchObject({ startDate: '2024-04-23', endDate: '2024-04-26' })
    const wording = report.entries.find((e) => e.line === 12)!
    expect(wording).toMatchObject({ status: 'updated', changes: ['text'] })
    expect(wording.previous?.text).toContain('close to four decades')
    expect(report.entries.find((e) => e.line === 24)).toMatchObject({ status: 'new', startDate: '2024-04-30', countries: ['PH', 'KR'] })

    const stored = await entries()
    expect(day(stored.find((e) => e.id === dates.id)!.endDate)).toBe('2024-04-25')
    expect(stored.find((e) => e.id === wording.id)!.paragraphs![0].text).toContain('nearly four decades')
    expect(stored.filter((e) => e.paragraphs?.[0].text.includes('Kim Jae-shin'))).toHaveLength(1)

    // The corrected document is now what is stored: importing it again changes nothing.
    const again = await importChronology(payload, { issueSlug: 'demo', source: { text } })
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 19 })
  })

  it('reads another event on the same day as new, not as a correction', async () => {
    const other = '16th\tThe ASEAN-Korea Centre opened a photo exhibition on Mekong river life in Seoul.'
    const report = await importChronology(payload, { issueSlug: 'demo', source: { text: `April 2024\n${other}` }, dryRun: true })
    expect(report.entries).toMatchObject([{ status: 'new', startDate: '2024-04-16' }])
  })
})

describe('errors and the period', () => {
  const DOC = [
    'June 2024',
    '29th June -4th July\tA Cambodian parliamentary delegation visited the ROK for a week of meetings.',
    '31st\tA day June does not have.',
    '12th-10th\tAn event that ends before it starts.',
    'July 2024',
    '2nd\tA meeting after the chronology\'s period.',
  ].join('\n')

  it('allows an entry to run past the end of the period but not to start outside it; errors block the commit', async () => {
    const before = await snapshot()
    const report = await importChronology(payload, { issueSlug: 'demo', source: { text: DOC } })
    expect(report.entries).toMatchObject([{ line: 2, startDate: '2024-06-29', endDate: '2024-07-04', status: 'new' }])
    expect(report.errors.map((e) => e.line)).toEqual([3, 4, 6])
    expect(report.errors[2].message).toMatch(/after the chronology's period/)
    expect(report.committed).toBe(false)
    expect(await snapshot()).toEqual(before)
  })

  it('commits once the offending lines are excluded', async () => {
    const partly = await importChronology(payload, { issueSlug: 'demo', source: { text: DOC }, excludeLines: [3, 4] })
    expect(partly.committed).toBe(false)
    expect(partly.errors.map((e) => e.line)).toEqual([6])

    const report = await importChronology(payload, { issueSlug: 'demo', source: { text: DOC }, excludeLines: [3, 4, 6] })
    expect(report).toMatchObject({ committed: true, added: 1, errors: [] })
    expect(report.excluded.lines).toEqual([3, 4, 6])
    expect(report.excluded.errors.map((e) => e.line)).toEqual([3, 4, 6])
    const stored = (await entries()).find((e) => e.id === report.entries[0].id)!
    expect([day(stored.startDate), day(stored.endDate)]).toEqual(['2024-06-29', '2024-07-04'])
  })

  it('cannot exclude a problem with the whole file', async () => {
    const report = await importChronology(payload, {
      issueSlug: 'demo',
      source: { bytes: new TextEncoder().encode(APRIL), filename: 'april.doc' },
      excludeLines: [0],
    })
    expect(report.errors).toMatchObject([{ line: 0, message: expect.stringMatching(/save a \.doc as \.docx/) }])
    expect(report.committed).toBe(false)
  })

  it('says so when the issue does not exist', async () => {
    await expect(importChronology(payload, { issueSlug: 'no-such-issue', source: { text: APRIL } })).rejects.toMatchObject({
      status: 404,
      message: expect.stringMatching(/no issue "no-such-issue"/),
    })
  })
})

describe('all or nothing', () => {
  const MAY = [
    'May 2024',
    '2nd\tFirst new entry of a failing import.',
    '3rd\tSecond new entry of a failing import.',
    '6th\tThird new entry of a failing import.',
    '7th\tFourth new entry of a failing import.',
  ].join('\n')

  it('undoes every write when one fails part-way (no transactions on the embedded SQLite default)', async () => {
    // Published, so the entries about to be updated are public: undone, they must be public again.
    await approveAndPublish()
    // Updates first (the corrected entries go back to their first version), then new entries: the third create fails.
    const text = `${APRIL}\n${MAY}`
    expect(await importChronology(payload, { issueSlug: 'demo', source: { text }, dryRun: true })).toMatchObject({ updated: 2, added: 4 })
    const before = await snapshot()
    const restore = failOnNthCreate(payload, 3)
    try {
      await expect(importChronology(payload, { issueSlug: 'demo', source: { text } })).rejects.toThrow(/disk is full/)
    } finally {
      restore()
    }
    expect(await snapshot()).toEqual(before)
    expect(before.every((line) => line.endsWith('|true'))).toBe(true)
    // The chronology did not go back to review for an import that did not happen.
    expect((await chronologyNow()).reviewStatus).toBe('approved')
  })

  it('rolls the transaction back where the database has transactions', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-tx-'))
    const { default: configPromise } = await import('@payload-config')
    const base = await configPromise
    // Drizzle skips pushing a schema it pushed before in this process: this is a new file.
    process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
    const tx = await getPayload({
      config: { ...base, db: sqliteAdapter({ client: { url: `file:${path.join(dir, 'tx.db')}` }, transactionOptions: {} }) as typeof base.db },
      key: `tx-${dir}`,
    }).finally(() => delete process.env.PAYLOAD_FORCE_DRIZZLE_PUSH)
    try {
      await seedDemo(tx)
      const id = (await tx.find({ collection: 'chronologies', limit: 1, depth: 0 })).docs[0].id
      await importChronology(tx, { issueSlug: 'demo', source: { text: APRIL } })
      const before = await snapshot(tx, id)
      const rollback = vi.spyOn(tx.db, 'rollbackTransaction')
      const commit = vi.spyOn(tx.db, 'commitTransaction')
      const restore = failOnNthCreate(tx, 3)
      try {
        const text = `${corrected({ 16: fixtureLine(16).replace('23rd - 26th', '23rd - 25th') })}\n${MAY}`
        await expect(importChronology(tx, { issueSlug: 'demo', source: { text } })).rejects.toThrow(/disk is full/)
      } finally {
        restore()
      }
      expect(rollback).toHaveBeenCalled()
      expect(commit).not.toHaveBeenCalled()
      expect(await snapshot(tx, id)).toEqual(before)
      // And a good import commits its one transaction.
      const ok = await importChronology(tx, { issueSlug: 'demo', source: { text: MAY } })
      expect(ok).toMatchObject({ committed: true, added: 4 })
      expect(commit).toHaveBeenCalledTimes(1)
      expect(await entries(tx, id)).toHaveLength(before.length + 4)
    } finally {
      await tx.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('who may import', () => {
  const doc = (text: string) => ({ issueSlug: 'demo', source: { text: `May 2024\n${text}` } })

  it.each([
    ['editorialAssistant', '20th'],
    ['editor', '21st'],
    ['admin', '22nd'],
  ] as const)('%s may preview and import, with their own rights', async (role, day) => {
    const user = users[role]!
    const text = `${day}\tAn entry imported by the ${role}.`
    const preview = await importChronology(payload, { ...doc(text), dryRun: true, user })
    expect(preview).toMatchObject({ added: 1, committed: false })
    const create = vi.spyOn(payload, 'create')
    try {
      const report = await importChronology(payload, { ...doc(text), user })
      expect(report).toMatchObject({ added: 1, committed: true })
      const call = create.mock.calls.find(([args]) => args.collection === 'chronology-entries')![0]
      expect(call.overrideAccess).toBe(false)
      expect(call.req?.user?.id).toBe(user.id)
    } finally {
      create.mockRestore()
    }
  })

  it.each([
    ['productionEditor', 403],
    ['public', 401],
  ] as const)('%s may not, not even preview', async (who, status) => {
    const user = who === 'public' ? null : users[who]!
    const before = await snapshot()
    for (const dryRun of [true, false]) {
      const attempt = importChronology(payload, { ...doc('23rd\tAn entry nobody may import.'), dryRun, user })
      await expect(attempt).rejects.toBeInstanceOf(ChronologyImportError)
      await expect(attempt).rejects.toMatchObject({ status })
    }
    expect(await snapshot()).toEqual(before)
  })
})

describe('an approved chronology and the entries imported into it', () => {
  const MAY_EVENT = '27th\tThe Korean Cultural Centre in Jakarta opened a season of Indonesian-Korean co-productions.'
  const MAY_EVENT_TEXT = MAY_EVENT.split('\t')[1]

  async function reviewAudit(since: string) {
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: {
        and: [
          { collectionSlug: { equals: 'chronologies' } },
          { documentId: { equals: String(chronologyId) } },
          { action: { equals: 'statusChanged' } },
          { at: { greater_than_equal: since } },
        ],
      },
      sort: 'createdAt',
      depth: 0,
    })
    return docs
  }

  it('goes back to review when an import adds entries, and the new entries wait for the next publication', async () => {
    await approveAndPublish()
    const publicBefore = await publicTexts()
    expect(publicBefore.length).toBeGreaterThan(0)
    const since = new Date().toISOString()

    const report = await importChronology(payload, { issueSlug: 'demo', source: { text: `May 2024\n${MAY_EVENT}` }, user: users.editorialAssistant })
    expect(report).toMatchObject({ committed: true, added: 1, sentBackToReview: true })
    expect(report.chronology.reviewStatus).toBe('approved')

    // Back in review, in the audit log as the assistant's, with the reason.
    expect((await chronologyNow()).reviewStatus).toBe('inReview')
    const [entry, ...more] = await reviewAudit(since)
    expect(more).toEqual([])
    expect(entry).toMatchObject({ from: 'approved', to: 'inReview', userEmail: users.editorialAssistant!.email })
    expect(entry.details).toMatchObject({ reason: '1 entry imported: 1 new' })
    expect(entry.summary).toBe(`Review status changed: chronology "${report.chronology.title}", Approved → In review (1 entry imported: 1 new)`)

    // What was published stays published; the new entry is not public, not in the web edition, but in the proofs.
    const published = await payload.findByID({ collection: 'chronologies', id: chronologyId, depth: 0, overrideAccess: false })
    expect(published).toMatchObject({ _status: 'published', reviewStatus: 'approved' })
    expect(await publicTexts()).toEqual(publicBefore)
    const id = report.entries[0].id!
    await expect(payload.findByID({ collection: 'chronology-entries', id: id as number, overrideAccess: false })).rejects.toMatchObject({ status: 404 })
    const textsOf = (model: Awaited<ReturnType<typeof assembleIssue>>['model']) =>
      model.sections.flatMap((section) => (section.kind === 'chronology' ? section.chronology.entries.map((e) => e.paragraphs.join('\n\n')) : []))
    expect(textsOf((await assembleIssue(payload, 'demo')).model)).not.toContain(MAY_EVENT_TEXT)
    expect(textsOf((await assembleIssue(payload, 'demo', { draft: true })).model)).toContain(MAY_EVENT_TEXT)

    // Approved and published again: now the public reads it.
    await approveAndPublish()
    expect(await publicTexts()).toContain(MAY_EVENT_TEXT)
    expect(textsOf((await assembleIssue(payload, 'demo')).model)).toContain(MAY_EVENT_TEXT)
  })

  it('goes back to review when an import changes an entry, which readers do not see changed until it is published again', async () => {
    const fixed = MAY_EVENT.replace('a season of', 'a festival of')
    const since = new Date().toISOString()
    const report = await importChronology(payload, { issueSlug: 'demo', source: { text: `May 2024\n${fixed}` }, user: users.editor })
    expect(report).toMatchObject({ committed: true, added: 0, updated: 1, sentBackToReview: true })
    expect((await chronologyNow()).reviewStatus).toBe('inReview')
    expect((await reviewAudit(since))[0].details).toMatchObject({ reason: '1 entry imported: 1 changed' })
    const texts = await publicTexts()
    expect(texts).not.toContain(MAY_EVENT_TEXT)
    expect(texts).not.toContain(fixed.split('\t')[1])
  })

  it('stays as it is when the chronology is not approved, or when the import changes nothing', async () => {
    expect((await chronologyNow()).reviewStatus).toBe('inReview')
    const another = await importChronology(payload, { issueSlug: 'demo', source: { text: 'May 2024\n28th\tAnother event in review.' } })
    expect(another).toMatchObject({ added: 1, sentBackToReview: false })
    expect((await chronologyNow()).reviewStatus).toBe('inReview')

    await approveAndPublish()
    const since = new Date().toISOString()
    const same = await importChronology(payload, { issueSlug: 'demo', source: { text: 'May 2024\n28th\tAnother event in review.' } })
    expect(same).toMatchObject({ added: 0, updated: 0, unchanged: 1, sentBackToReview: false })
    expect((await chronologyNow()).reviewStatus).toBe('approved')
    expect(await reviewAudit(since)).toEqual([])
  })

  it('goes back to review when a member edits an entry by hand, and the change waits for the next publication', async () => {
    expect((await chronologyNow()).reviewStatus).toBe('approved')
    const [entry] = (await entries()).filter((e) => e.publishedWithChronology)
    const since = new Date().toISOString()
    await payload.update({
      collection: 'chronology-entries',
      id: entry.id,
      data: { paragraphs: [{ text: 'Corrected by hand.' }], publishedWithChronology: true },
      user: users.editorialAssistant,
      overrideAccess: false,
    })
    const after = await payload.findByID({ collection: 'chronology-entries', id: entry.id, depth: 0 })
    expect(after.publishedWithChronology).toBe(false)
    expect(await publicTexts()).not.toContain('Corrected by hand.')
    expect((await chronologyNow()).reviewStatus).toBe('inReview')
    const [audit] = await reviewAudit(since)
    expect(audit).toMatchObject({ userEmail: users.editorialAssistant!.email })
    expect(audit.details).toMatchObject({ reason: expect.stringMatching(/^Entry of \d+ \w+ 2024 changed$/) })

    // Saving it again unchanged, or moving it within its day, keeps it as it is.
    await approveAndPublish()
    await payload.update({ collection: 'chronology-entries', id: entry.id, data: { orderInDay: 7 }, user: users.editor, overrideAccess: false })
    expect((await payload.findByID({ collection: 'chronology-entries', id: entry.id, depth: 0 })).publishedWithChronology).toBe(true)
    expect((await chronologyNow()).reviewStatus).toBe('approved')
  })

  it('keeps an entry created by a member unpublished, whatever the request says', async () => {
    const created = await payload.create({
      collection: 'chronology-entries',
      data: { chronology: chronologyId as number, startDate: '2024-05-29T12:00:00.000Z', endDate: '2024-05-29T12:00:00.000Z', paragraphs: [{ text: 'Added by hand.' }], publishedWithChronology: true },
      user: users.editor,
      overrideAccess: false,
    })
    expect(created.publishedWithChronology).toBe(false)
    expect(await publicTexts()).not.toContain('Added by hand.')
    expect((await chronologyNow()).reviewStatus).toBe('inReview')
  })
})
