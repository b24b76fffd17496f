/**
 * The issue newsletter: IssueModel + recipient -> one email. Everything it shows comes
 * from the NewsletterView, which the plain-text part reads too.
 */
import { Box, Button, EmailPage, Label, Lines, Picture, PublisherLine, Rule, TextLink, text } from './parts'
import { colors, fonts } from './theme'
import type { ChronologyView, NewsletterView, PhotoView, PublicationView } from './view'

const CARD_WIDTH = 600

// Text is built as one string per node: React separates adjacent text children with
// <!-- --> comments, which cost bytes and split phrases for anything reading the HTML.
const entriesLabel = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`

export function Newsletter({ view }: { view: NewsletterView }) {
  return (
    <EmailPage subject={view.subject} preview={view.preheader} width={CARD_WIDTH}>
      <tr>
        <td align="right" style={{ padding: '0 4px 10px', ...text.small, fontSize: '12px' }} className="bp-muted">
          <TextLink href={view.links.issueUrl} style={{ color: colors.muted }}>
            Read this issue online
          </TextLink>
          {' · '}
          <TextLink href={view.links.pdfUrl} style={{ color: colors.muted }}>
            PDF
          </TextLink>
        </td>
      </tr>
      <tr>
        <td>
          <Masthead view={view} />
        </td>
      </tr>
      <tr>
        <td className="bp-card bp-pad" style={{ backgroundColor: colors.card, padding: '32px 32px 8px' }}>
          <Opening view={view} />
          <Essays view={view} />
          <Highlights view={view} />
          {view.publicationGroups.map((group) => (
            <Publications key={group.heading} heading={group.heading} items={group.items} />
          ))}
          {view.chronologies.map((c) => (
            <Chronology key={c.title} chronology={c} />
          ))}
          <PdfBlock view={view} />
        </td>
      </tr>
      <tr>
        <td>
          <Footer view={view} />
        </td>
      </tr>
    </EmailPage>
  )
}

function Masthead({ view }: { view: NewsletterView }) {
  return (
    <Box bg={colors.band} className="bp-band bp-pad" padding="28px 32px 24px">
      <PublisherLine marginBottom="6px">{view.publisherLine}</PublisherLine>
      <p
        className="bp-title"
        style={{ margin: '0', fontFamily: fonts.serif, fontSize: '36px', lineHeight: '42px', color: colors.bandInk }}
      >
        {view.bulletinName}
      </p>
      <table role="presentation" cellPadding={0} cellSpacing={0} border={0} style={{ margin: '14px 0 12px' }}>
        <tbody>
          <tr>
            <td
              width={56}
              height={3}
              style={{ width: '56px', height: '3px', backgroundColor: colors.accent, fontSize: '1px', lineHeight: '1px' }}
            >
              &nbsp;
            </td>
          </tr>
        </tbody>
      </table>
      <p style={{ margin: '0', fontFamily: fonts.sans, fontSize: '13px', lineHeight: '18px', color: colors.bandMuted }}>
        {view.issueLine}
      </p>
    </Box>
  )
}

function Opening({ view }: { view: NewsletterView }) {
  return (
    <>
      <h1
        className="bp-h1 bp-ink"
        style={{
          margin: '0 0 24px',
          fontFamily: fonts.serif,
          fontSize: '28px',
          lineHeight: '34px',
          fontWeight: 400,
          color: colors.ink,
        }}
      >
        {view.title}
      </h1>
      <p className="bp-ink" style={text.body}>
        {view.greeting}
      </p>
      {view.introParagraphs.map((p, i) => (
        <p key={i} className="bp-ink" style={text.body}>
          {p}
        </p>
      ))}
      {view.introSignature ? (
        <p className="bp-muted" style={{ ...text.body, color: colors.muted, fontStyle: 'italic' }}>
          {view.introSignature}
        </p>
      ) : null}
      <table role="presentation" cellPadding={0} cellSpacing={0} border={0} style={{ margin: '8px 0 28px' }}>
        <tbody>
          <tr>
            <td style={{ padding: '0 12px 8px 0' }}>
              <Button href={view.links.issueUrl} primary>
                Read the issue online
              </Button>
            </td>
            <td style={{ padding: '0 0 8px' }}>
              <Button href={view.links.pdfUrl}>Download the PDF</Button>
            </td>
          </tr>
        </tbody>
      </table>
      {view.pullQuote ? (
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0} style={{ margin: '0 0 28px' }}>
          <tbody>
            <tr>
              <td style={{ borderLeft: `4px solid ${colors.accent}`, padding: '4px 0 4px 18px' }}>
                <p
                  className="bp-ink"
                  style={{ ...text.body, fontSize: '20px', lineHeight: '30px', fontStyle: 'italic', margin: '0' }}
                >
                  {`“${view.pullQuote.text}”`}
                </p>
                {view.pullQuote.attribution ? (
                  <p className="bp-muted" style={{ ...text.small, marginTop: '8px' }}>
                    {`— ${view.pullQuote.attribution}`}
                  </p>
                ) : null}
              </td>
            </tr>
          </tbody>
        </table>
      ) : null}
    </>
  )
}

function Essays({ view }: { view: NewsletterView }) {
  if (view.essays.length === 0) return null
  return (
    <>
      <Rule />
      <Label>{view.essaysHeading}</Label>
      {view.essays.map((essay) => (
        <div key={essay.url} style={{ margin: '0 0 26px' }}>
          <h2
            style={{ margin: '0 0 6px', fontFamily: fonts.serif, fontSize: '22px', lineHeight: '28px', fontWeight: 400 }}
          >
            <TextLink href={essay.url} style={{ color: colors.ink, textDecoration: 'none' }}>
              <span className="bp-ink">{essay.title}</span>
            </TextLink>
          </h2>
          {essay.byline ? (
            <p className="bp-muted" style={{ ...text.small, fontSize: '14px', margin: '0 0 10px' }}>
              {essay.byline}
            </p>
          ) : null}
          {essay.standfirst ? (
            <p className="bp-ink" style={{ ...text.body, margin: '0 0 8px' }}>
              {essay.standfirst}
            </p>
          ) : null}
          <p style={{ ...text.small, fontSize: '14px', fontWeight: 700 }}>
            <TextLink href={essay.url}>Read online&nbsp;→</TextLink>
          </p>
        </div>
      ))}
    </>
  )
}

function Highlights({ view }: { view: NewsletterView }) {
  if (view.photos.length === 0) return null
  const pair = view.photos.length > 1
  // Every group, two to a row (stacked on phones).
  const rows: PhotoView[][] = []
  for (let i = 0; i < view.photos.length; i += pair ? 2 : 1) rows.push(view.photos.slice(i, i + (pair ? 2 : 1)))
  return (
    <>
      <Rule />
      <Label>{view.highlightsHeading}</Label>
      <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0} style={{ margin: '0 0 8px' }}>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((photo, i) => (
                <td
                  key={photo.image.src}
                  className={pair ? 'bp-stack' : undefined}
                  width={pair ? '50%' : '100%'}
                  valign="top"
                  style={{
                    width: pair ? '50%' : '100%',
                    verticalAlign: 'top',
                    padding: pair ? (i === 0 ? '0 8px 12px 0' : '0 0 12px 8px') : '0 0 12px',
                  }}
                >
                  <Picture image={photo.image} className="bp-photo" />
                  {photo.eventTitle ? (
                    <p className="bp-ink" style={{ ...text.small, color: colors.ink, fontWeight: 700, marginTop: '8px' }}>
                      {photo.eventTitle}
                    </p>
                  ) : null}
                  {photo.caption ? (
                    <p className="bp-muted" style={{ ...text.small, ...(photo.eventTitle ? {} : { marginTop: '8px' }) }}>
                      {photo.caption}
                    </p>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {view.morePhotos.count > 0 ? (
        <p style={{ ...text.small, fontSize: '14px', fontWeight: 700, margin: '0 0 20px' }}>
          <TextLink href={view.morePhotos.url}>{`See all the photos online (${view.morePhotos.count} more)\u00a0→`}</TextLink>
        </p>
      ) : null}
    </>
  )
}

function Publications({ heading, items }: { heading: string; items: PublicationView[] }) {
  // Keep titles in one column when only some books have a cover image.
  const coverColumn = Math.max(0, ...items.map((p) => p.cover?.width ?? 0))
  return (
    <>
      <Rule />
      <Label>{heading}</Label>
      {items.map((p) => (
        <table
          key={p.title}
          role="presentation"
          width="100%"
          cellPadding={0}
          cellSpacing={0}
          border={0}
          style={{ margin: '0 0 22px' }}
        >
          <tbody>
            <tr>
              {coverColumn > 0 ? (
                <td
                  width={coverColumn + 18}
                  valign="top"
                  style={{ width: `${coverColumn + 18}px`, verticalAlign: 'top', padding: '2px 18px 0 0' }}
                >
                  {p.cover ? <Picture image={p.cover} /> : null}
                </td>
              ) : null}
              <td valign="top" style={{ verticalAlign: 'top' }}>
                <p
                  className="bp-ink"
                  style={{ ...text.body, fontSize: '18px', lineHeight: '24px', margin: '0 0 4px', fontWeight: 700 }}
                >
                  {p.title}
                </p>
                {p.subtitle ? (
                  <p className="bp-ink" style={{ ...text.body, fontSize: '15px', lineHeight: '22px', margin: '0 0 6px' }}>
                    {p.subtitle}
                  </p>
                ) : null}
                {p.byline ? (
                  <p className="bp-muted" style={text.small}>
                    {p.byline}
                  </p>
                ) : null}
                <p className="bp-muted" style={{ ...text.small, margin: '0 0 8px' }}>
                  {p.imprint}
                </p>
                {p.description ? (
                  <p className="bp-ink" style={{ ...text.small, color: colors.ink, margin: '0 0 8px' }}>
                    {p.description}
                  </p>
                ) : null}
                <p style={{ ...text.small, fontSize: '14px', fontWeight: 700 }}>
                  <TextLink href={p.url}>{`${p.linkLabel}\u00a0→`}</TextLink>
                </p>
              </td>
            </tr>
          </tbody>
        </table>
      ))}
    </>
  )
}

function Chronology({ chronology: c }: { chronology: ChronologyView }) {
  return (
    <>
      <Rule />
      <Label>{c.sectionTitle}</Label>
      <p
        className="bp-ink"
        style={{ ...text.body, fontSize: '20px', lineHeight: '26px', margin: '0 0 6px', fontWeight: 700 }}
      >
        {c.title}
      </p>
      <p className="bp-muted" style={{ ...text.small, margin: '0 0 18px' }}>
        {`${entriesLabel(c.entryCount)}, ${c.periodLabel}. Compiled by ${c.compiler}.`}
      </p>
      <Box bg={colors.tint} className="bp-tint" padding="18px 20px 6px">
        {c.months.map((month) => (
          <div key={month.heading} style={{ margin: '0 0 14px' }}>
            <p
              className="bp-ink"
              style={{ ...text.small, color: colors.band, fontWeight: 700, fontSize: '14px', margin: '0 0 6px' }}
            >
              {month.heading}
            </p>
            <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0}>
              <tbody>
                {month.headlines.map((h, i) => (
                  <tr key={i}>
                    <td
                      width={84}
                      valign="top"
                      className="bp-muted bp-day"
                      style={{ ...text.small, width: '84px', verticalAlign: 'top', padding: '0 10px 8px 0', fontWeight: 700 }}
                    >
                      {h.day}
                    </td>
                    <td valign="top" className="bp-ink" style={{ ...text.small, color: colors.ink, verticalAlign: 'top', padding: '0 0 8px' }}>
                      {/* Each headline leads to the whole entry. */}
                      <a href={h.url} className="bp-ink" style={{ color: colors.ink, textDecoration: 'none' }}>
                        {h.text}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {month.more > 0 ? (
              <p className="bp-muted" style={{ ...text.small, fontStyle: 'italic' }}>
                {`and ${month.more} more ${month.more === 1 ? 'entry' : 'entries'} in ${month.heading}`}
              </p>
            ) : null}
          </div>
        ))}
      </Box>
      <p style={{ ...text.small, fontSize: '14px', fontWeight: 700, margin: '14px 0 28px' }}>
        <TextLink href={c.url}>{`Read the full chronology (${entriesLabel(c.entryCount)})\u00a0→`}</TextLink>
      </p>
    </>
  )
}

function PdfBlock({ view }: { view: NewsletterView }) {
  return (
    <>
      <Rule />
      <p className="bp-ink" style={{ ...text.body, margin: '0 0 14px' }}>
        Prefer paper? The whole issue is available as a printable A4 PDF.
      </p>
      <table role="presentation" cellPadding={0} cellSpacing={0} border={0} style={{ margin: '0 0 28px' }}>
        <tbody>
          <tr>
            <td>
              <Button href={view.links.pdfUrl} primary>
                Download the PDF
              </Button>
            </td>
          </tr>
        </tbody>
      </table>
    </>
  )
}

function Footer({ view }: { view: NewsletterView }) {
  const f = view.footer
  const small = { ...text.small, fontSize: '12px', lineHeight: '18px', margin: '0 0 10px' }
  return (
    <Box bg={colors.page} className="bp-page bp-pad" padding="24px 32px 8px" align="center">
      <p className="bp-muted" style={{ ...small, fontWeight: 700 }}>
        {f.publisher}
      </p>
      <p className="bp-muted" style={small}>
        <Lines lines={f.postalLines} />
      </p>
      <p className="bp-muted" style={small}>
        {f.reason}
      </p>
      <p className="bp-muted" style={small}>
        {`Questions or comments? Write to ${f.correspondence.name} at `}
        <TextLink href={`mailto:${f.correspondence.email}`} style={{ color: colors.muted }}>
          {f.correspondence.email}
        </TextLink>
        .
      </p>
      <p className="bp-muted" style={small}>
        <TextLink href={view.links.unsubscribeUrl} style={{ color: colors.muted }}>
          Unsubscribe
        </TextLink>
        {` from the ${view.bulletinName} with one click.`}
      </p>
    </Box>
  )
}
