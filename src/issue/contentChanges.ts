/**
 * Saves of what an issue prints, in this process: a count the live proof waits on
 * (src/export/proof.ts), so that the Proof tab shows a save at once instead of at its next
 * check. A change made by another server process is not counted here; the proof's own
 * checks find it.
 */

let count = 0
const waiting = new Set<() => void>()

/** A save or a delete of issue content (collections/hooks/signalContentChange.ts). */
export function noteContentChange(): void {
  count++
  for (const wake of waiting) wake()
  waiting.clear()
}

/** Changes noted so far in this process. */
export const contentChanges = (): number => count

/** True as soon as a change is noted after `seen` changes, false after `ms` without one. */
export function contentChangedSince(seen: number, ms: number): Promise<boolean> {
  if (count > seen) return Promise.resolve(true)
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer)
      resolve(true)
    }
    const timer = setTimeout(() => {
      waiting.delete(wake)
      resolve(false)
    }, ms)
    waiting.add(wake)
  })
}
