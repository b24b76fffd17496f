'use client'

import { Banner, Button, Pill, SetDocumentStepNav, useConfig, useDocumentInfo } from '@payloadcms/ui'
import type { ClientCollectionConfig } from 'payload'
import React, { useMemo, useRef, useState } from 'react'

import type { ChronologyImportReport, ImportedEntry } from '../chronology/import'
import type { ChronologyPeriod, Diagnostic } from '../chronology/parse'
import { COUNTRIES } from '../chronology/countryOptions'
import { formatDayCell, monthName, splitIsoDate } from '../chronology/dayCell'
import { sizeProblem } from '../chronology/limits'
import './importChronology.css'

export interface ImportChronologyFormProps {
  endpoint: string
  chronology: { title: string; period: ChronologyPeriod; entryCount: number; href: string; entriesHref: string }
}

const base = 'chronology-import'
const ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx,.csv'

function spokenDay(iso: string): string {
  const { year, month, day } = splitIsoDate(iso)
  return `${day} ${monthName(month)} ${year}`
}

/** The month under the day cell, unless the cell names its months itself ("29th June – 4th July"). */
function monthOf(startDate: string, endDate: string): string {
  return startDate.slice(0, 7) === endDate.slice(0, 7) ? monthName(splitIsoDate(startDate).month) : ''
}

type Row =
  | { kind: 'entry'; line: number; entry: ImportedEntry; notes: Diagnostic[] }
  | { kind: 'error'; line: number; errors: Diagnostic[]; notes: Diagnostic[] }
  | { kind: 'note'; line: number; notes: Diagnostic[] }

/** One row per line of the document that produced an entry, an error or a note, in line order. */
function rowsOf(report: ChronologyImportReport): Row[] {
  const rows = new Map<number, Row>()
  for (const entry of report.entries) rows.set(entry.line, { kind: 'entry', line: entry.line, entry, notes: [] })
  for (const error of [...report.errors, ...report.excluded.errors]) {
    if (error.line === 0) continue
    const row = rows.get(error.line)
    if (row?.kind === 'error') row.errors.push(error)
    else rows.set(error.line, { kind: 'error', line: error.line, errors: [error], notes: [] })
  }
  for (const warning of report.warnings) {
    if (warning.line === 0) continue
    const row = rows.get(warning.line)
    if (row) row.notes.push(warning)
    else rows.set(warning.line, { kind: 'note', line: warning.line, notes: [warning] })
  }
  return [...rows.values()].sort((a, b) => a.line - b.line)
}

type PillStyle = NonNullable<React.ComponentProps<typeof Pill>['pillStyle']>

const STATUS: Record<ImportedEntry['status'], { label: string; done: string; style: PillStyle }> = {
  new: { label: 'New', done: 'Added', style: 'success' },
  updated: { label: 'Updated', done: 'Updated', style: 'warning' },
  unchanged: { label: 'Unchanged', done: 'Unchanged', style: 'light-gray' },
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** The import's own size limit (src/chronology/limits), checked before anything is sent. */
function tooLarge(file: File | null, text: string): string | undefined {
  const problem = file ? sizeProblem(file.size, file.name) : sizeProblem(new TextEncoder().encode(text).byteLength)
  return problem === undefined ? undefined : problem.charAt(0).toUpperCase() + problem.slice(1)
}

export function ImportChronologyForm({ endpoint, chronology }: ImportChronologyFormProps) {
  const { id, collectionSlug } = useDocumentInfo()
  const { getEntityConfig } = useConfig()
  const collection = getEntityConfig({ collectionSlug }) as ClientCollectionConfig | undefined
  const fileInput = useRef<HTMLInputElement>(null)

  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [report, setReport] = useState<ChronologyImportReport | null>(null)
  const [excluded, setExcluded] = useState<Set<number>>(new Set())
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [entryCount, setEntryCount] = useState(chronology.entryCount)

  const hasSource = file !== null || text.trim() !== ''
  const committed = report?.committed ?? false
  const lineLabel = report?.lineLabel === 'paragraph' ? 'Paragraph' : 'Line'

  const blocking = useMemo(
    () => (report ? report.errors.filter((e) => e.line === 0 || !excluded.has(e.line)) : []),
    [report, excluded],
  )
  const toWrite = report ? report.added + report.updated : 0

  function changed(): void {
    setReport(null)
    setProblem(null)
  }

  async function send(dryRun: boolean): Promise<void> {
    const size = tooLarge(file, text)
    if (size) {
      setProblem(size)
      return
    }
    setBusy(dryRun ? 'preview' : 'import')
    setProblem(null)
    try {
      const form = new FormData()
      if (file) form.append('file', file)
      form.append('_payload', JSON.stringify({ text: file ? undefined : text, dryRun, excludeLines: dryRun ? [] : [...excluded] }))
      const response = await fetch(endpoint, { method: 'POST', body: form, credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as Partial<ChronologyImportReport> & { error?: string }
      if (!response.ok || !body.entries) {
        setProblem(body.error ?? `The server answered ${response.status}.`)
        return
      }
      const next = body as ChronologyImportReport
      setReport(next)
      if (dryRun) {
        // Keep the lines already left out that still have errors.
        const errorLines = new Set(next.errors.map((e) => e.line))
        setExcluded((current) => new Set([...current].filter((line) => errorLines.has(line))))
      }
      if (next.committed) setEntryCount((n) => n + next.added)
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    } finally {
      setBusy(null)
    }
  }

  function toggle(line: number): void {
    setExcluded((current) => {
      const next = new Set(current)
      if (next.has(line)) next.delete(line)
      else next.add(line)
      return next
    })
  }

  const rows = report ? rowsOf(report) : []
  const notInDocument = report ? report.notInDocument.length + report.omitted.notInDocument : 0
  const wholeDocument = report ? [...report.errors, ...report.warnings].filter((d) => d.line === 0) : []
  const errorLines = report ? [...new Set(report.errors.filter((e) => e.line > 0).map((e) => e.line))] : []

  return (
    <div className={base}>
      <SetDocumentStepNav
        collectionSlug={collectionSlug}
        id={id}
        pluralLabel={collection?.labels?.plural}
        useAsTitle={collection?.admin?.useAsTitle}
        view="Import chronology"
      />
      <header className={`${base}__intro`}>
        <h2>Import chronology</h2>
        <p>
          Into <a href={chronology.href}>{chronology.title}</a>, {spokenDay(chronology.period.start)} to {spokenDay(chronology.period.end)}
          {' · '}
          <a href={chronology.entriesHref} data-testid="chronology-entries-link">
            {plural(entryCount, 'entry', 'entries')} stored
          </a>
        </p>
        <p className={`${base}__hint`}>
          Paste the chronology as the compiler sent it (a month heading, then one entry a line: the day, a tab, the text), or
          upload the file. Preview shows every entry as it will be stored; importing the same document again adds nothing,
          and a corrected one updates the entries it changes.
        </p>
      </header>

      <section className={`${base}__source`}>
        <label htmlFor={`${base}-text`} className={`${base}__label`}>
          Chronology text
        </label>
        <textarea
          id={`${base}-text`}
          name="chronology"
          rows={10}
          value={text}
          disabled={file !== null || busy !== null}
          placeholder={'April 2024\n1st\tThe Vietnamese Deputy Minister of Foreign Affairs met …\n3rd-4th\tThe ASEAN+3 Finance and Central Bank Deputies’ Meeting …'}
          onChange={(event) => {
            setText(event.target.value)
            changed()
          }}
        />
        <div className={`${base}__file`}>
          <span>or upload a file (.txt, .md, .html, .docx, .csv):</span>
          <input
            ref={fileInput}
            type="file"
            accept={ACCEPT}
            disabled={busy !== null}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null
              setFile(chosen)
              changed()
              if (chosen) setProblem(tooLarge(chosen, '') ?? null)
            }}
          />
          {file ? (
            <Button
              buttonStyle="subtle"
              size="small"
              margin={false}
              onClick={() => {
                setFile(null)
                if (fileInput.current) fileInput.current.value = ''
                changed()
              }}
            >
              Use the text instead
            </Button>
          ) : null}
        </div>
        <div className={`${base}__actions`}>
          <Button buttonStyle="secondary" margin={false} disabled={!hasSource || busy !== null} onClick={() => void send(true)}>
            {busy === 'preview' ? 'Reading…' : 'Preview'}
          </Button>
          <Button
            buttonStyle="primary"
            margin={false}
            disabled={!report || committed || blocking.length > 0 || toWrite === 0 || busy !== null}
            onClick={() => void send(false)}
          >
            {busy === 'import'
              ? 'Importing…'
              : committed
                ? 'Imported'
                : report && toWrite === 0
                ? 'Nothing to import'
                : `Import ${plural(toWrite, 'entry', 'entries')}`}
          </Button>
        </div>
      </section>

      {problem ? <Banner type="error">{problem}</Banner> : null}

      {report ? (
        <section className={`${base}__report`} data-testid="chronology-import-report">
          {committed ? (
            <Banner type="success">
              Imported: {report.added} added, {report.updated} updated, {report.unchanged} unchanged
              {report.reordered ? `, ${report.reordered} moved within their day` : ''}.{' '}
              <a href={chronology.entriesHref}>See the entries</a>
            </Banner>
          ) : null}
          {committed && report.sentBackToReview ? (
            <Banner type="info">
              The chronology was approved: it is back in review. Readers see the new and changed entries once an editor approves and
              publishes it again.
            </Banner>
          ) : null}
          {!committed && toWrite > 0 && report.chronology.reviewStatus === 'approved' ? (
            <Banner type="info">The chronology is approved: importing sends it back to review.</Banner>
          ) : null}
          {wholeDocument.map((d, i) => (
            <Banner key={i} type={report.errors.includes(d) ? 'error' : 'info'}>
              {d.message}
            </Banner>
          ))}
          <div className={`${base}__summary`}>
            <Pill pillStyle={report.added ? 'success' : 'light-gray'} size="small">
              {report.added} {committed ? 'added' : 'new'}
            </Pill>
            <Pill pillStyle={report.updated ? 'warning' : 'light-gray'} size="small">
              {report.updated} updated
            </Pill>
            <Pill pillStyle="light-gray" size="small">
              {report.unchanged} unchanged
            </Pill>
            <span>
              {plural(report.warnings.length + report.omitted.warnings, 'warning')},{' '}
              {plural(report.errors.length + report.excluded.errors.length + report.omitted.errors + report.omitted.excludedErrors, 'error')}
              {report.omitted.warnings + report.omitted.errors + report.omitted.excludedErrors > 0
                ? ` (${report.omitted.warnings + report.omitted.errors + report.omitted.excludedErrors} not listed)`
                : ''}
            </span>
            {!committed && blocking.length > 0 ? (
              <span className={`${base}__blocked`}>
                {blocking.some((e) => e.line === 0)
                  ? 'Fix the problem above and preview again.'
                  : `Tick "Leave out" for the ${plural(errorLines.filter((l) => !excluded.has(l)).length, 'line')} with errors, or correct the text and preview again.`}
              </span>
            ) : null}
            {notInDocument > 0 ? (
              <span className={`${base}__kept`}>
                {notInDocument === 1
                  ? `1 stored entry in these months is not in this document; it ${committed ? 'was' : 'will be'} kept.`
                  : `${notInDocument} stored entries in these months are not in this document; they ${committed ? 'were' : 'will be'} kept.`}
              </span>
            ) : null}
          </div>

          {rows.length > 0 ? (
            <div className={`table ${base}__table`}>
              <table cellPadding={0} cellSpacing={0}>
                <thead>
                  <tr>
                    <th className={`${base}__col-line`}>{lineLabel}</th>
                    <th className={`${base}__col-day`}>Day</th>
                    <th className={`${base}__col-event`}>Event</th>
                    <th className={`${base}__col-countries`}>Countries</th>
                    <th className={`${base}__col-status`}>Status</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <ReportRow
                      key={row.line}
                      row={row}
                      committed={committed}
                      excluded={excluded.has(row.line)}
                      onToggle={() => toggle(row.line)}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>No entries found: check that each entry starts with its day.</p>
          )}
        </section>
      ) : null}
    </div>
  )
}

function Notes({ notes }: { notes: Diagnostic[] }) {
  if (notes.length === 0) return null
  return (
    <ul className={`${base}__notes`}>
      {notes.map((note, i) => (
        <li key={i}>{note.message}</li>
      ))}
    </ul>
  )
}

function ReportRow({ row, committed, excluded, onToggle }: { row: Row; committed: boolean; excluded: boolean; onToggle: () => void }) {
  if (row.kind === 'error') {
    return (
      <tr className={`${base}__row ${base}__row--error${excluded ? ` ${base}__row--excluded` : ''}`} data-line={row.line}>
        <td className={`${base}__col-line`}>{row.line}</td>
        <td className={`${base}__col-day`}>—</td>
        <td>
          <ul className={`${base}__errors`}>
            {row.errors.map((error, i) => (
              <li key={i}>{error.message}</li>
            ))}
          </ul>
          <Notes notes={row.notes} />
        </td>
        <td />
        <td className={`${base}__col-status`}>
          {committed ? (
            <Pill pillStyle="light-gray" size="small">
              Left out
            </Pill>
          ) : (
            <label className={`${base}__exclude`}>
              <input type="checkbox" checked={excluded} onChange={onToggle} aria-label={`Leave out line ${row.line}`} />
              Leave out
            </label>
          )}
        </td>
      </tr>
    )
  }
  if (row.kind === 'note') {
    return (
      <tr className={`${base}__row ${base}__row--note`} data-line={row.line}>
        <td className={`${base}__col-line`}>{row.line}</td>
        <td className={`${base}__col-day`} />
        <td>
          <Notes notes={row.notes} />
        </td>
        <td />
        <td className={`${base}__col-status`}>
          <Pill pillStyle="light" size="small">
            Skipped
          </Pill>
        </td>
      </tr>
    )
  }
  const { entry } = row
  const status = STATUS[entry.status]
  const paragraphs = entry.text.split(/\n{2,}/)
  return (
    <tr className={`${base}__row ${base}__row--${entry.status}`} data-line={row.line}>
      <td className={`${base}__col-line`}>{row.line}</td>
      <td className={`${base}__col-day`} title={`As written: ${entry.dayCell}`}>
        {formatDayCell(entry.startDate, entry.endDate)}
        <span className={`${base}__month`}>{monthOf(entry.startDate, entry.endDate)}</span>
      </td>
      <td>
        {paragraphs.map((p, i) => (
          <p key={i} className={`${base}__text`}>
            {p}
          </p>
        ))}
        {entry.previous ? (
          <div className={`${base}__previous`}>
            <strong>Before{committed ? '' : ' this import'}:</strong>{' '}
            {entry.changes.includes('dates')
              ? `${formatDayCell(entry.previous.startDate, entry.previous.endDate)} ${monthOf(entry.previous.startDate, entry.previous.endDate)}`.trim()
              : ''}
            {entry.changes.includes('dates') && entry.changes.includes('text') ? ' · ' : ''}
            {entry.changes.includes('text') ? entry.previous.text : ''}
          </div>
        ) : null}
        <Notes notes={row.notes} />
      </td>
      <td className={`${base}__col-countries`}>{entry.countries.map((code) => COUNTRIES[code]).join(', ')}</td>
      <td className={`${base}__col-status`}>
        <Pill pillStyle={status.style} size="small">
          {committed ? status.done : status.label}
        </Pill>
      </td>
    </tr>
  )
}
