/**
 * The web edition's pieces, drawn from the IssueModel alone (like the PDF and email
 * templates): no Payload here. Anchors match the email's links: #essay-<slug>, #chronology.
 */
import React from 'react'

import { formatDayCell, formatMonthHeading } from '@/chronology/dayCell'
import type {
  AuthorModel,
  Block,
  ChronologyModel,
  EssayModel,
  HighlightModel,
  ImageModel,
  IssueModel,
  PublicationModel,
  Run,
  SectionModel,
} from '@/issue/model'
import { allowedLinkUrl } from '@/issue/links'
import { editorsMark, joinNames, periodWords } from '@/issue/labels'
import { essayAnchor } from '@/render/email'

/** Only web and mail links; assemble already left out the rest (src/issue/links.ts): one rule. */
const safeHref = allowedLinkUrl

export function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((run, i) => {
        let node: React.ReactNode = run.text
        if (run.italic) node = <em>{node}</em>
        if (run.bold) node = <strong>{node}</strong>
        const href = run.href ? safeHref(run.href) : undefined
        if (href) {
          const external = /^https?:/i.test(href)
          node = (
            <a href={href} {...(external ? { rel: 'noopener' } : {})}>
              {node}
            </a>
          )
        }
        return <React.Fragment key={i}>{node}</React.Fragment>
      })}
    </>
  )
}

function Picture({ image, className, alt }: { image: ImageModel; className?: string; alt?: string }) {
  if (!image.webUrl) return null
  return (
    <img
      src={image.webUrl}
      width={image.width}
      height={image.height}
      alt={alt ?? image.alt}
      loading="lazy"
      decoding="async"
      className={className}
    />
  )
}

export function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((block, i) => {
        switch (block.type) {
          case 'paragraph':
            return (
              <p key={i}>
                <Runs runs={block.runs} />
              </p>
            )
          case 'heading': {
            // Essay and book titles are h3: headings inside them start at h4.
            const Tag = (['h4', 'h5', 'h6'] as const)[block.level - 2]
            return (
              <Tag key={i}>
                <Runs runs={block.runs} />
              </Tag>
            )
          }
          case 'quote':
            return (
              <blockquote key={i}>
                <p>
                  <Runs runs={block.runs} />
                </p>
              </blockquote>
            )
          case 'list': {
            const List = block.ordered ? 'ol' : 'ul'
            return (
              <List key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>
                    <Runs runs={item} />
                  </li>
                ))}
              </List>
            )
          }
          case 'pullQuote':
            // The same words stand in the text; screen readers need not hear them twice.
            return (
              <aside key={i} className="pull-quote" aria-hidden="true">
                <p>{`“${block.text}”`}</p>
              </aside>
            )
          case 'figure': {
            const portrait = block.image.height > block.image.width
            return (
              <figure key={i} className={`figure ${block.placement}${portrait ? ' portrait' : ''}`}>
                <Picture image={block.image} />
                {block.caption || block.credit ? (
                  <figcaption>
                    {block.caption}
                    {block.credit ? <span className="credit">{block.credit}</span> : null}
                  </figcaption>
                ) : null}
              </figure>
            )
          }
        }
      })}
    </>
  )
}

export function authorLine(authors: AuthorModel[]): string {
  const names = authors.map((a) => (a.nameInScript ? `${a.name} (${a.nameInScript})` : a.name))
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

function Essay({ essay }: { essay: EssayModel }) {
  const titleId = `${essayAnchor(essay.slug)}-title`
  return (
    <article className="essay" id={essayAnchor(essay.slug)} aria-labelledby={titleId}>
      <h3 className="essay-title" id={titleId}>
        {essay.title}
      </h3>
      {essay.standfirst ? <p className="standfirst">{essay.standfirst}</p> : null}
      <div className="authors-block">
        {essay.authors.map((author) => (
          <div key={author.id}>
            <p className="author-name">
              {author.honorific ? `${author.honorific} ` : ''}
              {author.name}
              {author.nameInScript ? <span lang="ko">{` (${author.nameInScript})`}</span> : null}
            </p>
            {author.affiliations.map((line, i) => (
              <p key={i} className="affiliation">
                {line}
              </p>
            ))}
          </div>
        ))}
      </div>
      <div className="essay-body">
        <Blocks blocks={essay.body} />
      </div>
    </article>
  )
}

function Highlights({ highlights }: { highlights: HighlightModel[] }) {
  return (
    <>
      {highlights.map((h) => (
        // A captioned photo group may have no title: the section heading names it.
        <article key={h.id} id={`highlight-${h.id}`} className="highlight" {...(h.title ? { 'aria-labelledby': `highlight-${h.id}-title` } : {})}>
          {h.title ? <h3 id={`highlight-${h.id}-title`}>{h.title}</h3> : null}
          {h.eventDate ? <p className="date">{formatLongDate(h.eventDate)}</p> : null}
          <figure className="photos">
            {h.photos.map((photo, i) => (
              <figure key={i} className="photo">
                <Picture image={photo.image} alt={photo.image.alt || photo.caption || h.caption || ''} />
                {/* Position cues ("(Top)") describe the printed page, not this one. */}
                {photo.caption ? <figcaption>{photo.caption}</figcaption> : null}
              </figure>
            ))}
            {h.caption ? <figcaption className="group-caption">{h.caption}</figcaption> : null}
          </figure>
        </article>
      ))}
    </>
  )
}

function Publication({ publication: p }: { publication: PublicationModel }) {
  const editors = p.editors.filter(Boolean)
  const href = p.url ? safeHref(p.url) : undefined
  return (
    <article className="publication" aria-labelledby={`publication-${p.id}`}>
      {p.cover ? (
        <Picture image={p.cover} className="cover" alt={p.cover.alt || `Cover of ${p.title}`} />
      ) : (
        <span />
      )}
      <div>
        <h3 id={`publication-${p.id}`}>{p.title}</h3>
        {p.subtitle ? <p className="subtitle">{p.subtitle}</p> : null}
        <p className="imprint">
          {editors.length > 0 ? (
            <>
              Edited by {joinNames(editors)}
              <br />
            </>
          ) : null}
          {p.place ? `${p.place}: ` : ''}
          {p.publisher}, {p.year}
          {p.isbn ? ` · ISBN ${p.isbn}` : ''}
        </p>
        <Blocks blocks={p.description} />
        {p.contents.length > 0 ? (
          <div className="contents">
            {p.contents.map((part, i) => (
              <section key={i} aria-label={part.title || 'Contents'}>
                {part.title ? <h4>{part.title}</h4> : <h4>Contents</h4>}
                <ol>
                  {part.chapters.map((c, n) => (
                    // Front and back matter ("Contributors") are unnumbered.
                    <li key={`${n}-${c.title}`} {...(c.number !== undefined ? { value: c.number } : { className: 'unnumbered' })}>
                      <span className="num">{c.number !== undefined ? `${c.number}.` : ''}</span>
                      <span>
                        {c.title}
                        {c.authors.length > 0 ? <span className="authors">{joinNames(c.authors)}</span> : null}
                      </span>
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </div>
        ) : null}
        {href ? (
          <p>
            For more details, visit <a href={href}>the publisher’s page</a>.
          </p>
        ) : null}
      </div>
    </article>
  )
}

function Chronology({ chronology: c }: { chronology: ChronologyModel }) {
  const months = new Map<string, ChronologyModel['entries']>()
  for (const entry of c.entries) {
    const key = entry.startDate.slice(0, 7)
    months.set(key, [...(months.get(key) ?? []), entry])
  }
  const from = formatMonthHeading(c.periodStart)
  const to = formatMonthHeading(c.periodEnd)
  return (
    <>
      <div className="chronology-head">
        <h3 className="essay-title">{c.title}</h3>
        <p className="standfirst">{from === to ? from : `${from} to ${to}`}</p>
        <p className="compiler">
          Compiled by {c.compiler}
          {c.compilerAffiliation ? `, ${c.compilerAffiliation}` : ''}
        </p>
        {c.intro.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      {[...months.keys()].sort().map((key) => {
        const heading = formatMonthHeading(`${key}-01`)
        return (
          <section key={key} className="month" aria-labelledby={`chronology-${key}`}>
            <h3 id={`chronology-${key}`}>{heading}</h3>
            <table className="chronology-table">
              <caption className="visually-hidden">{`Events of ${heading}`}</caption>
              <tbody>
                {(months.get(key) ?? []).map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">{formatDayCell(entry.startDate, entry.endDate)}</th>
                    <td>
                      {entry.paragraphs.map((p, i) => (
                        <p key={i}>{p}</p>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )
      })}
      {c.sourcesNote.length > 0 ? (
        <div className="sources">
          {c.sourcesNote.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      ) : null}
    </>
  )
}

/** The id a section is reached by from "In this issue": the chronology keeps the email's #chronology. */
export function sectionAnchor(section: SectionModel, index: number, model: IssueModel): string {
  if (section.kind === 'chronology') {
    const first = model.sections.findIndex((s) => s.kind === 'chronology')
    return first === index ? 'chronology' : `chronology-${index + 1}`
  }
  return `${section.kind}-${index + 1}`
}

export function Section({ section, id }: { section: SectionModel; id: string }) {
  return (
    <section className="issue-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 className="section-title" id={`${id}-title`}>
        {section.title}
      </h2>
      {section.kind === 'essays' ? section.essays.map((essay) => <Essay key={essay.id} essay={essay} />) : null}
      {section.kind === 'highlights' ? <Highlights highlights={section.highlights} /> : null}
      {section.kind === 'forthcoming' || section.kind === 'recent'
        ? section.publications.map((p) => <Publication key={p.id} publication={p} />)
        : null}
      {section.kind === 'chronology' ? <Chronology chronology={section.chronology} /> : null}
    </section>
  )
}

export function TableOfContents({ model }: { model: IssueModel }) {
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">In this issue</h2>
      {model.sections.map((section, index) => {
        const id = sectionAnchor(section, index, model)
        if (section.kind === 'essays') {
          return (
            <div key={section.id}>
              <h3>{section.title}</h3>
              <ol>
                {section.essays.map((essay) => (
                  <li key={essay.id}>
                    <a href={`#${essayAnchor(essay.slug)}`}>{essay.contentsTitle ?? essay.title}</a>
                    <span className="authors">{authorLine(essay.authors)}</span>
                  </li>
                ))}
              </ol>
            </div>
          )
        }
        return (
          <div key={section.id}>
            <h3>{section.title}</h3>
            <ol>
              {section.kind === 'highlights' ? (
                // One line for the section: its photo groups need no titles.
                <li>
                  <a href={`#${id}`}>{section.title}</a>
                </li>
              ) : section.kind === 'chronology' ? (
                <li>
                  <a href={`#${id}`}>
                    {section.chronology.contentsTitle ?? section.chronology.title}
                    {section.chronology.periodInContents ? `, ${periodWords(section.chronology.periodStart, section.chronology.periodEnd)}` : ''}
                  </a>
                  <span className="authors">{section.chronology.compiler}</span>
                </li>
              ) : (
                section.publications.map((p) => (
                  <li key={p.id}>
                    <a href={`#publication-${p.id}`}>{p.contentsTitle ?? p.title}</a>
                    {p.editors.length > 0 ? <span className="authors">{editorsMark(p.editors).join('')}</span> : null}
                  </li>
                ))
              )}
            </ol>
          </div>
        )
      })}
    </nav>
  )
}

export function formatLongDate(isoDay: string): string {
  const date = new Date(`${isoDay}T12:00:00Z`)
  if (Number.isNaN(date.getTime())) return isoDay
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)
}
