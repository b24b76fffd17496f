/**
 * Renders the issue newsletter for one recipient: subject, HTML and plain text.
 * Pure apart from CPU: the caller supplies the model and every URL (including the
 * recipient's signed unsubscribe link), so it can run in a campaign worker or a preview.
 */
import { render } from '@react-email/render'
import { createElement } from 'react'
import type { IssueModel } from '@/issue/model'
import { Newsletter } from '../../../templates/email/Newsletter'
import { renderNewsletterText } from '../../../templates/email/text'
import {
  buildNewsletterView,
  type NewsletterLinks,
  type NewsletterRecipient,
} from '../../../templates/email/view'

export type { NewsletterLinks, NewsletterRecipient }
export { essayAnchor, newsletterSubject } from '../../../templates/email/view'

export interface RenderedNewsletter {
  subject: string
  html: string
  text: string
}

/** Gmail clips messages above ~102 KB and hides the rest, footer and unsubscribe link included. */
export const NEWSLETTER_HTML_BUDGET_BYTES = 100 * 1024

export async function renderNewsletter(
  model: IssueModel,
  recipient: NewsletterRecipient,
  links: NewsletterLinks,
): Promise<RenderedNewsletter> {
  assertLinks(links)
  const view = buildNewsletterView(model, recipient, links)
  const html = await render(createElement(Newsletter, { view }), { pretty: false })
  return { subject: view.subject, html, text: renderNewsletterText(view) }
}

/** Links end up in inboxes where a relative or javascript: URL is a dead or dangerous link. */
function assertLinks(links: NewsletterLinks): void {
  for (const [key, value] of Object.entries(links)) {
    let protocol: string
    try {
      protocol = new URL(value).protocol
    } catch {
      throw new TypeError(`renderNewsletter: links.${key} is not an absolute URL: ${JSON.stringify(value)}`)
    }
    if (protocol !== 'https:' && protocol !== 'http:') {
      throw new TypeError(`renderNewsletter: links.${key} must be http(s), got ${protocol}`)
    }
  }
}
