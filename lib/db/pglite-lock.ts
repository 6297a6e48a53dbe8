import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { hostname, platform } from 'node:os';
import path from 'node:path';

export class DatabaseLockedError extends Error {
  override name = 'DatabaseLockedError';
}

/**
 * PGlite has no lock of its own: two processes that open one data directory both succeed, and rows
 * are silently lost. The lock is a listening Unix socket named after the directory: the kernel
 * lets one process listen on a name and frees it the moment that process ends, however it ends
 * (kill -9 included). Nothing is judged from a process id, so a reused id (a restarted container's,
 * or this very process's) can never make a lock look alive or dead. On Linux the socket lives in
 * the abstract namespace (no file is left behind); elsewhere it is a socket file in the directory,
 * and a leftover file that nobody answers on is taken over.
 *
 * `fm-portal.lock` in the directory says who holds the lock, for the message a second process gets;
 * it decides nothing. A process may lock a directory it already holds (the server and Next's bundles
 * share one process). Returns a function that releases the lock.
 */
export async function lockDataDirectory(dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  const real = realpathSync(dir);
  const held = heldLocks();
  if (held.has(real)) return async () => undefined;

  const name = socketName(real);
  let server: Server;
  try {
    server = await listen(name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (isAbstract(name) || (await answers(name))) throw lockedBy(real);
    // A socket file left by a process that is gone: nobody answers on it. Take it over once.
    rmSync(name, { force: true });
    try {
      server = await listen(name);
    } catch {
      throw lockedBy(real);
    }
  }
  server.unref();
  held.set(real, server);
  const info = path.join(real, 'fm-portal.lock');
  try {
    writeFileSync(info, `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`);
  } catch {
    // informational only
  }
  return () =>
    new Promise<void>((resolve) => {
      held.delete(real);
      server.close(() => resolve());
    });
}

function heldLocks(): Map<string, Server> {
  const key = Symbol.for('fm-portal.pglite-locks');
  const holder = globalThis as typeof globalThis & { [key]?: Map<string, Server> };
  holder[key] ??= new Map();
  return holder[key];
}

function socketName(real: string): string {
  const digest = createHash('sha256').update(real).digest('hex').slice(0, 40);
  return platform() === 'linux' ? `\0fm-portal-pglite-${digest}` : path.join(real, '.fm-portal.sock');
}

const isAbstract = (name: string) => name.startsWith('\0');

function listen(name: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.end());
    server.once('error', reject);
    server.listen(name, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function answers(name: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(name);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function lockedBy(dir: string): DatabaseLockedError {
  let who = 'another process';
  try {
    const info = JSON.parse(readFileSync(path.join(dir, 'fm-portal.lock'), 'utf8')) as { pid?: unknown; host?: unknown; since?: unknown };
    if (typeof info.pid === 'number')
      who = `another process (most likely process ${info.pid}${typeof info.host === 'string' ? ` on ${info.host}` : ''}, since ${String(info.since)})`;
  } catch {
    // no readable note: say what we know
  }
  return new DatabaseLockedError(
    `The embedded database in ${dir} is in use by ${who}. PGlite allows one process per data directory: stop that process, set PGLITE_DIR to another directory, or set DATABASE_URL to use PostgreSQL.`,
  );
}
