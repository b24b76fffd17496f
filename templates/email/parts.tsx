/**
 * Building blocks of the newsletter. Table layout with inline styles because Outlook
 * (Word engine) ignores most CSS; class names only hook the dark-mode and phone rules.
 */
// Each react-email component from its own package: the @react-email/components bundle also
// loads its code-block (Prism) and Tailwind, a quarter of a second at every start.
import { Body } from '@react-email/body'
import { Head } from '@react-email/head'
import { Html } from '@react-email/html'
import { Img } from '@react-email/img'
import { Link } from '@react-email/link'
import { Preview } from '@react-email/preview'
import type { CSSProperties, ReactNode } from 'react'
import { colors, fonts, HEAD_CSS } from './theme'
import type { EmailImage } from './view'

export const text = {
  body: {
    margin: '0 0 16px',
    fontFamily: fonts.serif,
    fontSize: '16px',
    lineHeight: '26px',
    color: colors.ink,
  },
  small: {
    margin: '0',
    fontFamily: fonts.sans,
    fontSize: '13px',
    lineHeight: '20px',
    color: colors.muted,
  },
} satisfies Record<string, CSSProperties>

/**
 * What every email of ours sits on: the head (phone width, light and dark, no auto-linked
 * dates or numbers), the preheader, and a centred column whose rows are the children.
 */
export function EmailPage({ subject, preview, width, children }: { subject: string; preview: string; width: number; children: ReactNode }) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <meta name="format-detection" content="telephone=no, date=no, address=no, email=no" />
        <title>{subject}</title>
        <style>{HEAD_CSS}</style>
      </Head>
      <Preview>{preview}</Preview>
      <Body className="bp-page" style={{ backgroundColor: colors.page, margin: '0', padding: '0' }}>
        <Box bg={colors.page} className="bp-page" padding="20px 10px 32px" align="center">
          <table
            role="presentation"
            className="bp-wrap"
            width={width}
            cellPadding={0}
            cellSpacing={0}
            border={0}
            align="center"
            style={{ width: '100%', maxWidth: `${width}px` }}
          >
            <tbody>{children}</tbody>
          </table>
        </Box>
      </Body>
    </Html>
  )
}

/** The small capitals above the bulletin's name in the masthead band. */
export function PublisherLine({ children, marginBottom }: { children: ReactNode; marginBottom: string }) {
  return (
    <p
      style={{
        margin: `0 0 ${marginBottom}`,
        fontFamily: fonts.sans,
        fontSize: '11px',
        lineHeight: '16px',
        letterSpacing: '1.5px',
        textTransform: 'uppercase',
        color: colors.bandMuted,
      }}
    >
      {children}
    </p>
  )
}

/** Lines of an address, one under the other, in whatever paragraph holds them. */
export function Lines({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {line}
          {i < lines.length - 1 ? <br /> : null}
        </span>
      ))}
    </>
  )
}

/** A presentation table with one cell: the unit every block is built from. */
export function Box({
  children,
  bg,
  className,
  padding,
  align,
}: {
  children: ReactNode
  bg: string
  className?: string
  padding?: string
  align?: 'left' | 'center'
}) {
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0} bgcolor={bg}>
      <tbody>
        <tr>
          <td className={className} align={align} style={{ backgroundColor: bg, padding }}>
            {children}
          </td>
        </tr>
      </tbody>
    </table>
  )
}

/** Small capitals in the accent colour, as the printed "IN THIS ISSUE" headings. */
export function Label({ children }: { children: ReactNode }) {
  return (
    <p
      className="bp-accent"
      style={{
        margin: '0 0 14px',
        fontFamily: fonts.sans,
        fontSize: '12px',
        lineHeight: '16px',
        fontWeight: 700,
        letterSpacing: '1.5px',
        textTransform: 'uppercase',
        color: colors.accent,
      }}
    >
      {children}
    </p>
  )
}

export function Rule() {
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0}>
      <tbody>
        <tr>
          <td
            className="bp-rule"
            style={{ borderTop: `1px solid ${colors.rule}`, fontSize: '1px', lineHeight: '1px', padding: '0 0 28px' }}
          >
            &nbsp;
          </td>
        </tr>
      </tbody>
    </table>
  )
}

export function TextLink({ href, children, style }: { href: string; children: ReactNode; style?: CSSProperties }) {
  return (
    <Link
      href={href}
      className="bp-link"
      style={{ color: colors.link, textDecoration: 'underline', ...style }}
    >
      {children}
    </Link>
  )
}

/** A button that survives Outlook: the colour sits on the cell, the link inside it. */
export function Button({ href, children, primary }: { href: string; children: ReactNode; primary?: boolean }) {
  const bg = primary ? colors.band : colors.card
  return (
    <table role="presentation" cellPadding={0} cellSpacing={0} border={0} style={{ display: 'inline-table' }}>
      <tbody>
        <tr>
          <td
            className={primary ? 'bp-btn' : 'bp-card bp-outline'}
            style={{
              backgroundColor: bg,
              border: `2px solid ${colors.band}`,
              borderRadius: '4px',
              padding: '10px 18px',
            }}
          >
            <Link
              href={href}
              className={primary ? undefined : 'bp-link'}
              style={{
                color: primary ? colors.bandInk : colors.band,
                fontFamily: fonts.sans,
                fontSize: '15px',
                lineHeight: '20px',
                fontWeight: 700,
                textDecoration: 'none',
                display: 'inline-block',
              }}
            >
              {children}
            </Link>
          </td>
        </tr>
      </tbody>
    </table>
  )
}

export function Picture({ image, className }: { image: EmailImage; className?: string }) {
  return (
    <Img
      src={image.src}
      width={image.width}
      height={image.height}
      alt={image.alt}
      className={className}
      style={{
        width: `${image.width}px`,
        maxWidth: '100%',
        height: 'auto',
        backgroundColor: colors.tint,
        color: colors.muted,
        fontFamily: fonts.sans,
        fontSize: '12px',
      }}
    />
  )
}
