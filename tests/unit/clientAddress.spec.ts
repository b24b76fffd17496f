import { describe, expect, it } from 'vitest'

import { clientAddress, SHARED_CLIENT } from '@/clientAddress'
import { createSubscribeLimiter } from '@/subscribers/rateLimit'
import { ConfigError, parseEnv } from '@/env'

const withXff = (value?: string) => new Headers(value === undefined ? {} : { 'x-forwarded-for': value, 'x-real-ip': '198.51.100.99' })
const env = (TRUSTED_PROXIES?: string) => parseEnv({ PAYLOAD_SECRET: 'x'.repeat(32), TRUSTED_PROXIES }).TRUSTED_PROXIES

describe('the client address of a form request', () => {
  it('believes no forwarding header when TRUSTED_PROXIES is unset: every request is the shared client', () => {
    const trusted = env(undefined)
    expect(trusted).toBeNull()
    for (const xff of ['203.0.113.1', '203.0.113.2, 10.0.0.1', 'garbage', undefined]) {
      expect(clientAddress(withXff(xff), trusted)).toBe(SHARED_CLIENT)
    }
  })

  it('with a hop count takes the address that many hops from the right, whatever the client wrote before it', () => {
    const one = env('1')
    expect(one).toEqual({ hops: 1 })
    expect(clientAddress(withXff('1.2.3.4, 203.0.113.7'), one)).toBe('203.0.113.7')
    expect(clientAddress(withXff('9.9.9.9, 203.0.113.7'), one)).toBe('203.0.113.7')
    expect(clientAddress(withXff('203.0.113.7, 10.0.0.2'), env('2'))).toBe('203.0.113.7')
    // Fewer hops than proxies: it did not come through them.
    expect(clientAddress(withXff('203.0.113.7'), env('2'))).toBe(SHARED_CLIENT)
    expect(clientAddress(withXff(), one)).toBe(SHARED_CLIENT)
    expect(clientAddress(withXff('not-an-ip'), one)).toBe(SHARED_CLIENT)
  })

  it('with addresses and ranges skips our proxies from the right and takes the first other address', () => {
    const ours = env('10.0.0.0/8, 192.0.2.7, 2001:db8::/32')
    expect(ours).toEqual({ addresses: ['10.0.0.0/8', '192.0.2.7', '2001:db8::/32'] })
    expect(clientAddress(withXff('1.2.3.4, 203.0.113.7, 10.1.2.3, 192.0.2.7'), ours)).toBe('203.0.113.7')
    expect(clientAddress(withXff('2001:db8::1, ::ffff:203.0.113.9'), ours)).toBe('203.0.113.9')
    expect(clientAddress(withXff('10.1.2.3'), ours)).toBe(SHARED_CLIENT)
  })

  it('stops the start on a malformed TRUSTED_PROXIES, naming it', () => {
    expect(() => env('10.0.0.0/33')).toThrow(ConfigError)
    expect(() => env('proxy.example.org')).toThrow(/TRUSTED_PROXIES: not an IP address or CIDR range: "proxy.example.org"/)
    expect(() => env('0')).toThrow(/TRUSTED_PROXIES: a hop count must be between 1 and 10/)
  })

  it('a fresh X-Forwarded-For per request no longer gets a fresh bucket', () => {
    const limiter = createSubscribeLimiter(() => 0)
    const trusted = env(undefined)
    const accepted = Array.from({ length: 40 }, (_, i) =>
      limiter.check(clientAddress(withXff(`203.0.113.${i + 1}`), trusted), `reader${i}@example.org`),
    ).filter((wait) => wait === 0).length
    expect(accepted).toBe(30)
    const perIp = createSubscribeLimiter(() => 0)
    const proxied = Array.from({ length: 12 }, (_, i) =>
      perIp.check(clientAddress(withXff(`198.51.100.${i + 1}, 203.0.113.7`), env('1')), `reader${i}@example.org`),
    ).filter((wait) => wait === 0).length
    expect(proxied).toBe(10)
  })
})
