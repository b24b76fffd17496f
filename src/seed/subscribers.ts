/**
 * Development only: confirmed test readers (test-00001@<domain> …) to try a campaign with,
 * written through the subscriber import like any list (one transaction, an audit entry).
 */
import type { Payload } from 'payload'

import { importSubscribers, type ImportResult } from '../subscribers'
import { env } from '../env'

export async function seedTestSubscribers(payload: Payload, count: number, domain: string): Promise<ImportResult> {
  if (env().NODE_ENV === 'production') throw new Error('seed-subscribers is for development databases only.')
  const { totalDocs } = await payload.count({ collection: 'subscribers', where: { email: { like: `test-%@${domain}` } }, overrideAccess: true })
  const rows = ['email,name']
  for (let i = totalDocs + 1; i <= totalDocs + count; i += 1) rows.push(`test-${String(i).padStart(5, '0')}@${domain},Test Reader ${i}`)
  return importSubscribers(payload, `${rows.join('\r\n')}\r\n`, { status: 'confirmed', fileName: 'bulletin seed-subscribers', by: 'the command line' })
}
