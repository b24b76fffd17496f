import type { Payload, Where } from 'payload'

import type { Issue, IssueExport, User } from '../payload-types'
import { IssueNotFoundError } from '../issue/assemble'
import type { PdfKind } from '../issue/pdfKind'
import { preflightWithoutRender } from '../export/preflight'
import { itemTitle, workflowOf, type WorkflowCollection, type WorkflowDoc } from '../workflow/fields'
import {
  countsOf,
  missingOf,
  type ExportSummary,
  type IssueStatusData,
  type ItemStatus,
  type Missing,
  type PublishState,
  type SectionStatus,
  type StatusCounts,
} from './missing'
import { idOf, type Id } from '../ids'

/**
 * issueStatus(slug): what the issue dashboard shows, as plain data. Every section with its
 * items (published or not, review status, assignee, layout-ready, open review notes), the
 * preflight of the latest drafts, the last PDF export, and what is still missing.
 * It reads with the caller's own rights, like the admin would.
 */

export interface IssueStatus extends IssueStatusData {
  counts: StatusCounts
  missing: Missing[]
}

type Section = NonNullable<Issue['sections']>[number]

const idsOf = (refs: Array<Id | { id: Id }> | null | undefined): Id[] =>
  (refs ?? []).map(idOf).filter((id): id is Id => id !== undefined)

function refsOf(section: Section): { collection: WorkflowCollection; ids: Id[] } {
  switch (section.blockType) {
    case 'essaysSection':
      return { collection: 'essays', ids: idsOf(section.essays) }
    case 'highlightsSection':
      return { collection: 'highlights', ids: idsOf(section.highlights) }
    case 'publicationsSection':
      return { collection: 'publications', ids: idsOf(section.publications) }
    case 'chronologySection':
      return { collection: 'chronologies', ids: idsOf([section.chronology]) }
  }
}

const kindOf = (section: Section): SectionStatus['kind'] =>
  section.blockType === 'essaysSection'
    ? 'essays'
    : section.blockType === 'highlightsSection'
      ? 'highlights'
      : section.blockType === 'publicationsSection'
        ? section.kind
        : 'chronology'

const stateOf = (latest: { _status?: 'draft' | 'published' | null }, everPublished: boolean): PublishState =>
  latest._status === 'published' ? 'published' : everPublished ? 'changed' : 'draft'

const newest = (dates: Array<string | undefined>): string =>
  dates.filter((d): d is string => Boolean(d)).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), new Date(0).toISOString())

export async function issueStatus(payload: Payload, slug: string, user: User | null | undefined): Promise<IssueStatus> {
  const asUser = { user: user ?? undefined, overrideAccess: false } as const
  const admin = payload.config.routes.admin
  const hrefOf = (collection: string, id: Id) => `${admin}/collections/${collection}/${encodeURIComponent(String(id))}`

  const found = await payload.find({ collection: 'issues', where: { slug: { equals: slug } }, draft: true, depth: 0, limit: 1, ...asUser })
  const issue = found.docs[0]
  if (!issue) throw new IssueNotFoundError(slug)

  /** Which of these ids have a published version (the main document, not the latest draft). */
  async function publishedIds(collection: 'issues' | WorkflowCollection, ids: Id[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set()
    const where: Where = { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] }
    const { docs } = await payload.find({ collection, where, draft: false, depth: 0, pagination: false, ...asUser })
    return new Set(docs.map((doc) => String(doc.id)))
  }

  const sections = issue.sections ?? []
  const wanted = new Map<WorkflowCollection, Id[]>()
  for (const section of sections) {
    const { collection, ids } = refsOf(section)
    wanted.set(collection, [...(wanted.get(collection) ?? []), ...ids])
  }

  // The latest version of every item (drafts included), and who is assigned to them.
  const docs = new Map<string, { collection: WorkflowCollection; doc: WorkflowDoc; everPublished: boolean }>()
  for (const [collection, ids] of wanted) {
    if (ids.length === 0) continue
    const latest = await payload.find({ collection, where: { id: { in: ids } }, draft: true, depth: 0, pagination: false, ...asUser })
    const published = await publishedIds(collection, ids)
    for (const doc of latest.docs as WorkflowDoc[]) {
      docs.set(`${collection}:${doc.id}`, { collection, doc, everPublished: published.has(String(doc.id)) })
    }
  }
  const assigneeIds = [...new Set([...docs.values()].map(({ doc }) => workflowOf(doc).assigneeId).filter((id): id is Id => id !== undefined))]
  const names = new Map<string, string>()
  if (assigneeIds.length > 0) {
    // Read with the caller's rights: an assistant sees only their own name.
    const users = await payload.find({ collection: 'users', where: { id: { in: assigneeIds } }, depth: 0, pagination: false, ...asUser })
    for (const u of users.docs) names.set(String(u.id), u.name)
  }

  const item = (collection: WorkflowCollection, id: Id): ItemStatus | undefined => {
    const entry = docs.get(`${collection}:${id}`)
    if (!entry) return undefined
    const { doc, everPublished } = entry
    const flow = workflowOf(doc)
    return {
      collection,
      id: doc.id,
      title: itemTitle(doc),
      href: hrefOf(collection, doc.id),
      state: stateOf(doc, everPublished),
      reviewStatus: flow.reviewStatus,
      assignee: flow.assigneeId === undefined ? undefined : { id: flow.assigneeId, name: flow.assigneeName ?? names.get(String(flow.assigneeId)) },
      layoutReady: flow.layoutReady,
      notes: flow.notes,
      unresolvedNotes: flow.unresolvedNotes,
      updatedAt: doc.updatedAt,
    }
  }

  const entryDates: string[] = []
  const sectionStatuses: SectionStatus[] = []
  for (const [index, section] of sections.entries()) {
    const { collection, ids } = refsOf(section)
    const items = ids.map((id) => item(collection, id)).filter((i): i is ItemStatus => i !== undefined)
    const status: SectionStatus = {
      id: section.id ?? `section-${index + 1}`,
      kind: kindOf(section),
      title: section.title,
      items,
      missingItems: ids.length - items.length,
    }
    if (section.blockType === 'chronologySection' && items[0]) {
      const entries = await payload.find({
        collection: 'chronology-entries',
        where: { chronology: { equals: items[0].id } },
        sort: '-updatedAt',
        depth: 0,
        limit: 1,
        select: { updatedAt: true },
        ...asUser,
      })
      status.entryCount = entries.totalDocs
      if (entries.docs[0]?.updatedAt) entryDates.push(entries.docs[0].updatedAt)
    }
    sectionStatuses.push(status)
  }

  const issuePublished = await publishedIds('issues', [issue.id])
  const { errors, warnings, ok, modelHash: draftModelHash } = await preflightWithoutRender(payload, slug, { draft: true })
  // Once the issue is published, the PDF that matters is the edition, made from published content.
  const pdfKind: PdfKind = issuePublished.has(String(issue.id)) ? 'edition' : 'proof'
  const modelHash = pdfKind === 'edition' ? (await preflightWithoutRender(payload, slug, { draft: false })).modelHash : draftModelHash

  const newestExport = async (kind: PdfKind): Promise<ExportSummary | undefined> => {
    const { docs } = await payload.find({
      collection: 'issue-exports',
      where: { and: [{ issue: { equals: issue.id } }, { kind: { equals: kind } }] },
      sort: '-exportedAt',
      depth: 0,
      limit: 1,
      ...asUser,
    })
    const last = docs[0] as IssueExport | undefined
    return last
      ? { kind, exportedAt: last.exportedAt, modelHash: last.modelHash ?? undefined, filename: last.filename ?? undefined, url: last.url ?? undefined, pageCount: last.pageCount, forced: Boolean(last.forced) }
      : undefined
  }
  const lastExport = await newestExport(pdfKind)
  const lastProof = pdfKind === 'edition' ? await newestExport('proof') : undefined

  const data: IssueStatusData = {
    issue: {
      id: issue.id,
      slug: issue.slug,
      title: issue.title,
      state: stateOf(issue, issuePublished.has(String(issue.id))),
      updatedAt: issue.updatedAt,
      href: hrefOf('issues', issue.id),
    },
    sections: sectionStatuses,
    preflight: { ok, errors, warnings },
    lastChangeAt: newest([issue.updatedAt, ...[...docs.values()].map(({ doc }) => doc.updatedAt), ...entryDates]),
    pdfKind,
    modelHash,
    lastExport,
    lastProof,
    draftModelHash,
  }
  return { ...data, counts: countsOf(sectionStatuses), missing: missingOf(data) }
}
