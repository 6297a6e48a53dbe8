/**
 * The portal's server: `npm start` (production build) and `npm run dev` (`--dev`). Next renders
 * every page; this process owns what only the socket knows and what must happen before the first
 * request (ADR 0011):
 *
 * - the configuration is checked, and the embedded database locked, before it listens: a bad
 *   setting or a second server on one PGLITE_DIR stops here with a sentence and exit code 1;
 * - it listens on HOST (127.0.0.1 unless set) and tells each request whether it came from this
 *   machine (loopback peer on a loopback listener) through AsyncLocalStorage, never a header;
 * - every request gets an id (X-Request-Id) and one JSON log line (no query string, no person);
 * - bodies declared larger than MAX_BODY are refused at once; slow clients are timed out;
 * - the static card and compare pages are sent from files, before Next (./static-pages.ts);
 * - SIGTERM/SIGINT: stop accepting, let requests in flight finish, close the database and exit.
 */
import './node-env';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import nextEnv from '@next/env';
import next from 'next';
import { assertStartupConfig, ConfigError, env } from '../lib/env';
import { closeDatabase } from '../lib/db/lifecycle';
import { DatabaseLockedError, lockDataDirectory } from '../lib/db/pglite-lock';
import { connections, isLoopbackAddress } from '../lib/http/connection';
import { contentSecurityPolicy, formTargetsOf } from '../lib/security';
import { loadStaticPages } from './static-pages';

/** No route takes more; each handler has its own, smaller limit (counted as the body arrives). */
const MAX_BODY = 1024 * 1024;
const SHUTDOWN_GRACE_MS = 15_000;

function fail(message: string): never {
  console.error(`The portal cannot start: ${message}`);
  process.exit(1);
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || isLoopbackAddress(host);
}

/** What is refused before Next sees it: bodies declared too large, and forms Next's parser would fail on. */
function refuse(req: IncomingMessage): { status: number; message: string } | null {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > MAX_BODY) return { status: 413, message: `The request body is too large (at most ${MAX_BODY / 1024} KB).` };
  const type = req.headers['content-type'] ?? '';
  // A page takes POSTs only as server actions; a multipart body without its boundary makes Next's form parser fail.
  if (/^multipart\/form-data/iu.test(type) && !/;\s*boundary=/iu.test(type))
    return { status: 400, message: 'The form could not be read: multipart/form-data without a boundary.' };
  return null;
}

function log(entry: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
}

async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  nextEnv.loadEnvConfig(process.cwd(), dev);
  let settings: ReturnType<typeof env>;
  try {
    settings = env();
    assertStartupConfig(settings);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  if (!settings.DATABASE_URL) {
    try {
      await lockDataDirectory(path.resolve(settings.PGLITE_DIR));
    } catch (error) {
      if (error instanceof DatabaseLockedError) fail(error.message);
      throw error;
    }
  }

  const { HOST: host, PORT: port } = settings;
  const app = next({ dev, dir: process.cwd(), hostname: host, port, ...(dev ? { turbopack: true } : {}) });
  await app.prepare();
  const handle = app.getRequestHandler();
  // The card and compare pages, as files (production builds only; `next dev` renders them itself).
  const formTargets = formTargetsOf(settings);
  const staticPages = dev ? null : loadStaticPages(path.resolve(settings.NEXT_DIST_DIR), (hashes) => contentSecurityPolicy({ hashes, formTargets }), true);
  const loopbackListener = isLoopbackHost(host);
  const logRequests = process.env.LOG_REQUESTS !== '0';
  let stopping = false;

  const server = createServer(
    { requestTimeout: 60_000, headersTimeout: 20_000, keepAliveTimeout: 5_000, maxHeaderSize: 16 * 1024 },
    (req: IncomingMessage, res: ServerResponse) => {
      const id = randomUUID();
      const started = process.hrtime.bigint();
      res.setHeader('X-Request-Id', id);
      if (stopping) res.setHeader('Connection', 'close');
      if (logRequests) {
        res.once('finish', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          log({ id, method: req.method, path: (req.url ?? '').split('?')[0]?.slice(0, 300), status: res.statusCode, ms: Math.round(ms * 10) / 10 });
        });
      }
      const refusal = refuse(req);
      if (refusal) {
        res.writeHead(refusal.status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Connection: 'close' });
        res.end(JSON.stringify({ error: refusal.message }));
        return;
      }
      if (staticPages?.serve(req, res)) return;
      const remoteAddress = req.socket.remoteAddress ?? '';
      const connection = { remoteAddress, local: loopbackListener && isLoopbackAddress(remoteAddress), requestId: id };
      connections.run(connection, () => {
        handle(req, res).catch((error: unknown) => {
          console.error(error);
          if (!res.headersSent) {
            res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
            res.end('Something went wrong on our side. Please try again.');
          }
        });
      });
    },
  );
  if (dev) server.on('upgrade', app.getUpgradeHandler());

  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') fail(`port ${port} on ${host} is already in use: stop the other server or set PORT.`);
    if (error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL') fail(`cannot listen on ${host}:${port} (${error.code}): check HOST and PORT.`);
    throw error;
  });
  server.listen(port, host, () => {
    const shown = host.includes(':') ? `[${host}]` : host;
    // Open and migrate the database, and load the routes people write through, before saying
    // ready: not on the first person's request (opening PGlite takes seconds).
    const self = `http://${shown === '0.0.0.0' || shown === '[::]' ? '127.0.0.1' : shown}:${port}`;
    void (async () => {
      for (const warm of ['/api/ready', '/api/me', '/api/bookmarks', '/api/bookmarks/status?permalink=/cards']) {
        await fetch(`${self}${warm}`).then(
          (r) => r.arrayBuffer(),
          () => undefined,
        );
      }
      console.log(`FM Career Roadmap ${dev ? '(development) ' : ''}ready on http://${shown}:${port}`);
      if (!loopbackListener) console.log(`Listening on ${host}: reachable from other machines; local sign-in is off.`);
    })();
  });

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log({ event: 'stopping', signal });
    const force = setTimeout(() => {
      log({ event: 'stopped', forced: true });
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      void closeDatabase()
        .catch((error: unknown) => console.error(error))
        .finally(() => {
          log({ event: 'stopped' });
          process.exit(0);
        });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
