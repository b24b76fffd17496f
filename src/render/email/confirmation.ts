/**
 * Renders the double opt-in email (subject, HTML, text) from plain values. Pure apart
 * from CPU, like renderNewsletter.
 */
import { render } from '@react-email/render'
import { createElement } from 'react'

import {
  Confirmation,
  confirmationSubject,
  renderConfirmationText,
  type ConfirmationView,
} from '../../../templates/email/Confirmation'
import { greetingFor } from '../../../templates/email/view'
import type { RenderedNewsletter } from './index'

export interface ConfirmationInput {
  bulletinName: string
  centre: string
  institute: string
  postalAddress: string
  recipient: { email: string; name?: string }
  confirmUrl: string
  subscribeUrl: string
  validForDays: number
}

export async function renderConfirmationEmail(input: ConfirmationInput): Promise<RenderedNewsletter> {
  const publisherLine = [input.centre, input.institute].filter(Boolean).join(', ')
  const view: ConfirmationView = {
    subject: confirmationSubject(input.bulletinName),
    bulletinName: input.bulletinName,
    publisherLine,
    greeting: greetingFor(input.recipient),
    email: input.recipient.email,
    confirmUrl: input.confirmUrl,
    validFor: `${input.validForDays} ${input.validForDays === 1 ? 'day' : 'days'}`,
    subscribeUrl: input.subscribeUrl,
    postalLines: input.postalAddress
      .split(/\r?\n|;\s*/)
      .map((l) => l.trim())
      .filter(Boolean),
  }
  const html = await render(createElement(Confirmation, { view }), { pretty: false })
  return { subject: view.subject, html, text: renderConfirmationText(view) }
}
