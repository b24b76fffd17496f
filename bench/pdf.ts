/**
 * PDF export benchmark: `npm run bench:pdf` prints one JSON object.
 * demo: cold and warm (median of 7, part cache off) assemble + render of the demo issue,
 * the same with the cache on and nothing changed, and peak RSS;
 * large: the demo issue with 400 chronology entries (cache off); incremental: re-export
 * after one chronology entry changed (cache on: only the changed part is laid out again); leak: RSS after 2 and after 20 exports.
 */
import { toStoredDate } from '../src/fields/dayDate'
import { assembleIssue } from '../src/issue/assemble'
import { renderIssuePdf } from '../src/render/pdf'
import { openScratchPayload, quietStdout } from '../src/runtime/openPayload'
import { seedDemo } from '../src/seed/demo'

const RUNS = 7

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

let peakRss = 0
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss))
const sampler = setInterval(sample, 20)

async function main() {
  const t = await openScratchPayload()
  const { payload } = t
  await quietStdout(() => seedDemo(payload))

  /** Assemble + render. Without the part cache every section is laid out anew. */
  async function exportOnce(slug: string, cache = true): Promise<{ ms: number; pages: number }> {
    const started = performance.now()
    const { model } = await assembleIssue(payload, slug, { draft: true })
    const { pageCount } = await renderIssuePdf(model, { cache })
    return { ms: performance.now() - started, pages: pageCount }
  }

  const cold = await exportOnce('demo', false)
  const warm: number[] = []
  for (let i = 0; i < RUNS; i += 1) warm.push((await exportOnce('demo', false)).ms)
  const unchanged: number[] = []
  for (let i = 0; i < RUNS; i += 1) unchanged.push((await exportOnce('demo')).ms)
  const demoPeak = peakRss

  // Incremental: change one chronology entry, export again (the rest should come from cache).
  const entries = await payload.find({ collection: 'chronology-entries', limit: 1, depth: 0, sort: 'startDate' })
  const entry = entries.docs[0]
  const incremental: number[] = []
  for (let i = 0; i < RUNS; i += 1) {
    await payload.update({ collection: 'chronology-entries', id: entry.id, data: { paragraphs: [{ text: `Edited entry, revision ${i}.` }] } })
    incremental.push((await exportOnce('demo')).ms)
  }

  // Leak: RSS after 2 and after 20 exports, with a collection in between when exposed.
  const gc = (globalThis as { gc?: () => void }).gc
  const settle = () => {
    gc?.()
    return process.memoryUsage().rss
  }
  for (let i = 0; i < 2; i += 1) await exportOnce('demo')
  const rssAfter2 = settle()
  for (let i = 0; i < 18; i += 1) await exportOnce('demo')
  const rssAfter20 = settle()

  // Large: the demo chronology grown to 400 entries.
  const chronology = (await payload.find({ collection: 'chronologies', limit: 1, depth: 0 })).docs[0]
  const existing = (await payload.count({ collection: 'chronology-entries' })).totalDocs
  for (let i = existing; i < 400; i += 1) {
    const day = 1 + (i % 28)
    const month = 4 + (i % 3)
    const date = `2024-0${month}-${String(day).padStart(2, '0')}`
    await payload.create({
      collection: 'chronology-entries',
      data: {
        chronology: chronology.id,
        startDate: toStoredDate(date),
        endDate: toStoredDate(date),
        orderInDay: 10 + i,
        paragraphs: [
          {
            text: `Benchmark entry ${i}: officials of the Republic of Korea and an ASEAN member state met to review cooperation in trade, energy and education, and agreed to meet again before the end of the year.`,
          },
        ],
      },
    })
  }
  const large: number[] = []
  let largePages = 0
  await exportOnce('demo', false)
  for (let i = 0; i < 5; i += 1) {
    const run = await exportOnce('demo', false)
    large.push(run.ms)
    largePages = run.pages
  }

  clearInterval(sampler)
  const result = {
    demo: {
      pages: cold.pages,
      coldMs: Math.round(cold.ms),
      warmMedianMs: Math.round(median(warm)),
      unchangedCachedMedianMs: Math.round(median(unchanged)),
      peakRssMb: mb(demoPeak),
    },
    large: { entries: 400, pages: largePages, warmMedianMs: Math.round(median(large)) },
    incremental: { warmMedianMs: Math.round(median(incremental)) },
    leak: { rssAfter2Mb: mb(rssAfter2), rssAfter20Mb: mb(rssAfter20), gcExposed: Boolean(gc) },
  }
  console.log(JSON.stringify(result))
  await t.close()
  process.exit(0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
