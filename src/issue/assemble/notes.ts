import { itemTitle, type WorkflowDoc } from '../../workflow/fields'
import { reviewStatusOf, type ReviewStatus } from '../../workflow/review'
import type { OnRefusedLink } from '../lexical'
import { allowedLinkUrl } from '../links'

/**
 * What assemble notes beside the model while it builds it, for preflight to report:
 * references that lead nowhere, items not approved, links left out.
 */

/** An item of the issue that is not approved (yet): preflight warns of it. */
export interface UnapprovedItem {
  kind: 'essay' | 'highlight' | 'publication' | 'chronology'
  title: string
  reviewStatus: ReviewStatus
}

/** A link left out of the model (../links.ts): its text stays, the link goes. Preflight names it. */
export interface RefusedLink {
  /** In the editors' words: "essay “…”, body". */
  where: string
  href: string
}

export class AssemblyNotes {
  /** References that no longer lead anywhere. */
  readonly broken: string[] = []
  readonly unapproved: UnapprovedItem[] = []
  readonly refusedLinks: RefusedLink[] = []

  /** Where a rich text's refused links are noted. */
  refusedIn(where: string): OnRefusedLink {
    return (href) => void this.refusedLinks.push({ where, href })
  }

  /** A link field: kept when allowed, else noted and left out. */
  linkField(href: string | null | undefined, where: string): string | undefined {
    const allowed = allowedLinkUrl(href)
    if (!allowed && href?.trim()) this.refusedLinks.push({ where, href })
    return allowed
  }

  /** Review status is not part of the model (templates do not print it): it goes beside it. */
  review<T extends WorkflowDoc>(kind: UnapprovedItem['kind'], docs: T[]): T[] {
    for (const doc of docs) {
      const reviewStatus = reviewStatusOf(doc)
      if (reviewStatus !== 'approved') this.unapproved.push({ kind, title: itemTitle(doc), reviewStatus })
    }
    return docs
  }
}
