/**
 * After `next build`: writes every card page and compare page as a static HTML file (and its gzip)
 * into <distDir>/static-pages/, with a manifest the portal's server (and nginx) serve them from
 * (ADR 0013). The stylesheet is the one Next built, read from a page it prerendered.
 *
 *   tsx scripts/render-pages.tsx
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { getAllCards, getCardCourses, getCompetencyGroups, getSiblingLevels } from '../lib/cards';
import { buildComparison } from '../lib/compare';
import { cardPageHtml, comparePageHtml, errorPageTemplate, type PageAssets } from '../lib/pages/static';

const distDir = path.resolve(process.env.NEXT_DIST_DIR || '.next');
const out = path.join(distDir, 'static-pages');

function assets(): PageAssets {
  const prerendered = readFileSync(path.join(distDir, 'server/app/cards.html'), 'utf8');
  const css = [...prerendered.matchAll(/<link rel="stylesheet" href="([^"]+)"/gu)].map((m) => m[1] ?? '');
  if (css.length === 0) throw new Error(`no stylesheet found in ${distDir}/server/app/cards.html`);
  const script = readFileSync('public/assets/islands.js');
  const version = createHash('sha256').update(script).digest('hex').slice(0, 12);
  return { css: [...new Set(css)], script: `/assets/islands.js?v=${version}`, fonts: ['/uswds/fonts/public-sans/PublicSans-Bold.woff2'] };
}

export interface StaticEntry {
  readonly file: string;
  readonly etag: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

function main(): void {
  const started = performance.now();
  const pageAssets = assets();
  rmSync(out, { recursive: true, force: true });
  const manifest: Record<string, StaticEntry> = {};
  const write = (url: string, html: string) => {
    const file = `${url.slice(1)}.html`;
    const target = path.join(out, file);
    mkdirSync(path.dirname(target), { recursive: true });
    const gz = gzipSync(html, { level: 9 });
    writeFileSync(target, html);
    writeFileSync(`${target}.gz`, gz);
    manifest[url] = {
      file,
      etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`,
      bytes: Buffer.byteLength(html),
      gzipBytes: gz.length,
    };
  };
  for (const card of getAllCards()) write(card.url, cardPageHtml(card, getSiblingLevels(card), getCardCourses(card), pageAssets));
  for (const [key, cards] of getCompetencyGroups()) {
    const comparison = buildComparison(cards);
    if (comparison) write(`/compare/${key}`, comparePageHtml(comparison, pageAssets));
  }
  writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({ pages: manifest }));
  // The template of the page a refused form or link gets (lib/http/error-page.ts); not a page of its own.
  writeFileSync(path.join(out, 'error.html'), errorPageTemplate(pageAssets));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`pages: ${Object.keys(manifest).length} static page(s) written to ${path.relative(process.cwd(), out)}/ in ${seconds} s`);
}

main();
