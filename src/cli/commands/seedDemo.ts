import type { Command } from 'commander'

import { openPayload } from '../../runtime/openPayload'

export function registerSeedDemo(program: Command): void {
  program
    .command('seed-demo')
    .description('Load the fictional demo issue (slug "demo") and one user per role. Safe to run again.')
    .action(async () => {
      const payload = await openPayload()
      const { seedDemo } = await import('../../seed/demo')
      const { demoUsers } = await import('../../seed/demoContent')
      const summary = await seedDemo(payload)
      console.log(`Demo issue ready: ${summary.created} documents created, ${summary.updated} updated.`)
      console.log('Demo logins:')
      for (const user of demoUsers) console.log(`  ${user.role.padEnd(20)} ${user.email.padEnd(32)} ${user.password}`)
    })
}
