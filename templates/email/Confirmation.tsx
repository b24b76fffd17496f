/**
 * The double opt-in email: one sentence, one button, and what happens if the reader does
 * nothing. Pure: the caller supplies the view, including the signed confirm link.
 */
import { Body, Head, Html, Preview } from '@react-email/components'
import { Box, Button, TextLink, text } from './parts'
import { colors, fonts, HEAD_CSS } from './theme'

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
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <title>{view.subject}</title>
        <style>{HEAD_CSS}</style>
      </Head>
      <Preview>{`One click to start receiving the ${view.bulletinName}.`}</Preview>
      <Body className="bp-page" style={{ backgroundColor: colors.page, margin: '0', padding: '0' }}>
        <Box bg={colors.page} className="bp-page" padding="20px 10px 32px" align="center">
          <table
            role="presentation"
            className="bp-wrap"
            width={560}
            cellPadding={0}
            cellSpacing={0}
            border={0}
            align="center"
            style={{ width: '100%', maxWidth: '560px' }}
          >
            <tbody>
              <tr>
                <td>
                  <Box bg={colors.band} className="bp-band bp-pad" padding="22px 32px 18px">
                    <p
                      style={{
                        margin: '0 0 4px',
                        fontFamily: fonts.sans,
                        fontSize: '11px',
                        lineHeight: '16px',
                        letterSpacing: '1.5px',
                        textTransform: 'uppercase',
                        color: colors.bandMuted,
                      }}
                    >
                      {view.publisherLine}
                    </p>
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
                      {view.postalLines.map((line, i) => (
                        <span key={i}>
                          {line}
                          {i < view.postalLines.length - 1 ? <br /> : null}
                        </span>
                      ))}
                    </p>
                  </Box>
                </td>
              </tr>
            </tbody>
          </table>
        </Box>
      </Body>
    </Html>
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
