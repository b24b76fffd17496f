/**
 * The campaign's transport against a real SMTP server: it must be the pool the worker's
 * settings describe. (It once passed SMTP_URL to nodemailer as `url`, which makes nodemailer
 * ignore every other option: one fresh connection per message, no pool, no TCP_NODELAY.)
 */
import { afterEach, describe, expect, it } from 'vitest'

import { campaignSettingsFrom } from '@/delivery/campaignSettings'
import { createCampaignTransport } from '@/delivery/campaignTransport'
import { startSmtpSink, type SmtpSink } from '../../support/smtpSink'

let sink: SmtpSink | undefined
afterEach(async () => {
  await sink?.close()
  sink = undefined
})

describe('campaign transport', () => {
  it('sends many messages over at most the configured number of pooled connections', async () => {
    sink = await startSmtpSink()
    const settings = campaignSettingsFrom({ CAMPAIGN_SMTP_CONNECTIONS: '3' })
    const transport = createCampaignTransport({ SMTP_URL: sink.url, OUTBOX_DIR: '' }, settings)
    try {
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          transport.sendMail({ from: 'bulletin@example.org', to: `reader${i}@example.net`, subject: `Issue ${i}`, text: 'Hello' }),
        ),
      )
    } finally {
      transport.close()
    }
    expect(sink.messages).toHaveLength(12)
    expect(sink.stats.connections).toBeGreaterThan(0)
    expect(sink.stats.connections).toBeLessThanOrEqual(3)
  })
})
