/** The client a request comes from, behind a trusted reverse proxy or not (lib/http/client-address.ts, ADR 0023). */
import { describe, expect, it } from 'vitest';
import { clientAddress, UNKNOWN_CLIENT } from '@/lib/http/client-address';

describe('clientAddress', () => {
  it('is the socket’s address without a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '127.0.0.1', [])).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', '127.0.0.1', ['127.0.0.1'])).toBe('203.0.113.9');
  });

  it('behind a trusted proxy: the rightmost address the proxy did not write itself', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.7', ['127.0.0.1'])).toBe('198.51.100.7');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.7', ['127.0.0.1'])).toBe('198.51.100.7');
    // A client's own X-Forwarded-For (to look local) stays to the left of what the proxy appended.
    expect(clientAddress('127.0.0.1', '127.0.0.1, 198.51.100.7', ['127.0.0.1'])).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', ['10.0.0.1', '198.51.100.7, 10.0.0.2'], ['127.0.0.1', '10.0.0.2'])).toBe('198.51.100.7');
  });

  it('without a header: the socket; with garbage or nothing in it: an unknown client, never the proxy’s loopback address', () => {
    expect(clientAddress('127.0.0.1', undefined, ['127.0.0.1'])).toBe('127.0.0.1');
    // A person on the proxy's own machine: the address the proxy saw.
    expect(clientAddress('127.0.0.1', '127.0.0.1', ['127.0.0.1'])).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', ' , ', ['127.0.0.1'])).toBe(UNKNOWN_CLIENT);
    expect(clientAddress('127.0.0.1', 'not an address; drop table', ['127.0.0.1'])).toBe(UNKNOWN_CLIENT);
    expect(clientAddress('127.0.0.1', 'unix:', ['127.0.0.1'])).toBe(UNKNOWN_CLIENT);
  });
});
