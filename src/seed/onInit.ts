import type { Payload } from 'payload'

import { env } from '../env'
import { seedDemo } from './demo'
import { demoUsers } from './demoContent'

/**
 * In `next dev` an empty database gets the demo issue, and the demo logins are printed so
 * a new user can try every role. SEED_DEMO_ON_EMPTY overrides the default either way.
 */
export async function seedDemoOnEmpty(payload: Payload): Promise<void> {
  const config = env()
  const wanted = config.SEED_DEMO_ON_EMPTY
    ? config.SEED_DEMO_ON_EMPTY === 'true'
    : config.NODE_ENV === 'development' && process.env.BULLETIN_CLI !== '1'
  if (!wanted) return
  const { totalDocs } = await payload.count({ collection: 'issues' })
  if (totalDocs === 0) {
    payload.logger.info('Empty database: loading the demo issue (slug "demo")…')
    await seedDemo(payload)
  }
  if (config.NODE_ENV !== 'production') {
    const lines = demoUsers.map((user) => `  ${user.role.padEnd(20)} ${user.email.padEnd(32)} ${user.password}`)
    payload.logger.info(`Demo logins (development only):\n${lines.join('\n')}`)
  }
}
