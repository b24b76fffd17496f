/**
 * What `npm run worker` tells the job tasks about itself: its settings (connections, rate,
 * page size), its stop signal and its progress reporter. Outside the worker (jobs run by
 * hand) the tasks use the environment's settings.
 */
import type { RunCampaignOptions } from '../delivery/runner'

let context: Pick<RunCampaignOptions, 'settings' | 'signal' | 'onProgress' | 'workerId'> = {}

export function setWorkerContext(next: typeof context): void {
  context = next
}

export function workerContext(): typeof context {
  return context
}
