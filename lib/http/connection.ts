/**
 * What the portal's own server (server/main.ts) knows about the connection a request came on,
 * handed to route handlers through AsyncLocalStorage — never through request headers, which a
 * client can write. Outside that server (unit tests, a bare `next start`) there is none.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Connection {
  /** The peer's address, as the socket reports it. */
  readonly remoteAddress: string;
  /** The server listens on a loopback address and the peer is on loopback: this machine. */
  readonly local: boolean;
  /** The request id, also sent back as X-Request-Id. */
  readonly requestId: string;
}

// One store per process, shared by the server and Next's bundles (each loads its own copy of this module).
const KEY = Symbol.for('fm-portal.connection');
const holder = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<Connection> };
export const connections: AsyncLocalStorage<Connection> = (holder[KEY] ??= new AsyncLocalStorage<Connection>());

export function currentConnection(): Connection | undefined {
  return connections.getStore();
}

const LOOPBACK_ADDRESS = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/u;

export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK_ADDRESS.test(address);
}
