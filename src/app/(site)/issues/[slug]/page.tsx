import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import type { ImageModel, IssueModel } from '@/issue/model'
import { SubscribeForm } from '../../_components/SubscribeForm'
import { aboutRuns, issueLine } from '@/issue/labels'
import { formatLongDate, Runs, Section, sectionAnchor, TableOfContents } from '../../_components/IssueParts'
import { FEED_ALTERNATE, publishedIssue } from '../../_lib/site'

export const dynamic = 'force-dynamic'

type Params = Promise<{ slug: string }>

function description(model: IssueModel): string {
  const firstEssay = model.sections.flatMap((s) => (s.kind === 'essays' ? s.essays : []))[0]
  const text = model.editorsIntro || firstEssay?.standfirst || `${model.publisher.bulletinName}, ${model.periodLabel}`
  return text.length > 200 ? `${text.slice(0, 197).replace(/\s+\S*$/, '')}…` : text
}

/** The picture a shared link shows: the first essay figure, else the first event photo. */
function shareImage(model: IssueModel): ImageModel | undefined {
  for (const section of model.sections) {
    if (section.kind === 'essays') {
      for (const essay of section.essays) {
        const figure = essay.body.find((b) => b.type === 'figure')
        if (figure?.type === 'figure' && figure.image.webUrl) return figure.image
      }
    }
  }
  for (const section of model.sections) {
    if (section.kind === 'highlights') {
      const photo = section.highlights.flatMap((h) => h.photos)[0]
      if (photo?.image.webUrl) return photo.image
    }
  }
  return undefined
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const model = await publishedIssue((await params).slug)
  if (!model) return { title: 'Issue not found' }
  const image = shareImage(model)
  const authors = model.sections.flatMap((s) => (s.kind === 'essays' ? s.essays.flatMap((e) => e.authors.map((a) => a.name)) : []))
  return {
    title: model.title,
    description: description(model),
    alternates: { canonical: `/issues/${model.slug}`, types: FEED_ALTERNATE },
    openGraph: {
      type: 'article',
      url: `/issues/${model.slug}`,
      title: model.title,
      description: description(model),
      siteName: model.publisher.bulletinName,
      publishedTime: model.publicationDate,
      authors,
      images: image ? [{ url: image.webUrl, width: Math.min(image.width, 1400), alt: image.alt }] : undefined,
    },
    twitter: { card: image ? 'summary_large_image' : 'summary', title: model.title, description: description(model) },
  }
}

export default async function IssuePage({ params }: { params: Params }) {
  const model = await publishedIssue((await params).slug)
  if (!model) notFound()
  const { publisher } = model
  const editor = model.editorialCommittee.find((m) => m.role.toLowerCase() === 'editor')
  return (
    <article aria-labelledby="issue-title">
      <header className="masthead">
        <div className="wrap">
          <p className="kicker">
            {publisher.bulletinName} · {publisher.centre}
          </p>
          <h1 id="issue-title">{model.title}</h1>
          <hr className="rule" />
          <p className="issue-line">
            {issueLine(model)} · Published{' '}
            <time dateTime={model.publicationDate}>{formatLongDate(model.publicationDate)}</time>
          </p>
          <p className="actions">
            <a className="button" href={`/issues/${model.slug}/pdf`}>
              Download the PDF
            </a>
            <a className="button secondary" href="#subscribe">
              Subscribe by email
            </a>
          </p>
        </div>
      </header>

      <div className="wrap issue-layout">
        <aside className="issue-aside" aria-label="About this issue">
          <TableOfContents model={model} />
          {model.editorialCommittee.length > 0 ? (
            <section className="committee" aria-labelledby="committee-title">
              <h2 id="committee-title">Editorial committee</h2>
              <dl>
                {model.editorialCommittee.map((m) => (
                  <React.Fragment key={`${m.role}-${m.name}`}>
                    <dt>{m.role}</dt>
                    <dd>
                      {m.honorific ? `${m.honorific} ` : ''}
                      {m.name}
                      <br />
                      <a href={`mailto:${m.email}`}>{m.email}</a>
                    </dd>
                  </React.Fragment>
                ))}
              </dl>
            </section>
          ) : null}
        </aside>

        <div>
          {model.editorsIntro ? (
            <section aria-label="From the editor" className="measure">
              {model.editorsIntro
                .split(/\r?\n\s*\r?\n/)
                .filter((p) => p.trim())
                .map((p, i) => (
                  <p key={i} className="intro">
                    {p}
                  </p>
                ))}
              {editor ? (
                <p className="fine-print">
                  {editor.honorific ? `${editor.honorific} ` : ''}
                  {editor.name}, {editor.role}
                </p>
              ) : null}
            </section>
          ) : null}
          {model.coverPullQuote?.text ? (
            <blockquote className="cover-quote measure">
              <p>{`“${model.coverPullQuote.text}”`}</p>
              {model.coverPullQuote.attribution ? <footer>{model.coverPullQuote.attribution}</footer> : null}
            </blockquote>
          ) : null}

          {model.sections.map((section, index) => (
            <Section key={section.id} section={section} id={sectionAnchor(section, index, model)} />
          ))}

          <section className="about measure" aria-labelledby="about-title">
            <h2 id="about-title" className="section-title">
              About the {publisher.bulletinName}
            </h2>
            <p>
              <Runs runs={aboutRuns(model.mastheadOverride || publisher.aboutText, publisher.aboutUrl, publisher.aboutLinkText)} />
            </p>
            <p>{publisher.rightsText}</p>
            <p>
              Please address all correspondence to {publisher.correspondence.name},{' '}
              <a href={`mailto:${publisher.correspondence.email}`}>{publisher.correspondence.email}</a>.
            </p>
          </section>

          <section className="subscribe-box" id="subscribe" aria-labelledby="subscribe-title">
            <h2 id="subscribe-title">Receive the next issue by email</h2>
            <p>
              {publisher.bulletinName} comes out four times a year.
            </p>
            <SubscribeForm source={`/issues/${model.slug}`} bulletinName={publisher.bulletinName} />
          </section>
        </div>
      </div>
    </article>
  )
}
