import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook } from 'payload'

import { noteContentChange } from '../../src/issue/contentChanges'

/**
 * A save or a delete of anything an issue prints wakes the live proofs waiting for one
 * (src/issue/contentChanges.ts). It runs before the save commits; the proof looks again
 * until the change shows.
 */
function signal<Doc>({ doc }: { doc: Doc }): Doc {
  noteContentChange()
  return doc
}

export const signalContentChange: CollectionAfterChangeHook = signal
export const signalContentDelete: CollectionAfterDeleteHook = signal
export const signalSettingsChange: GlobalAfterChangeHook = signal
