import { z } from 'zod'

/**
 * The IssueModel: plain data for one bulletin issue, relations resolved and rich text
 * reduced to a small render tree. Every renderer (PDF, email, web) takes only this.
 * It is the contract between `assemble()` and the templates, so it is validated.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')

/** A run of text with its inline marks. */
export const runSchema = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  href: z.string().optional(),
})
export type Run = z.infer<typeof runSchema>

/** One image, with the derivatives the renderers choose from. */
export const imageSchema = z.object({
  id: z.string(),
  alt: z.string(),
  credit: z.string().optional(),
  /** Pixel size of the original upload. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Focal point in percent (0-100), for crops. */
  focalX: z.number().min(0).max(100).default(50),
  focalY: z.number().min(0).max(100).default(50),
  /** Absolute path of a JPEG or PNG on disk for print (never WebP: react-pdf cannot read it). */
  printPath: z.string(),
  /** Absolute URLs of the web and email derivatives (built from PUBLIC_URL). */
  webUrl: z.string(),
  emailUrl: z.string(),
})
export type ImageModel = z.infer<typeof imageSchema>

export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), runs: z.array(runSchema) }),
  z.object({
    type: z.literal('heading'),
    level: z.union([z.literal(2), z.literal(3), z.literal(4)]),
    runs: z.array(runSchema),
  }),
  /** Quoted treaty language and other block quotations. */
  z.object({ type: z.literal('quote'), runs: z.array(runSchema) }),
  z.object({
    type: z.literal('list'),
    ordered: z.boolean(),
    items: z.array(z.array(runSchema)),
  }),
  z.object({
    type: z.literal('pullQuote'),
    text: z.string().min(1),
    attribution: z.string().optional(),
  }),
  z.object({
    type: z.literal('figure'),
    image: imageSchema,
    caption: z.string(),
    credit: z.string().optional(),
    /** Where the figure sits: in the column flow, across both columns, or floated. */
    placement: z.enum(['column', 'wide', 'left', 'right']),
  }),
])
export type Block = z.infer<typeof blockSchema>

export const authorSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  /** The name in its own script, e.g. Hangul. */
  nameInScript: z.string().optional(),
  honorific: z.string().optional(),
  /** Each line one position, printed under the name. */
  affiliations: z.array(z.string()),
})
export type AuthorModel = z.infer<typeof authorSchema>

export const essaySchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string().min(1),
  /** The title in "In this issue" when it differs from the heading. */
  contentsTitle: z.string().optional(),
  authors: z.array(authorSchema),
  standfirst: z.string().optional(),
  body: z.array(blockSchema),
  /** The production editor's print choices (the essay's `layout` group). */
  layout: z
    .object({
      /** Start at the top of a new page instead of running on from the essay before. */
      startOnNewPage: z.boolean().default(false),
      /** Type size of the essay's pull quotes. */
      pullQuoteSize: z.enum(['medium', 'large']).default('large'),
    })
    .optional(),
})
export type EssayModel = z.infer<typeof essaySchema>

/**
 * An event at the Centre as a captioned group of photos. The title may be empty (the section
 * heading says what they are); one caption may cover all the photos ("(Top) …, (Below, from
 * left) … and (right) …"), or each photo has its own.
 */
export const highlightSchema = z.object({
  id: z.string(),
  title: z.string(),
  eventDate: isoDate.optional(),
  /** One caption for the whole group; empty when each photo has its own. */
  caption: z.string().optional(),
  photos: z.array(
    z.object({
      image: imageSchema,
      /** Empty when the group's caption covers this photo. */
      caption: z.string(),
      /** "(Top)", "(Below, from left)", "(Right)". */
      positionCue: z.string().optional(),
    }),
  ),
})
export type HighlightModel = z.infer<typeof highlightSchema>

export const publicationSchema = z.object({
  id: z.string(),
  kind: z.enum(['forthcoming', 'recent']),
  title: z.string().min(1),
  subtitle: z.string().optional(),
  /** The title in "In this issue" when it differs from the heading. */
  contentsTitle: z.string().optional(),
  editors: z.array(z.string()),
  publisher: z.string(),
  /** "London and New York". */
  place: z.string().optional(),
  year: z.number().int(),
  isbn: z.string().optional(),
  cover: imageSchema.optional(),
  description: z.array(blockSchema),
  url: z.string().optional(),
  contents: z.array(
    z.object({
      /** Part heading, e.g. "Superpowers and the DPRK"; empty when chapters are not grouped. */
      title: z.string(),
      chapters: z.array(
        z.object({
          /** Absent for unnumbered front and back matter ("List of Figures and Tables", "Contributors"). */
          number: z.number().int().positive().optional(),
          title: z.string(),
          authors: z.array(z.string()),
        }),
      ),
    }),
  ),
})
export type PublicationModel = z.infer<typeof publicationSchema>

export const chronologyEntrySchema = z.object({
  id: z.string(),
  startDate: isoDate,
  endDate: isoDate,
  paragraphs: z.array(z.string()).min(1),
  countries: z.array(z.string()),
  orderInDay: z.number().int().default(0),
})
export type ChronologyEntryModel = z.infer<typeof chronologyEntrySchema>

export const chronologySchema = z.object({
  title: z.string(),
  /** The title in "In this issue" when it differs from the heading. */
  contentsTitle: z.string().optional(),
  /** The contents line carries the period: "…, April 2024 to June 2024". */
  periodInContents: z.boolean().optional(),
  periodStart: isoDate,
  periodEnd: isoDate,
  compiler: z.string(),
  compilerAffiliation: z.string().optional(),
  intro: z.array(z.string()),
  sourcesNote: z.array(z.string()),
  /** Sorted by start date, then order within the day. */
  entries: z.array(chronologyEntrySchema),
})
export type ChronologyModel = z.infer<typeof chronologySchema>

const sectionBase = { id: z.string(), title: z.string().min(1) }

export const sectionSchema = z.discriminatedUnion('kind', [
  z.object({ ...sectionBase, kind: z.literal('essays'), essays: z.array(essaySchema) }),
  z.object({ ...sectionBase, kind: z.literal('highlights'), highlights: z.array(highlightSchema) }),
  z.object({
    ...sectionBase,
    kind: z.literal('forthcoming'),
    publications: z.array(publicationSchema),
  }),
  z.object({ ...sectionBase, kind: z.literal('recent'), publications: z.array(publicationSchema) }),
  z.object({ ...sectionBase, kind: z.literal('chronology'), chronology: chronologySchema }),
])
export type SectionModel = z.infer<typeof sectionSchema>

export const committeeMemberSchema = z.object({
  name: z.string().min(1),
  honorific: z.string().optional(),
  /** "Editor", "Production Editor", "Editorial Assistant". */
  role: z.string().min(1),
  email: z.string().email(),
})

export const publisherSchema = z.object({
  bulletinName: z.string().min(1),
  institute: z.string().min(1),
  centre: z.string().min(1),
  aboutText: z.string(),
  aboutUrl: z.string().optional(),
  /** Words of the about text that carry aboutUrl; without them the link follows the text. */
  aboutLinkText: z.string().optional(),
  rightsText: z.string(),
  /** A name and an email; the postal address is separate and optional. */
  correspondence: z.object({ name: z.string(), email: z.string().email() }),
  /** Optional: emails print it when given (campaign readiness warns when it is missing). */
  postalAddress: z.string().optional(),
})

export const issueModelSchema = z.object({
  id: z.string(),
  slug: z.string().min(1),
  title: z.string().min(1),
  /** Optional: many issues print neither; renderers print only what is given. */
  volume: z.number().int().positive().optional(),
  number: z.number().int().positive().optional(),
  quarter: z.number().int().min(1).max(4),
  year: z.number().int(),
  /** "April–June 2024" */
  periodLabel: z.string(),
  publicationDate: isoDate,
  status: z.enum(['draft', 'published']),
  publisher: publisherSchema,
  coverPullQuote: z.object({ text: z.string(), attribution: z.string().optional() }).optional(),
  editorialCommittee: z.array(committeeMemberSchema),
  /** Replaces the publisher's about text on this issue's masthead when set. */
  mastheadOverride: z.string().optional(),
  editorsIntro: z.string().optional(),
  sections: z.array(sectionSchema),
  /** The production editor's print choices (the issue's `layout` group); absent: the defaults. */
  layout: z
    .object({
      chronologyOnNewPage: z.boolean().default(true),
      highlightsOnNewPage: z.boolean().default(true),
      /** What fills the pages left over to the end of the last signature of 4 pages. */
      endMatter: z.enum(['none', 'notes', 'backCover', 'houseAd']).default('none'),
    })
    .optional(),
})
export type IssueModel = z.infer<typeof issueModelSchema>

export type SectionKind = SectionModel['kind']
export type IssueLayout = NonNullable<IssueModel['layout']>
export type EndMatter = IssueLayout['endMatter']

/** The issue's print choices, with the collection's defaults where none were given. */
export function issueLayout(model: Pick<IssueModel, 'layout'>): IssueLayout {
  return { chronologyOnNewPage: true, highlightsOnNewPage: true, endMatter: 'none', ...model.layout }
}
