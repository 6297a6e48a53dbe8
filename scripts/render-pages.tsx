/**
 * After `next build`: writes every card, compare and course page as a static HTML file (and its gzip)
 * into <distDir>/static-pages/, with a manifest the portal's server (and nginx) serve them from
 * (ADR 0013). The stylesheet is the one Next built, read from a page it prerendered (its not-found
 * page, which has the root layout's, i.e. the site's one stylesheet).
 *
 *   tsx scripts/render-pages.tsx
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { getAllCards, getAllCourses, getCardCourses, getCardsOfCourse, getCompetencyGroups, getSiblingLevels } from '../lib/cards';
import { buildComparison } from '../lib/compare';
import { cardPageHtml, comparePageHtml, coursePageHtml, errorPageTemplate, type PageAssets } from '../lib/pages/static';

const distDir = path.resolve(process.env.NEXT_DIST_DIR || '.next');
const out = path.join(distDir, 'static-pages');

function assets(): PageAssets {
  const prerendered = readFileSync(path.join(distDir, 'server/app/_not-found.html'), 'utf8');
  const css = [...prerendered.matchAll(/<link rel="stylesheet" href="([^"]+)"/gu)].map((m) => m[1] ?? '');
  if (css.length === 0) throw new Error(`no stylesheet found in ${distDir}/server/app/_not-found.html`);
  const script = readFileSync('public/assets/islands.js');
  const version = createHash('sha256').update(script).digest('hex').slice(0, 12);
  return { css: [...new Set(css)], script: `/assets/islands.js?v=${version}`, fonts: ['/uswds/fonts/public-sans/PublicSans-Bold.woff2'] };
}

const manifestSchema = z.object({
  pages: z.record(z.string(), z.object({ file: z.string(), etag: z.string(), bytes: z.number(), gzipBytes: z.number() })),
});

export interface StaticEntry {
  readonly file: string;
  readonly etag: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** A file replaced whole (a temporary one renamed into place): a server running meanwhile reads the old or the new one. */
function writeAtomically(file: string, data: string | Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/** The pages of the last run in this folder, to keep the files of pages that come out the same. */
function previousPages(): Record<string, StaticEntry> {
  try {
    return manifestSchema.parse(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'))).pages;
  } catch {
    return {};
  }
}

function main(): void {
  const started = performance.now();
  const pageAssets = assets();
  const previous = previousPages();
  mkdirSync(out, { recursive: true });
  const manifest: Record<string, StaticEntry> = {};
  let written = 0;
  const write = (url: string, html: string) => {
    const file = `${url.slice(1)}.html`;
    const target = path.join(out, file);
    const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
    // A page whose HTML is the same as last time (same content, same stylesheet and script) keeps
    // its files: a publish of one edited card writes its pages, not all of them (ADR 0019).
    const before = previous[url];
    if (before?.etag === etag && before.file === file && existsSync(target) && existsSync(`${target}.gz`)) {
      manifest[url] = before;
      return;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    const gz = gzipSync(html, { level: 9 });
    writeAtomically(target, html);
    writeAtomically(`${target}.gz`, gz);
    manifest[url] = { file, etag, bytes: Buffer.byteLength(html), gzipBytes: gz.length };
    written++;
  };
  for (const card of getAllCards()) write(card.url, cardPageHtml(card, getSiblingLevels(card), getCardCourses(card), pageAssets));
  for (const [key, cards] of getCompetencyGroups()) {
    const comparison = buildComparison(cards);
    if (comparison) write(`/compare/${key}`, comparePageHtml(comparison, pageAssets));
  }
  for (const course of getAllCourses()) write(`/courses/${course.slug}`, coursePageHtml(course, getCardsOfCourse(course), pageAssets));
  // Pages gone from the content (a card deleted or renamed) lose their files.
  let removed = 0;
  for (const [url, entry] of Object.entries(previous)) {
    if (manifest[url]) continue;
    rmSync(path.join(out, entry.file), { force: true });
    rmSync(path.join(out, `${entry.file}.gz`), { force: true });
    removed++;
  }
  writeAtomically(path.join(out, 'manifest.json'), JSON.stringify({ pages: manifest }));
  // The template of the page a refused form or link gets (lib/http/error-page.ts); not a page of its own.
  writeFileSync(path.join(out, 'error.html'), errorPageTemplate(pageAssets));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `pages: ${Object.keys(manifest).length} static page(s) in ${path.relative(process.cwd(), out)}/ (${written} written, ${removed} removed, the rest unchanged) in ${seconds} s`,
  );
}

main();
