import type { Payload } from 'payload'

import { canProof } from '../access/canProof'
import { hashOf, LruCache } from '../cache'
import { ServiceError } from '../errors'
import { assembleIssue } from '../issue/assemble'
import { contentChangedSince, contentChanges } from '../issue/contentChanges'
import type { IssueModel } from '../issue/model'
import { proofMark } from '../issue/pdfKind'
import type { User } from '../payload-types'
import { printer } from './preflight'

/**
 * The production editor's live proof (the admin's Proof tab): the issue as it would print now,
 * from the latest drafts, marked PROOF like an exported proof. Each proof remembers a hash of
 * every item it set, so the next one can say which item changed and on which page it starts.
 * Parts come from the renderer's cache, so a one-item change is set again in well under a
 * second.
 */

export interface ProofItemChange {
  id: string
  title: string
  /** 1-based page of the proof where the item starts. */
  page: number
}

export interface LiveProof {
  /** Hash of the model the proof was set from: the client asks again with it (`since`). */
  hash: string
  pdf: Uint8Array
  pageCount: number
  /** The item that changed since the proof before (the first one, in contents order). */
  changed?: ProofItemChange
  /** How long assembling and setting took, in milliseconds. */
  ms: number
}

/** An item of the contents: ids are only unique within a collection, so the group goes with it. */
const itemKey = (group: string, id: string) => `${group}\u0000${id}`

/** Each item the contents list, by group and id, with a hash of what prints of it. */
function itemHashes(model: IssueModel): Map<string, string> {
  const items = new Map<string, string>()
  for (const section of model.sections) {
    const set = (id: string, value: unknown) => items.set(itemKey(section.title, id), hashOf(value))
    if (section.kind === 'essays') for (const essay of section.essays) set(essay.id, essay)
    else if (section.kind === 'forthcoming' || section.kind === 'recent') for (const p of section.publications) set(p.id, p)
    else if (section.kind === 'highlights') set(section.id, section.highlights)
    else set(section.id, section.chronology)
  }
  return items
}

interface Remembered {
  proof: LiveProof
  items: Map<string, string>
}

// The last proof of each issue; a few issues at a time.
const latest = new LruCache<Remembered>(8)

/** The live proof shows unpublished drafts: the staff who may export see it (canProof). */
export function assertMayProof(user: Pick<User, 'role'> | null | undefined): void {
  if (!canProof(user)) throw new ServiceError('not-allowed', 403, 'Production editors, editors and admins see the proof.')
}

/** The issue's proof from its latest drafts, or the remembered one when nothing changed. */
export async function liveProof(
  payload: Payload,
  issue: { id: string; slug: string },
  options: { user: Pick<User, 'role'> | null | undefined; at?: Date },
): Promise<LiveProof> {
  assertMayProof(options.user)
  const { id: issueId, slug } = issue
  const at = options.at ?? new Date()
  const started = performance.now()
  const { model } = await assembleIssue(payload, slug, { draft: true })
  const mark = proofMark(at)
  const hash = hashOf({ model, mark })
  const before = latest.get(issueId)
  if (before?.proof.hash === hash) return before.proof
  const { renderIssuePdf } = await printer()
  const rendered = await renderIssuePdf(model, { proofMark: mark })
  const items = itemHashes(model)
  let changed: ProofItemChange | undefined
  if (before) {
    const key = (e: { group: string; id: string }) => itemKey(e.group, e.id)
    const entry = rendered.toc.find((e) => items.get(key(e)) !== before.items.get(key(e)))
    if (entry) changed = { id: entry.id, title: entry.title, page: entry.page }
  }
  const proof: LiveProof = { hash, pdf: rendered.pdf, pageCount: rendered.pageCount, changed, ms: Math.round(performance.now() - started) }
  latest.set(issueId, { proof, items })
  return proof
}

/** The remembered proof with this hash, if it is still the latest (for the PDF request). */
export function rememberedProof(issueId: string, hash: string, user: Pick<User, 'role'> | null | undefined): LiveProof | undefined {
  assertMayProof(user)
  const proof = latest.get(issueId)?.proof
  return proof?.hash === hash ? proof : undefined
}

/** How long a proof asked for with `since` waits for a save before it answers as it is. */
export const PROOF_WAIT_MS = 1500
/**
 * A save is noted before it commits (collections/hooks/signalContentChange.ts): after one,
 * the proof looks again this often, for this long, until the change shows.
 */
const AFTER_SAVE_STEP_MS = 40
const AFTER_SAVE_MS = 600

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The issue's live proof once it differs from the proof `since`: as soon as a save in this
 * process changed it, else the proof as it is after `waitMs` (the Proof tab asks again at
 * once, so a change made elsewhere is seen within that time).
 */
export async function nextLiveProof(
  payload: Payload,
  issue: { id: string; slug: string },
  options: { user: Pick<User, 'role'> | null | undefined; since: string; waitMs?: number },
): Promise<LiveProof> {
  const deadline = performance.now() + (options.waitMs ?? PROOF_WAIT_MS)
  let seen = contentChanges()
  let proof = await liveProof(payload, issue, options)
  while (proof.hash === options.since) {
    const left = deadline - performance.now()
    if (left <= 0 || !(await contentChangedSince(seen, left))) break
    seen = contentChanges()
    const settled = Math.min(deadline, performance.now() + AFTER_SAVE_MS)
    proof = await liveProof(payload, issue, options)
    while (proof.hash === options.since && contentChanges() === seen && performance.now() < settled) {
      await pause(AFTER_SAVE_STEP_MS)
      proof = await liveProof(payload, issue, options)
    }
  }
  return proof
}
