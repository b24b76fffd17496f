import type { CollectionAfterChangeHook } from 'payload'

/**
 * Publishing a chronology publishes its entries as they are now: the ones added or changed
 * since the last publication (withholdChangedEntry) become public with it. A draft saved over
 * a published chronology leaves them withheld. One update through the database adapter, in
 * the save's transaction: no entry hooks to run, and hundreds of entries in one statement on
 * MongoDB.
 */
export const publishChronologyEntries: CollectionAfterChangeHook = async ({ doc, req }) => {
  const chronology = doc as { id: number | string; _status?: string | null }
  if (chronology._status !== 'published') return doc
  await req.payload.db.updateMany({
    collection: 'chronology-entries',
    where: { and: [{ chronology: { equals: chronology.id } }, { publishedWithChronology: { not_equals: true } }] },
    data: { publishedWithChronology: true },
    req,
    returning: false,
  })
  return doc
}
