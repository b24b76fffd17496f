import net from 'node:net'

/**
 * Which client a public form request comes from, for rate limiting. `X-Forwarded-For` is
 * written by whoever sends the request, so it counts only as far as TRUSTED_PROXIES says:
 *
 * - unset: nothing in it is trusted. Next gives server actions no socket address (it only
 *   copies the socket's address into X-Forwarded-For when the client sent none, so a
 *   client's own header looks exactly like it), hence no client can be told apart from
 *   another and every request counts in one shared bucket (SHARED_CLIENT).
 * - a hop count n: n proxies of ours each append the address they saw; the client is the
 *   n-th address from the right. Fewer addresses than that: the request did not come
 *   through them, the shared bucket.
 * - addresses and CIDR ranges: walking from the right, addresses of our proxies are
 *   skipped; the first other one is the client. The app must be reachable only through
 *   those proxies.
 */

export type TrustedProxies = { hops: number } | { addresses: string[] } | null

/** The bucket of every request whose client cannot be known. */
export const SHARED_CLIENT = 'shared'

/** Parses TRUSTED_PROXIES: a hop count ("1") or addresses and ranges ("10.0.0.0/8, 192.0.2.7"). */
export function parseTrustedProxies(value: string | undefined): TrustedProxies | { error: string } {
  const text = value?.trim()
  if (!text) return null
  if (/^\d+$/.test(text)) {
    const hops = Number(text)
    return hops >= 1 && hops <= 10 ? { hops } : { error: 'a hop count must be between 1 and 10' }
  }
  const addresses = text.split(',').map((entry) => entry.trim()).filter(Boolean)
  const bad = addresses.filter((entry) => !isAddressOrRange(entry))
  if (bad.length) return { error: `not an IP address or CIDR range: ${bad.map((b) => `"${b}"`).join(', ')} (e.g. 10.0.0.0/8, 192.0.2.7 or a hop count such as 1)` }
  return { addresses }
}

function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/')
  const family = net.isIP(address)
  if (!family || rest.length) return false
  if (prefix === undefined) return true
  if (!/^\d+$/.test(prefix)) return false
  return Number(prefix) <= (family === 4 ? 32 : 128)
}

function blockListOf(addresses: string[]): net.BlockList {
  const list = new net.BlockList()
  for (const entry of addresses) {
    const [address, prefix] = entry.split('/')
    const type = net.isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(prefix), type)
  }
  return list
}

/** "::ffff:192.0.2.1" is 192.0.2.1; brackets and ports as some proxies write them go. */
function normalise(hop: string): string {
  let address = hop.trim().replace(/^\[([^\]]+)\](:\d+)?$/, '$1')
  if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.replace(/:\d+$/, '')
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address)) address = address.slice(7)
  return address.toLowerCase()
}

/** The rate-limit key of a request's client: an IP address, or SHARED_CLIENT. */
export function clientAddress(headers: Headers, trusted: TrustedProxies): string {
  if (!trusted) return SHARED_CLIENT
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map(normalise)
    .filter(Boolean)
  if ('hops' in trusted) {
    const client = hops[hops.length - trusted.hops]
    return client && net.isIP(client) ? client : SHARED_CLIENT
  }
  const ours = blockListOf(trusted.addresses)
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i]
    const family = net.isIP(hop)
    if (!family) return SHARED_CLIENT
    if (!ours.check(hop, family === 6 ? 'ipv6' : 'ipv4')) return hop
  }
  return SHARED_CLIENT
}
