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
 * - the static card and compare pages are sent from files, before Next, and /, /cards and
 *   /data/cards.json from copies Next renders once when the server starts (./static-pages.ts);
 * - SIGTERM/SIGINT: stop accepting, let requests in flight finish, close the database and exit.
 */
import './node-env';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import nextEnv from '@next/env';
import next from 'next';
import { BUILT_DOCUMENTS } from '../lib/cards/documents.built';
import { assertStartupConfig, ConfigError, env } from '../lib/env';
import { closeDatabase } from '../lib/db/lifecycle';
import { DatabaseLockedError, lockDataDirectory } from '../lib/db/pglite-lock';
import { clientAddress } from '../lib/http/client-address';
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

/**
 * A production server runs with the configuration its build was made with, as Next's own
 * standalone server does (output: 'standalone', ADR 0024): read from the build, so neither
 * next.config.mjs nor what it imports is needed at run time (the standalone folder has neither).
 */
function adoptBuildConfiguration(distDir: string): void {
  if (process.env.__NEXT_PRIVATE_STANDALONE_CONFIG) return;
  const file = path.join(distDir, 'required-server-files.json');
  try {
    const { config } = JSON.parse(readFileSync(file, 'utf8')) as { config?: unknown };
    if (!config || typeof config !== 'object') throw new Error('it has no configuration');
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  } catch (error) {
    fail(`the build's configuration (${file}) cannot be read: ${error instanceof Error ? error.message : String(error)}. Run npm run build again.`);
  }
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
  const distDir = path.resolve(settings.NEXT_DIST_DIR);
  if (!dev && !existsSync(path.join(distDir, BUILT_DOCUMENTS))) {
    fail(`the build in ${distDir} has no content (${BUILT_DOCUMENTS}): run npm run build first.`);
  }
  if (!dev) adoptBuildConfiguration(distDir);
  const app = next({ dev, dir: process.cwd(), hostname: host, port, ...(dev ? { turbopack: true } : {}) });
  // A production server listens while Next prepares: the static pages are sent from the first
  // moment; what Next answers waits for it (ADR 0019). `next dev` is prepared before it listens.
  const prepared = app.prepare().then(() => app.getRequestHandler());
  if (dev) await prepared;
  let handle: Awaited<typeof prepared> | null = null;
  void prepared.then((h) => (handle = h));
  /** Settled once / and /cards are kept as copies (production); /api/ready waits for it. */
  let snapshotted: Promise<void> = Promise.resolve();
  // The card and compare pages, as files (production builds only; `next dev` renders them itself).
  const formTargets = formTargetsOf(settings);
  const staticPages = dev ? null : loadStaticPages(distDir, (hashes) => contentSecurityPolicy({ hashes, formTargets }), true);
  const loopbackListener = isLoopbackHost(host);
  const logRequests = process.env.LOG_REQUESTS !== '0';
  const trustedProxies = env().TRUST_PROXY;
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
      const remoteAddress = clientAddress(req.socket.remoteAddress ?? '', req.headers['x-forwarded-for'], trustedProxies);
      const connection = { remoteAddress, local: loopbackListener && isLoopbackAddress(remoteAddress), requestId: id };
      const failed = (error: unknown) => {
        console.error(error);
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('Something went wrong on our side. Please try again.');
        }
      };
      const run = (h: NonNullable<typeof handle>) => connections.run(connection, () => h(req, res).catch(failed));
      // Ready means every page is served as designed: the readiness check waits for the copies.
      const waitFor = (req.url ?? '').startsWith('/api/ready') ? snapshotted : null;
      if (handle && !waitFor) run(handle);
      else void Promise.all([prepared, waitFor]).then(([h]) => run(h), failed);
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
    const self = `http://${shown === '0.0.0.0' || shown === '[::]' ? '127.0.0.1' : shown}:${port}`;
    // /, /cards and /data/cards.json, rendered once by Next from the content this process read and
    // kept as copies (ADR 0019); until then Next renders them per request. A failure stops the
    // server with a sentence.
    if (staticPages) {
      snapshotted = prepared
        .then(() => staticPages.snapshot(self))
        .catch((error: unknown) => fail(`rendering the pages made from the content failed: ${error instanceof Error ? error.message : String(error)}`));
    }
    // Open and migrate the database, and load the routes people write through, before saying
    // ready: not on the first person's request (opening PGlite takes seconds).
    void (async () => {
      await snapshotted;
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
