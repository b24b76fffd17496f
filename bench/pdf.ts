/**
 * PDF export benchmark: `npm run bench:pdf` prints one JSON object.
 * demo: cold and warm (median of 7, part cache off) assemble + render of the demo issue,
 * the same with the cache on and nothing changed, and peak RSS;
 * large: the demo issue with 400 chronology entries (cache off); incremental: re-export
 * after one chronology entry changed (cache on: only the changed part is laid out again); leak: RSS after 2 and after 20 exports.
 * cases (issue 14): render only, on one assembled IssueModel, median and peak RSS of each:
 * demo, 400 entries, 800 entries (cache off), 400 with one entry changed (cache on); and,
 * from cold, as `npm run bulletin` starts them: `bulletin --help` (help),
 * `bulletin campaign-status demo` (commandStart: its work is one query, so its time is the
 * time a command takes to reach its work) and the whole `bulletin export-pdf demo`
 * (coldCommand; emptyStoreMs: its first run, with no text in the shaping store yet). With
 * TYPST_TS_DIR set (typst-ts installed outside the project, see bench/typst.ts) each case
 * is also set by Typst in the same run, and the ratios are given.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { toStoredDate } from '../src/fields/dayDate'
import { assembleIssue } from '../src/issue/assemble'
import type { IssueModel } from '../src/issue/model'
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
let sampling = true
const sample = () => {
  if (sampling) peakRss = Math.max(peakRss, process.memoryUsage().rss)
}
const sampler = setInterval(sample, 20)

interface CaseResult {
  medianMs: number
  peakRssMb: number
  pages?: number
  /** Median CPU time (user + system, all threads) of a run: steadier than wall time on a busy machine. */
  cpuMedianMs?: number
  typstMedianMs?: number
  typstCpuMedianMs?: number
  /** Our median over Typst's, both from this run. */
  ratio?: number
  /** The same for CPU time. */
  cpuRatio?: number
  /** coldCommand only: the first export after the shaping store was emptied, and its peak RSS. */
  emptyStoreMs?: number
  emptyStorePeakRssMb?: number
}

interface Measured {
  medianMs: number
  peakRssMb: number
  pages?: number
  cpuMedianMs: number
}

/**
 * Median time and peak RSS (from the case's start) of `run`, after one warm-up. With `other`
 * (Typst on the same case), the two take turns, run for run (A B A B ...), so that what
 * slows this machine down now and then falls on both, and a ratio compares like with like;
 * the peak RSS is sampled during `run`'s turns only.
 */
async function measure(
  runs: number,
  run: (i: number) => Promise<number | void>,
  other?: (i: number) => Promise<void>,
): Promise<Measured & { other?: Pick<Measured, 'medianMs' | 'cpuMedianMs'> }> {
  (globalThis as { gc?: () => void }).gc?.()
  peakRss = process.memoryUsage().rss
  let pages: number | undefined
  await run(-1)
  await other?.(-1)
  const times: number[] = []
  const cpu: number[] = []
  const otherTimes: number[] = []
  const otherCpu: number[] = []
  const timed = async (go: () => Promise<unknown>, into: number[], cpuInto: number[]) => {
    const started = performance.now()
    const cpuStart = process.cpuUsage()
    const result = await go()
    const used = process.cpuUsage(cpuStart)
    into.push(performance.now() - started)
    cpuInto.push((used.user + used.system) / 1000)
    return result
  }
  for (let i = 0; i < runs; i += 1) {
    pages = ((await timed(() => run(i), times, cpu)) as number | void) ?? pages
    sample()
    if (other) {
      sampling = false
      await timed(() => other(i), otherTimes, otherCpu)
      sampling = true
    }
  }
  const stats = (t: number[], c: number[]) => ({ medianMs: Math.round(median(t)), cpuMedianMs: Math.round(median(c)) })
  return {
    ...stats(times, cpu),
    peakRssMb: mb(peakRss),
    pages,
    other: other ? stats(otherTimes, otherCpu) : undefined,
  }
}

/** Wall time (median) and peak RSS of a whole command, each run a fresh process. */
function command(runs: number, argv: string[], env: NodeJS.ProcessEnv): { medianMs: number; peakRssMb: number } {
  const times: number[] = []
  let peak = 0
  for (let i = 0; i < runs; i += 1) {
    // GNU time: elapsed seconds and the peak RSS (KiB) of the largest process it waited for.
    const out = spawnSync('/usr/bin/time', ['-f', 'BENCH %e %M', ...argv], { env, encoding: 'utf8' })
    const line = out.stderr.split('\n').find((l) => l.startsWith('BENCH '))
    if (out.status !== 0 || !line) throw new Error(`${argv.join(' ')} failed (${out.status}):\n${out.stderr.slice(-2000)}`)
    const [, seconds, kib] = line.split(' ')
    times.push(Number(seconds) * 1000)
    peak = Math.max(peak, Number(kib) * 1024)
  }
  return { medianMs: Math.round(median(times)), peakRssMb: mb(peak) }
}

/** The model with its chronology grown to `count` entries, in the bench's own words. */
function withEntries(model: IssueModel, count: number): IssueModel {
  return {
    ...model,
    sections: model.sections.map((s) => {
      if (s.kind !== 'chronology') return s
      const entries = [...s.chronology.entries]
      for (let i = entries.length; i < count; i += 1) {
        const date = `2024-0${4 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}`
        entries.push({
          id: `bench-${i}`,
          startDate: date,
          endDate: date,
          orderInDay: 10 + i,
          countries: [],
          paragraphs: [
            `Benchmark entry ${i}: officials of the Republic of Korea and an ASEAN member state met to review cooperation in trade, energy and education, and agreed to meet again before the end of the year.`,
          ],
        })
      }
      entries.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.orderInDay - b.orderInDay)
      return { ...s, chronology: { ...s.chronology, entries } }
    }),
  }
}

/** The model with the chronology's middle entry reworded (same length each revision: a typo fix). */
function withChangedEntry(model: IssueModel, revision: number): IssueModel {
  return {
    ...model,
    sections: model.sections.map((s) => {
      if (s.kind !== 'chronology') return s
      const entries = [...s.chronology.entries]
      const middle = Math.floor(entries.length / 2)
      entries[middle] = { ...entries[middle], paragraphs: [`Edited entry, revision ${String(revision + 1).padStart(3, '0')}: the meeting was moved to the following week.`] }
      return { ...s, chronology: { ...s.chronology, entries } }
    }),
  }
}

async function main() {
  const t = await openScratchPayload()
  const { payload } = t
  await quietStdout(() => seedDemo(payload))
  const typstDir = process.env.TYPST_TS_DIR
  const typstBench = typstDir ? await import('./typst') : undefined
  const typst = typstDir && typstBench ? typstBench.typstRenderer(typstDir) : undefined
  const cases: Record<string, CaseResult> = {}
  /** A warm case, measured in turns with Typst on the same models when it is there. */
  const against = async (name: string, runs: number, model: (i: number) => IssueModel, cache = false) => {
    const { other: theirs, ...ours } = await measure(
      runs,
      async (i) => (await renderIssuePdf(model(i), { cache })).pageCount,
      typst ? async (i) => void typst(model(i), { cache }) : undefined,
    )
    const result: CaseResult = ours
    if (theirs) {
      result.typstMedianMs = theirs.medianMs
      result.ratio = Math.round((ours.medianMs / theirs.medianMs) * 100) / 100
      result.typstCpuMedianMs = theirs.cpuMedianMs
      result.cpuRatio = Math.round((ours.cpuMedianMs / theirs.cpuMedianMs) * 100) / 100
    }
    cases[name] = result
  }

  // Whole command from cold, on the seeded demo (before the bench grows its chronology).
  const root = path.resolve(import.meta.dirname, '..')
  const coldDir = fs.mkdtempSync(path.join(t.dir, 'cold-'))
  const env = { ...process.env, NODE_OPTIONS: '' }
  // As `npm run bulletin` starts it: node with the script's flags and the compiled launcher.
  const bulletinScript = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.bulletin
  const bulletin = (...args: string[]) => [process.execPath, ...bulletinScript.split(/\s+/).slice(1).map((word) => (word.startsWith('src/') ? path.join(root, word) : word)), ...args]
  command(1, bulletin('--help'), env) // builds the compiled copy if a source changed
  cases.help = command(5, bulletin('--help'), env)
  // A command whose work is one query: the time it takes is the time to reach the work.
  cases.commandStart = command(5, bulletin('campaign-status', 'demo'), env)
  const exportDemo = bulletin('export-pdf', 'demo', '--force', '--out', path.join(coldDir, 'demo.pdf'))
  // The first export of a fresh install shapes all its text; later ones find it in the
  // shaping store (DATA_DIR/cache/shaping, src/render/pdf/shapingStore.ts), as a user's do.
  fs.rmSync(path.join(t.dir, 'cache'), { recursive: true, force: true })
  const emptyStore = command(1, exportDemo, env)
  const coldCommand: CaseResult = { ...command(3, exportDemo, env), emptyStoreMs: emptyStore.medianMs, emptyStorePeakRssMb: emptyStore.peakRssMb }
  const demoModel = (await assembleIssue(payload, 'demo', { draft: true })).model
  if (typstDir && typstBench) {
    const script = typstBench.writeColdScript(typstDir, demoModel, coldDir)
    const theirs = command(3, [process.execPath, script], env)
    coldCommand.typstMedianMs = theirs.medianMs
    coldCommand.ratio = Math.round((coldCommand.medianMs / theirs.medianMs) * 100) / 100
  }
  cases.coldCommand = coldCommand

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

  // Warm renders on one assembled model (render only, as Typst is measured).
  await against('demo', RUNS, () => demoModel)
  const model400 = withEntries(demoModel, 400)
  await against('entries400', 5, () => model400)
  const model800 = withEntries(demoModel, 800)
  await against('entries800', 5, () => model800)
  await against('changed400', RUNS, (i) => withChangedEntry(model400, i), true)

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
    cases,
    /** Cost in entries: 800 over 400 (linear is 2). */
    growth800over400: Math.round((cases.entries800.medianMs / cases.entries400.medianMs) * 100) / 100,
  }
  console.log(JSON.stringify(result))
  await t.close()
  process.exit(0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
