import type { CollectionBeforeChangeHook } from 'payload'
import { idOf, type Id } from '../../src/ids'

interface NoteRow {
  id?: Id | null
  author?: Id | { id: Id } | null
  createdAt?: string | null
  text?: string
  resolved?: boolean | null
}

/**
 * A review note's author and time are the server's: a note that the stored item does not
 * have yet (no id, or an id it does not know) is stamped with the member saving and now;
 * a note it has keeps its author and time, whatever the request says. Field access
 * (systemOnly) already drops them from members' requests; this also covers server code.
 */
export const stampReviewNotes: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const notes = data.reviewNotes as NoteRow[] | undefined
  if (!Array.isArray(notes)) return data
  const before = new Map<string, NoteRow>()
  for (const note of (originalDoc?.reviewNotes as NoteRow[] | undefined) ?? []) {
    if (note.id !== undefined && note.id !== null) before.set(String(note.id), note)
  }
  const now = new Date().toISOString()
  const stamped = notes.map((note): NoteRow => {
    const stored = note.id !== undefined && note.id !== null ? before.get(String(note.id)) : undefined
    if (stored) return { ...note, author: idOf(stored.author) ?? null, createdAt: stored.createdAt ?? null }
    // New note: a member's request is stamped with the member; server code may say who.
    const author = req.user ? req.user.id : (idOf(note.author) ?? null)
    return { ...note, author, createdAt: req.user ? now : (note.createdAt ?? now) }
  })
  return { ...data, reviewNotes: stamped }
}
