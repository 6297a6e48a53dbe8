/**
 * The static tier inside the portal's server: pages that are files, or copies, are sent before
 * Next, the proxy or the database does anything —
 *
 * - the card and compare pages (scripts/render-pages.tsx, ADR 0013) from <distDir>/static-pages/,
 *   whatever their query string (a "saved" message is read by the page's script);
 * - the front door (/), the dashboard (/cards) and its data (/data/cards.json), asked for without a
 *   query string and not by the React app's client-side navigation: Next renders them once, from
 *   the content the server has read, when the server starts (`snapshot`); the copy is kept with
 *   its payload moved into a script file (also sent from here) and a hash CSP (ADR 0019).
 *
 * Each is sent gzipped when the browser takes it, with a strong ETag (304 on If-None-Match), the
 * site's security headers and its CSP. CFO.gov's /cardsNew/<segment> addresses of cards answer with
 * a permanent redirect. Anything else falls through to Next.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { externalizeFlight, inlineScriptHashes, withoutNonces } from '../lib/pages/flight';
import { securityHeaders } from '../lib/security-headers.mjs';

/** The routes Next renders from the content, kept as copies when the server starts (ADR 0019). */
export const SNAPSHOT_ROUTES = ['/', '/cards', '/data/cards.json'] as const;

const manifestSchema = z.object({
  pages: z.record(z.string(), z.object({ file: z.string(), etag: z.string(), bytes: z.number(), gzipBytes: z.number() })),
});

interface Page {
  readonly etag: string;
  readonly csp: string;
  readonly type: string;
  readonly cacheControl: string;
  /** Next's pages vary with its client-side navigation headers too (it answers those itself). */
  readonly vary: string;
  readonly anyQuery: boolean;
  /** The body; null when its file cannot be read (the request then goes to Next). */
  readonly plain: () => Buffer | null;
  readonly gzip: () => Buffer | null;
}

/** Bodies kept in memory, up to this many bytes. */
const CACHE_BYTES = 128 * 1024 * 1024;

export interface StaticPages {
  /** Answers the request when it is for a static page (or a /cardsNew/ address); false otherwise. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  /**
   * Asks Next, at `origin` (the portal's own server, as it starts), for each of
   * SNAPSHOT_ROUTES and keeps the answers. Rejects, naming the route, when one is not a 200.
   */
  snapshot(origin: string): Promise<void>;
  readonly count: number;
}

const HTML = 'text/html; charset=utf-8';

/** Writes a file by renaming a complete temporary one into place; a read-only disk is not an error. */
function writeAtomically(file: string, text: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch {
    // The copy in memory is served regardless.
  }
}
const REVALIDATE = 'public, max-age=0, must-revalidate';

export function loadStaticPages(distDir: string, csp: (hashes: readonly string[]) => string, production: boolean): StaticPages {
  const pages = new Map<string, Page>();
  let cached = 0;
  const fromFile = (file: string) => {
    let data: Buffer | null = null;
    return () => {
      if (data) return data;
      let read: Buffer;
      try {
        read = readFileSync(file);
      } catch {
        // Gone since the server started (a publish removed a deleted card's page): Next answers.
        return null;
      }
      if (cached + read.length <= CACHE_BYTES) {
        data = read;
        cached += read.length;
      }
      return read;
    };
  };

  const root = path.join(distDir, 'static-pages');
  const manifestFile = path.join(root, 'manifest.json');
  if (existsSync(manifestFile)) {
    const policy = csp([]);
    for (const [url, entry] of Object.entries(manifestSchema.parse(JSON.parse(readFileSync(manifestFile, 'utf8'))).pages)) {
      const file = path.join(root, entry.file);
      pages.set(url, {
        etag: entry.etag,
        csp: policy,
        type: HTML,
        cacheControl: REVALIDATE,
        vary: 'Accept-Encoding',
        anyQuery: true,
        plain: fromFile(file),
        gzip: fromFile(`${file}.gz`),
      });
    }
  }

  /** Keeps a body in memory, gzipped once. */
  const keep = (route: string, body: Buffer, page: Omit<Page, 'etag' | 'plain' | 'gzip'>) => {
    const gz = gzipSync(body, { level: 9 });
    cached += body.length + gz.length;
    pages.set(route, { ...page, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, plain: () => body, gzip: () => gz });
  };

  const security: Record<string, string> = {};
  for (const { key, value } of securityHeaders(production)) security[key] = value;

  return {
    get count() {
      return pages.size;
    },
    async snapshot(origin) {
      for (const route of SNAPSHOT_ROUTES) {
        const response = await fetch(`${origin}${route}`, { headers: { 'Accept-Encoding': 'identity' }, redirect: 'manual' }).catch((error: unknown) => {
          const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
          throw new Error(`${route} could not be asked for: ${error instanceof Error ? error.message : String(error)}${cause}`);
        });
        const text = await response.text();
        if (response.status !== 200) throw new Error(`${route} answered ${response.status}: ${text.slice(0, 300)}`);
        // A render that failed inside the page still answers 200, with React's error markers.
        if (text.includes('data-dgst=')) throw new Error(`${route} was rendered with an error in it`);
        const type = response.headers.get('content-type') ?? HTML;
        if (!type.startsWith('text/html')) {
          keep(route, Buffer.from(text), {
            type,
            csp: response.headers.get('content-security-policy') ?? csp([]),
            cacheControl: response.headers.get('cache-control') ?? REVALIDATE,
            vary: 'Accept-Encoding',
            anyQuery: false,
          });
          continue;
        }
        const html = externalizeFlight(withoutNonces(text), (name, js) => {
          keep(`/_next/static/${name}`, Buffer.from(js), {
            type: 'application/javascript; charset=utf-8',
            csp: csp([]),
            cacheControl: 'public, max-age=31536000, immutable',
            vary: 'Accept-Encoding',
            anyQuery: true,
          });
          // Also beside Next's other static files, for whatever serves <distDir>/static from disk (a
          // reverse proxy, another instance); named by its hash, so every writer writes the same.
          writeAtomically(path.join(distDir, 'static', name), js);
        });
        keep(route, Buffer.from(html), {
          type: HTML,
          csp: csp(inlineScriptHashes(html)),
          cacheControl: REVALIDATE,
          vary: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding',
          anyQuery: false,
        });
      }
    },
    serve(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      // A client-side navigation of the React app asks for its payload, not the document.
      if (req.headers.rsc !== undefined || req.headers['next-router-state-tree'] !== undefined || req.headers['next-action'] !== undefined) return false;
      const [pathname = '/', query] = (req.url ?? '/').split('?', 2);
      const page = pages.get(pathname);
      if (!page && pathname.startsWith('/cardsNew/')) {
        const moved = `/cards/${pathname.slice('/cardsNew/'.length)}`;
        if (pages.has(moved)) {
          res.writeHead(308, { ...security, Location: moved, 'Cache-Control': 'public, max-age=3600' });
          res.end();
          return true;
        }
      }
      if (!page || (query !== undefined && !page.anyQuery)) return false;
      const common = {
        ...security,
        'Content-Security-Policy': page.csp,
        'Cache-Control': page.cacheControl,
        ETag: page.etag,
        Vary: page.vary,
      };
      const match = req.headers['if-none-match'];
      if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//u, '') === page.etag)) {
        res.writeHead(304, common);
        res.end();
        return true;
      }
      const gzip = /\bgzip\b/u.test(String(req.headers['accept-encoding'] ?? ''));
      const data = gzip ? page.gzip() : page.plain();
      if (data === null) return false;
      res.writeHead(200, {
        ...common,
        'Content-Type': page.type,
        'Content-Length': String(data.length),
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : data);
      return true;
    },
  };
}
