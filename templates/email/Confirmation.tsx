/**
 * The double opt-in email: one sentence, one button, and what happens if the reader does
 * nothing. Pure: the caller supplies the view, including the signed confirm link.
 */
import { Box, Button, EmailPage, Lines, PublisherLine, TextLink, text } from './parts'
import { colors, fonts } from './theme'

export interface ConfirmationView {
  subject: string
  bulletinName: string
  publisherLine: string
  greeting: string
  email: string
  confirmUrl: string
  /** "7 days". */
  validFor: string
  subscribeUrl: string
  postalLines: string[]
}

export function confirmationSubject(bulletinName: string): string {
  return `Please confirm your subscription to the ${bulletinName}`
}

export function Confirmation({ view }: { view: ConfirmationView }) {
  return (
    <EmailPage subject={view.subject} preview={`One click to start receiving the ${view.bulletinName}.`} width={560}>
      <tr>
        <td>
          <Box bg={colors.band} className="bp-band bp-pad" padding="22px 32px 18px">
            <PublisherLine marginBottom="4px">{view.publisherLine}</PublisherLine>
            <p style={{ margin: '0', fontFamily: fonts.serif, fontSize: '28px', lineHeight: '34px', color: colors.bandInk }}>
              {view.bulletinName}
            </p>
          </Box>
        </td>
      </tr>
      <tr>
        <td className="bp-card bp-pad" style={{ backgroundColor: colors.card, padding: '28px 32px 12px' }}>
          <p className="bp-ink" style={text.body}>
            {view.greeting}
          </p>
          <p className="bp-ink" style={text.body}>
            {`Someone, we hope you, asked for ${view.email} to receive the ${view.bulletinName} by email. Please confirm that this is your address:`}
          </p>
          <table role="presentation" cellPadding={0} cellSpacing={0} border={0} style={{ margin: '4px 0 24px' }}>
            <tbody>
              <tr>
                <td>
                  <Button href={view.confirmUrl} primary>
                    Confirm my subscription
                  </Button>
                </td>
              </tr>
            </tbody>
          </table>
          <p className="bp-muted" style={{ ...text.small, margin: '0 0 16px' }}>
            {`The link works for ${view.validFor}. If you did not ask for this, ignore this email: you will not be subscribed and will hear nothing more from us.`}
          </p>
          <p className="bp-muted" style={{ ...text.small, margin: '0 0 16px' }}>
            {'Button not working? Open this address: '}
            <TextLink href={view.confirmUrl} style={{ wordBreak: 'break-all' }}>
              {view.confirmUrl}
            </TextLink>
          </p>
        </td>
      </tr>
      <tr>
        <td>
          <Box bg={colors.page} className="bp-page bp-pad" padding="18px 32px 0" align="center">
            <p className="bp-muted" style={{ ...text.small, fontSize: '12px', lineHeight: '18px' }}>
              <Lines lines={view.postalLines} />
            </p>
          </Box>
        </td>
      </tr>
    </EmailPage>
  )
}

export function renderConfirmationText(view: ConfirmationView): string {
  return [
    `${view.bulletinName.toUpperCase()}\n${view.publisherLine}`,
    view.greeting,
    `Someone, we hope you, asked for ${view.email} to receive the ${view.bulletinName} by email. Please confirm that this is your address by opening this link:`,
    view.confirmUrl,
    `The link works for ${view.validFor}. If you did not ask for this, ignore this email: you will not be subscribed and will hear nothing more from us.`,
    '-- ',
    view.postalLines.join('\n'),
  ].join('\n\n') + '\n'
}
