/**
 * The public addresses mail points at, all built from PUBLIC_URL. The web edition's routes
 * (src/app/(site)) answer exactly these paths.
 */
import { env } from '../env'

const base = (): string => env().PUBLIC_URL

export const siteLinks = {
  home: (): string => `${base()}/`,
  issues: (): string => `${base()}/issues`,
  issue: (slug: string): string => `${base()}/issues/${encodeURIComponent(slug)}`,
  pdf: (slug: string): string => `${base()}/issues/${encodeURIComponent(slug)}/pdf`,
  chronology: (slug: string): string => `${base()}/issues/${encodeURIComponent(slug)}#chronology`,
  feed: (): string => `${base()}/issues/rss.xml`,
  subscribe: (): string => `${base()}/subscribe`,
  /** The confirm page: a GET confirms (the link in the email is the reader's answer). */
  confirm: (token: string): string => `${base()}/confirm?token=${encodeURIComponent(token)}`,
  /** GET shows a page with a confirm button; POST (RFC 8058 one-click) unsubscribes. */
  unsubscribe: (token: string): string => `${base()}/unsubscribe?token=${encodeURIComponent(token)}`,
}
