import { describe, expect, it } from 'vitest'

import { startedWithBuildCondition } from '@/runtime/lexicalEntryPoints'

describe('a process started with a build condition needs no lexical module hook', () => {
  it('reads --conditions and -C from the flags and from NODE_OPTIONS', () => {
    expect(startedWithBuildCondition(['--conditions=production'], '')).toBe(true)
    expect(startedWithBuildCondition(['--conditions', 'development'], '')).toBe(true)
    expect(startedWithBuildCondition(['-C=production'], '')).toBe(true)
    expect(startedWithBuildCondition([], '--no-deprecation --conditions=production')).toBe(true)
  })

  it('registers the hook otherwise, also for a condition that picks no lexical build', () => {
    expect(startedWithBuildCondition([], '')).toBe(false)
    expect(startedWithBuildCondition(['--import', 'tsx'], '--no-deprecation')).toBe(false)
    expect(startedWithBuildCondition(['--conditions=react-server'], '')).toBe(false)
  })
})
