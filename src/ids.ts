/**
 * Document ids: numbers on SQL adapters, strings on MongoDB (the generated types say number
 * only). One type, and one way to read a relationship's id, for every layer. Pure.
 */
export type Id = number | string

/** A relationship as stored (an id) or populated (a document): its id; undefined when empty. */
export function idOf(ref: Id | { id: Id } | null | undefined): Id | undefined {
  return ref === null || ref === undefined ? undefined : typeof ref === 'object' ? ref.id : ref
}
