/**
 * The static tier inside the portal's server: pages that are files are sent from the files, before
 * Next, the proxy or the database does anything —
 *
 * - the card and compare pages (scripts/render-pages.tsx, ADR 0013) from <distDir>/static-pages/,
 *   whatever their query string (a "saved" message is read by the page's script);
 * - the pages Next prerendered (/, /cards), asked for without a query string and not by the React
 *   app's client-side navigation, with the hash CSP scripts/csp-hashes.ts computed for them.
 *
 * Each is sent gzipped when the browser takes it, with a strong ETag (304 on If-None-Match), the
 * site's security headers and its CSP. CFO.gov's /cardsNew/<segment> addresses of cards answer with
 * a permanent redirect. Anything else falls through to Next.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { securityHeaders } from '../lib/security-headers.mjs';

const manifestSchema = z.object({
  pages: z.record(z.string(), z.object({ file: z.string(), etag: z.string(), bytes: z.number(), gzipBytes: z.number() })),
});
const hashesSchema = z.record(z.string(), z.array(z.string()));

interface Page {
  readonly etag: string;
  readonly csp: string;
  /** Next's pages vary with its client-side navigation headers too (it answers those itself). */
  readonly vary: string;
  readonly anyQuery: boolean;
  readonly plain: () => Buffer;
  readonly gzip: () => Buffer;
}

/** Bodies kept in memory, up to this many bytes. */
const CACHE_BYTES = 128 * 1024 * 1024;

export interface StaticPages {
  /** Answers the request when it is for a static page (or a /cardsNew/ address); false otherwise. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  readonly count: number;
}

export function loadStaticPages(distDir: string, csp: (hashes: readonly string[]) => string, production: boolean): StaticPages {
  const pages = new Map<string, Page>();
  let cached = 0;
  const fromFile = (file: string) => {
    let data: Buffer | null = null;
    return () => {
      if (data) return data;
      const read = readFileSync(file);
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
      pages.set(url, { etag: entry.etag, csp: policy, vary: 'Accept-Encoding', anyQuery: true, plain: fromFile(file), gzip: fromFile(`${file}.gz`) });
    }
  }

  const hashesFile = path.join(distDir, 'csp-hashes.json');
  if (existsSync(hashesFile)) {
    for (const [route, hashes] of Object.entries(hashesSchema.parse(JSON.parse(readFileSync(hashesFile, 'utf8'))))) {
      if (route.startsWith('/_') || pages.has(route)) continue;
      const file = path.join(distDir, 'server/app', `${route === '/' ? '/index' : route}.html`);
      if (!existsSync(file)) continue;
      const html = readFileSync(file);
      const gz = gzipSync(html, { level: 9 });
      cached += html.length + gz.length;
      pages.set(route, {
        etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`,
        csp: csp(hashes),
        vary: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding',
        anyQuery: false,
        plain: () => html,
        gzip: () => gz,
      });
    }
  }

  const security: Record<string, string> = {};
  for (const { key, value } of securityHeaders(production)) security[key] = value;

  return {
    count: pages.size,
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
        'Cache-Control': 'public, max-age=0, must-revalidate',
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
      res.writeHead(200, {
        ...common,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': String(data.length),
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : data);
      return true;
    },
  };
}
