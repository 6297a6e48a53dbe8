/**
 * The address of the client a request comes from (ADR 0023): the socket's, or — when the socket is
 * a trusted reverse proxy (TRUST_PROXY) — the nearest address in X-Forwarded-For that is not one of
 * those proxies. A client cannot forge its way past: entries it wrote itself sit to the left of
 * what the trusted proxy appended, and only the rightmost untrusted one counts.
 */
export function clientAddress(socketAddress: string, forwardedFor: string | string[] | undefined, trusted: readonly string[]): string {
  const normal = (a: string) => a.trim().replace(/^::ffff:/u, '');
  if (!trusted.includes(normal(socketAddress)) || forwardedFor === undefined) return socketAddress;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(normal).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!trusted.includes(hop)) return /^[0-9A-Fa-f:.]{2,45}$/u.test(hop) ? hop : UNKNOWN_CLIENT;
  }
  // Every hop is a trusted address: the client is at one of them (nginx on this machine, a person on
  // this machine) — the address the nearest proxy saw. Nothing at all: unknown, never the proxy's
  // own (loopback) address, which would count as local.
  return hops.at(-1) ?? UNKNOWN_CLIENT;
}

/** A client behind a trusted proxy whose address cannot be told: never loopback, never local. */
export const UNKNOWN_CLIENT = 'unknown';
