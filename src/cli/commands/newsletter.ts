import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'

import { openPayload } from '../../runtime/openPayload'

// Services are imported after openPayload(): loading them (and with them Payload) beside
// the config can deadlock Node 20's module loader, and the process then exits silently.
async function services() {
  const [mail, newsletter, subscribers] = [
    await import('../../mail/send'),
    await import('../../delivery/testSend'),
    await import('../../subscribers'),
  ]
  return { ...mail, ...newsletter, ...subscribers }
}

interface RenderEmailOptions {
  out: string
  draft?: boolean
  to?: string
  json?: boolean
}

export function registerNewsletter(program: Command): void {
  program
    .command('render-email <slug>')
    .description('Write the issue newsletter as newsletter.html, newsletter.txt and newsletter.eml (a complete MIME message) for a sample recipient.')
    .option('--out <dir>', 'folder to write into', '.')
    .option('--to <email>', 'render for this subscriber (name, unsubscribe link) instead of a sample reader')
    .option('--draft', 'use the latest drafts instead of the published issue')
    .option('--json', 'print one JSON object')
    .action(async (slug: string, options: RenderEmailOptions) => {
      const payload = await openPayload()
      const { findSubscriberByEmail, messageToEml, renderIssueEmail, SAMPLE_RECIPIENT } = await services()
      let recipient = SAMPLE_RECIPIENT
      if (options.to) {
        const subscriber = await findSubscriberByEmail(payload, options.to)
        if (!subscriber) throw new Error(`No subscriber with the address ${options.to}.`)
        recipient = { id: String(subscriber.id), email: subscriber.email, name: subscriber.name || undefined }
      }
      const { rendered, message } = await renderIssueEmail(payload, slug, recipient, { draft: options.draft })
      const dir = path.resolve(options.out)
      fs.mkdirSync(dir, { recursive: true })
      const files = {
        html: path.join(dir, 'newsletter.html'),
        text: path.join(dir, 'newsletter.txt'),
        eml: path.join(dir, 'newsletter.eml'),
      }
      fs.writeFileSync(files.html, rendered.html)
      fs.writeFileSync(files.text, rendered.text)
      fs.writeFileSync(files.eml, await messageToEml(message))
      const summary = {
        slug,
        subject: rendered.subject,
        recipient: recipient.email,
        messageId: message.messageId,
        htmlBytes: Buffer.byteLength(rendered.html),
        textBytes: Buffer.byteLength(rendered.text),
        files,
      }
      if (options.json) {
        console.log(JSON.stringify(summary))
        return
      }
      console.log(`${summary.subject}`)
      console.log(`For ${recipient.email}; Message-ID ${String(message.messageId)}`)
      for (const [kind, file] of Object.entries(files)) console.log(`  ${kind.padEnd(4)} ${file}`)
    })

  program
    .command('send-test <slug> <address>')
    .description('Send the issue newsletter (latest drafts included) to one address now, through SMTP_URL or the outbox.')
    .option('--published', 'send the published issue instead of the latest drafts')
    .action(async (slug: string, address: string, options: { published?: boolean }) => {
      const payload = await openPayload()
      const { sendTestEmail } = await services()
      const result = await sendTestEmail(payload, slug, address, { cli: true }, { draft: !options.published })
      console.log(`Sent "${result.subject}" to ${result.to}${result.subscriber ? ' (a subscriber)' : ''}: ${result.response}`)
    })
}
