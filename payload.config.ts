import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, type SanitizedConfig } from 'payload'
import sharp from 'sharp'

import { AuditLog } from './collections/AuditLog'
import { Authors } from './collections/Authors'
import { Campaigns } from './collections/Campaigns'
import { Chronologies } from './collections/Chronologies'
import { ChronologyEntries } from './collections/ChronologyEntries'
import { Deliveries } from './collections/Deliveries'
import { Essays } from './collections/Essays'
import { Highlights } from './collections/Highlights'
import { IssueExports } from './collections/IssueExports'
import { Issues } from './collections/Issues'
import { Media } from './collections/Media'
import { MULTIPART_FILE_LIMIT_BYTES, MULTIPART_LIMIT_MESSAGE } from './collections/hooks/validateImageUpload'
import { CHRONOLOGY_MAX_REQUEST_BYTES } from './src/chronology/limits'
import { PublicationSettings } from './collections/PublicationSettings'
import { Publications } from './collections/Publications'
import { Subscribers } from './collections/Subscribers'
import { Users } from './collections/Users'
import { databaseAdapter } from './src/database'
import { storagePlugins } from './src/storage'
import { createMailTransport } from './src/mail/transport'
import { env } from './src/env'
import { accessForAnyone } from './src/graphql/accessForAnyone'
import { campaignJobs } from './src/jobs/tasks'
import { loggerConfig, refusalLoggingLevels } from './src/logging/refusals'
import { seedDemoOnEmpty } from './src/seed/onInit'

const filename = fileURLToPath(import.meta.url)
const dirname = path.dirname(filename)
const config = env()

/**
 * A promise, as buildConfig's own result is: the database adapter and the storage plugin
 * are loaded for the settings in use only (src/database.ts, src/storage.ts).
 */
async function bulletinConfig(): Promise<SanitizedConfig> {
  const [db, plugins] = await Promise.all([databaseAdapter(config), storagePlugins(config)])
  return buildConfig({
    serverURL: config.PUBLIC_URL,
    secret: config.PAYLOAD_SECRET,
    admin: {
      user: Users.slug,
      // Gravatar would be fetched over the internet; the built-in avatar works offline.
      avatar: 'default',
      meta: { titleSuffix: ' · Bulletin Press' },
      importMap: { baseDir: path.resolve(dirname, 'src') },
      // "My items": what is assigned to the signed-in member, above the collections.
      components: { beforeDashboard: ['/admin/MyItems#MyItems'] },
    },
    collections: [
      Issues,
      Essays,
      Authors,
      Publications,
      Highlights,
      Chronologies,
      ChronologyEntries,
      Media,
      IssueExports,
      Subscribers,
      Campaigns,
      Deliveries,
      Users,
      AuditLog,
    ],
    globals: [PublicationSettings],
    // Campaign delivery runs as jobs in `npm run worker` (src/jobs/worker.ts); scheduled
    // publication of issues runs there and in the app (src/jobs/tasks.ts).
    jobs: campaignJobs,
    editor: lexicalEditor({}),
    db,
    email: nodemailerAdapter({
      defaultFromAddress: config.MAIL_FROM_ADDRESS,
      defaultFromName: config.MAIL_FROM_NAME,
      transport: createMailTransport(config),
      // The outbox has nothing to verify; a real SMTP server is checked at start.
      skipVerify: !config.SMTP_URL,
    }),
    sharp,
    // Payload's multipart limits (20 MB a file by default) sit in front of the project's own
    // (images 40 MB: collections/hooks/validateImageUpload; chronology files: src/chronology/limits).
    // Raised above them so those apply with their messages; this stops only what no upload may be.
    upload: {
      // fieldSize: the admin sends pasted chronology text in the `_payload` field (1 MB by default).
      limits: { fileSize: MULTIPART_FILE_LIMIT_BYTES, fieldSize: CHRONOLOGY_MAX_REQUEST_BYTES },
      requestSizeLimit: MULTIPART_FILE_LIMIT_BYTES + 1024 * 1024,
      responseOnLimit: MULTIPART_LIMIT_MESSAGE,
    },
    plugins,
    // Types are generated on purpose (npm run generate:types) and committed. Payload's default
    // regenerates them in a child process at every start outside production: every test file
    // and CLI command paid for it, and a test's own config could rewrite the committed file.
    typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts'), autoGenerate: false },
    graphQL: { schemaOutputFile: path.resolve(dirname, 'src/generated-schema.graphql'), queries: accessForAnyone },
    // A refused request is one warning line with its reason, no stack (src/logging/refusals.ts).
    // The command line keeps stdout for its own output (often JSON): Payload's logs go to
    // stderr there, warnings and errors only.
    logger: loggerConfig(process.env.BULLETIN_CLI === '1'),
    loggingLevels: refusalLoggingLevels,
    onInit: seedDemoOnEmpty,
  })
}

export default bulletinConfig()
