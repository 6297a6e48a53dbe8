/**
 * After `next build`: gives every prerendered page a hash-based Content-Security-Policy (a nonce
 * cannot be put into HTML written at build time). For each `.next/server/app/**.html` it hashes
 * the inline <script>s and writes the policy into the page's `.meta` headers, which `next start`
 * sends with the page — no per-request work (ADR 0008). It also writes .next/csp-hashes.json,
 * which the proxy uses for the pages it handles.
 *
 * First, the React Server Components payload that Next inlines into a prerendered page (the same
 * content again, as data for hydration: 40% of /cards at 10,000 cards) moves into one script file
 * under `_next/static/flight/`, named by its hash and cached as Next's other static files are; the
 * page loads it at the end of the body, not deferred (lib/pages/flight.ts says why).
 * The page is smaller on every visit, and has fewer inline scripts to allow (ADR 0016).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { externalizeFlight, inlineScriptHashes } from '../lib/pages/flight';
import { contentSecurityPolicy } from '../lib/security';

const distDir = process.env.NEXT_DIST_DIR || '.next';
const appDir = path.resolve(distDir, 'server/app');
const routes: Record<string, string[]> = {};
const meta = z.object({ headers: z.record(z.string(), z.string()).optional() }).loose();
let scripts = 0;
let patched = 0;
let moved = 0;

function walk(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(full);
      continue;
    }
    if (!entry.name.endsWith('.html')) continue;
    let html = readFileSync(full, 'utf8');
    // Error pages (/_not-found, /_global-error) are sent by Next with an error status: left as they are.
    if (!path.relative(appDir, full).startsWith('_')) {
      const before = html;
      html = externalizeFlight(html, (name, js) => {
        const file = path.resolve(distDir, 'static', name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, js);
      });
      if (html !== before) {
        writeFileSync(full, html);
        moved++;
      }
    }
    const hashes = inlineScriptHashes(html);
    let route = `/${path
      .relative(appDir, full)
      .replace(/\.html$/u, '')
      .split(path.sep)
      .join('/')}`;
    if (route === '/index') route = '/';
    routes[route] = hashes;
    scripts += hashes.length;
    const metaFile = full.replace(/\.html$/u, '.meta');
    if (existsSync(metaFile)) {
      const data = meta.parse(JSON.parse(readFileSync(metaFile, 'utf8')));
      data.headers = { ...data.headers, 'content-security-policy': contentSecurityPolicy({ hashes }) };
      writeFileSync(metaFile, JSON.stringify(data, null, 2));
      patched++;
    }
  }
}

walk(appDir);
writeFileSync(path.resolve(distDir, 'csp-hashes.json'), JSON.stringify(routes));
console.log(
  `csp: ${moved} page(s)' payload moved to _next/static/flight/; hashed ${scripts} inline script(s) of ${Object.keys(routes).length} prerendered page(s); ${patched} page header(s) written`,
);
