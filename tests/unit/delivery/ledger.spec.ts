/**
 * The ledger's claim against two database adapters that differ in the one way it cares
 * about: a conditional `updateOne` (options.atomic) updates every matching row on SQL
 * adapters, one row per call on MongoDB (findOneAndUpdate). No MongoDB server runs here, so
 * the MongoDB behaviour is a stub; ids are strings there, numbers on the SQL one.
 */
import type { Payload, Where } from 'payload'
import { describe, expect, it } from 'vitest'

import type { Id } from '@/ids'
import { idFromText, Ledger } from '@/delivery/ledger'

type Doc = Record<string, unknown> & { id: Id }

/** Enough of Payload's where language for the ledger's queries. */
function matches(doc: Doc, where: Where): boolean {
  return Object.entries(where).every(([key, condition]) => {
    if (key === 'and') return (condition as Where[]).every((w) => matches(doc, w))
    if (key === 'or') return (condition as Where[]).some((w) => matches(doc, w))
    const value = doc[key]
    return Object.entries(condition as Record<string, unknown>).every(([op, operand]) => {
      switch (op) {
        case 'equals':
          return String(value) === String(operand)
        case 'in':
          return (operand as unknown[]).map(String).includes(String(value))
        case 'exists':
          return (value !== null && value !== undefined) === operand
        case 'less_than':
          return value !== null && value !== undefined && String(value) < String(operand)
        case 'less_than_equal':
          return value !== null && value !== undefined && String(value) <= String(operand)
        default:
          throw new Error(`the stub does not know "${op}"`)
      }
    })
  })
}

interface StubAdapter {
  rows: Doc[]
  updateOneCalls: number
  payload: Payload
}

/**
 * An in-memory adapter. `oneRowPerCall`: a conditional updateOne changes only the first
 * matching row (MongoDB's findOneAndUpdate); otherwise all of them (SQL's UPDATE … WHERE).
 */
function stubAdapter(kind: 'mongodb' | 'sql', rows: Doc[]): StubAdapter {
  const stub: StubAdapter = { rows, updateOneCalls: 0, payload: undefined as unknown as Payload }
  const db = {
    defaultIDType: kind === 'mongodb' ? 'text' : 'number',
    async find({ where, limit }: { where: Where; limit?: number }) {
      const docs = stub.rows.filter((d) => matches(d, where))
      return { docs: limit ? docs.slice(0, limit) : docs }
    },
    async count({ where }: { where: Where }) {
      return { totalDocs: stub.rows.filter((d) => matches(d, where)).length }
    },
    async updateOne({ where, id, data }: { where?: Where; id?: Id; data: Record<string, unknown> }) {
      stub.updateOneCalls += 1
      const hits = stub.rows.filter((d) => (where ? matches(d, where) : String(d.id) === String(id)))
      if (hits.length === 0) return null
      const changed = kind === 'mongodb' ? hits.slice(0, 1) : hits
      for (const doc of changed) Object.assign(doc, data)
      return { ...changed[0] }
    },
  }
  stub.payload = { db } as unknown as Payload
  return stub
}

const CAMPAIGN: Record<'mongodb' | 'sql', Id> = { mongodb: '6650f0c2a1b2c3d4e5f60001', sql: 7 }

function deliveries(kind: 'mongodb' | 'sql'): Doc[] {
  const id = (n: number): Id => (kind === 'mongodb' ? `6650f0c2a1b2c3d4e5f6${String(n).padStart(4, '0')}` : n)
  const statuses = ['queued', 'queued', 'accepted', 'queued', 'sending', 'queued', 'bounced', 'queued']
  return statuses.map((status, i) => ({
    id: id(i + 1),
    campaign: CAMPAIGN[kind],
    subscriber: id(100 + i),
    email: `r${i + 1}@example.test`,
    status,
    attempts: 0,
    leaseOwner: status === 'sending' ? 'other-worker#1' : null,
    leaseUntil: status === 'sending' ? new Date(Date.now() + 60_000).toISOString() : null,
  }))
}

describe.each(['mongodb', 'sql'] as const)('Ledger.claim on a %s-like adapter', (kind) => {
  it('claims every one of the given deliveries that is still queued, and only those', async () => {
    const stub = stubAdapter(kind, deliveries(kind))
    const ledger = new Ledger(stub.payload, CAMPAIGN[kind])
    const ids = stub.rows.map((d) => d.id)
    const queued = stub.rows.filter((d) => d.status === 'queued').map((d) => String(d.id))
    const { token, rows } = await ledger.claim(ids, { kind: 'queued' }, 'worker-a', new Date(Date.now() + 30_000))
    expect(rows.map((r) => String(r.id)).sort()).toEqual(queued.sort())
    expect(rows.every((r) => r.status === 'sending')).toBe(true)
    // Ids come back as the adapter gives them: strings on MongoDB, numbers on SQL.
    expect(rows.every((r) => typeof r.id === (kind === 'mongodb' ? 'string' : 'number'))).toBe(true)
    expect(stub.rows.filter((d) => d.leaseOwner === token).map((d) => String(d.id)).sort()).toEqual(queued.sort())
    // The one already sending under another worker's lease, and the finished ones, are untouched.
    expect(stub.rows.filter((d) => !queued.includes(String(d.id))).map((d) => d.status)).toEqual(['accepted', 'sending', 'bounced'])
    // MongoDB: one call per row, and one more that finds nothing left.
    if (kind === 'mongodb') expect(stub.updateOneCalls).toBe(queued.length + 1)
  })

  it('gives a delivery to one claim only, whichever worker asks second', async () => {
    const stub = stubAdapter(kind, deliveries(kind))
    const a = new Ledger(stub.payload, CAMPAIGN[kind])
    const b = new Ledger(stub.payload, CAMPAIGN[kind])
    const ids = stub.rows.map((d) => d.id)
    const until = new Date(Date.now() + 30_000)
    const [first, second] = await Promise.all([a.claim(ids.slice(0, 6), { kind: 'queued' }, 'worker-a', until), b.claim(ids.slice(2), { kind: 'queued' }, 'worker-b', until)])
    const claimedA = first.rows.map((r) => String(r.id))
    const claimedB = second.rows.map((r) => String(r.id))
    expect(claimedA.filter((id) => claimedB.includes(id))).toEqual([])
    expect([...claimedA, ...claimedB].sort()).toEqual(stub.rows.filter((d) => d.status === 'sending' && d.leaseOwner !== 'other-worker#1').map((d) => String(d.id)).sort())
    expect(claimedA.length + claimedB.length).toBe(5)
  })

  it('marks abandoned deliveries unknown (at most once) in one claim, whoever held them', async () => {
    const rows = deliveries(kind).map((d) => (d.status === 'queued' ? { ...d, status: 'sending', leaseOwner: 'dead-worker#3', leaseUntil: new Date(Date.now() - 1000).toISOString() } : d))
    const stub = stubAdapter(kind, rows)
    const ledger = new Ledger(stub.payload, CAMPAIGN[kind])
    const abandoned = rows.filter((d) => d.leaseOwner === 'dead-worker#3').map((d) => d.id)
    const now = new Date()
    const { rows: marked } = await ledger.claim(abandoned, { kind: 'abandoned', now, deadOwners: [] }, 'worker-c', now, 'unknown')
    expect(marked.map((r) => String(r.id)).sort()).toEqual(abandoned.map(String).sort())
    expect(marked.every((r) => r.status === 'unknown')).toBe(true)
    // The live lease of another worker is not taken.
    expect(stub.rows.find((d) => d.leaseOwner === 'other-worker#1')?.status).toBe('sending')
  })
})

describe('idFromText: the audience cursor back in the adapter’s id type', () => {
  it('is a number for numeric ids, so "10" comes after 9', () => {
    expect(idFromText('10', 'number')).toBe(10)
  })

  it('stays text for MongoDB’s ObjectIds and SQL text ids', () => {
    expect(idFromText('6650f0c2a1b2c3d4e5f60001', 'text')).toBe('6650f0c2a1b2c3d4e5f60001')
    expect(idFromText('0b4c5e0e-6a47-4c6b-8a53-2b1f7c9d1e11', 'text')).toBe('0b4c5e0e-6a47-4c6b-8a53-2b1f7c9d1e11')
  })
})
