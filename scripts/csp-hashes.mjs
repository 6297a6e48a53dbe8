// After `next build`: the SHA-256 of every inline <script> of every prerendered page, by path,
// so that proxy.ts can give static pages a hash-based Content-Security-Policy (a nonce cannot be
// put into HTML that was written at build time). Writes .next/csp-hashes.json.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const appDir = path.resolve('.next/server/app');
const routes = {};
let scripts = 0;

function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.html')) {
      const html = readFileSync(full, 'utf8');
      const hashes = new Set();
      for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/giu)) {
        hashes.add(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
      }
      let route = `/${path.relative(appDir, full).replace(/\.html$/u, '').split(path.sep).join('/')}`;
      if (route === '/index') route = '/';
      routes[route] = [...hashes];
      scripts += hashes.size;
    }
  }
}

walk(appDir);
writeFileSync(path.resolve('.next/csp-hashes.json'), JSON.stringify(routes));
console.log(`csp: hashed ${scripts} inline script(s) of ${Object.keys(routes).length} prerendered page(s)`);
