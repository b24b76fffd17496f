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
import type { RenderedNewsletter } from './index'

export interface ConfirmationInput {
  bulletinName: string
  centre: string
  institute: string
  postalAddress: string
  /**
   * Only the address: the confirmation goes to whatever address a stranger typed, before its
   * owner agreed to anything, so nothing else they typed (the name) is repeated in it. A
   * name such as "Your account is locked: visit https://evil.example/login" would
   * otherwise be mail worded by anyone, sent from the bulletin's address.
   */
  recipient: { email: string }
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
    greeting: 'Hello,',
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
