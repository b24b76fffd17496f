/**
 * What the public pages read: the publication settings, the published issues and one
 * assembled issue. Only published content: the Local API with the public's access, and
 * assembleIssue with draft: false.
 */
import config from '@payload-config'
import { cache } from 'react'
import { getPayload, type Payload } from 'payload'

import { assembleIssue, IssueNotFoundError, quarterLabel } from '@/issue/assemble'
import type { IssueModel } from '@/issue/model'
import type { PublicationSetting } from '@/payload-types'

/**
 * The feed link for <head>. Next merges metadata one key deep, so a page that sets its own
 * `alternates` (a canonical URL) must repeat it.
 */
export const FEED_ALTERNATE = { 'application/rss+xml': [{ url: '/issues/rss.xml', title: 'New issues (RSS)' }] }

export const sitePayload = cache(async (): Promise<Payload> => getPayload({ config }))

export const siteSettings = cache(async (): Promise<PublicationSetting> => {
  const payload = await sitePayload()
  return payload.findGlobal({ slug: 'publication-settings', depth: 0, overrideAccess: false })
})

export interface IssueListItem {
  slug: string
  title: string
  volume?: number
  number?: number
  quarter: number
  year: number
  periodLabel: string
  publicationDate: string
  editorsIntro?: string
}

/** Published issues, newest first. */
export const publishedIssues = cache(async (limit = 200): Promise<IssueListItem[]> => {
  const payload = await sitePayload()
  const { docs } = await payload.find({
    collection: 'issues',
    where: { _status: { equals: 'published' } },
    sort: ['-publicationDate', '-volume', '-number'],
    limit,
    depth: 0,
    draft: false,
    overrideAccess: false,
  })
  return docs.map((issue) => ({
    slug: issue.slug,
    title: issue.title,
    volume: issue.volume ?? undefined,
    number: issue.number ?? undefined,
    quarter: Number(issue.quarter),
    year: issue.year,
    periodLabel: quarterLabel(Number(issue.quarter), issue.year),
    publicationDate: (issue.publicationDate ?? '').slice(0, 10),
    editorsIntro: issue.editorsIntro || undefined,
  }))
})

/** The whole published issue, or undefined when there is none with this slug. */
export const publishedIssue = cache(async (slug: string): Promise<IssueModel | undefined> => {
  if (!/^[a-z0-9][a-z0-9-]{0,100}$/.test(slug)) return undefined
  try {
    const { model } = await assembleIssue(await sitePayload(), slug, { draft: false })
    return model
  } catch (error) {
    if (error instanceof IssueNotFoundError) return undefined
    throw error
  }
})
