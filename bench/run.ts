/**
 * npm run bench — every figure next to a baseline measured in the same run. Writes
 * bench/results.json, bench/results.md (both ignored by git) and bench/results-table.md (the
 * "README table": every target of issue "Fast under load", met or missed). Sizes: BENCH_SIZES
 * (default "100,1000,10000"); PostgreSQL for the bookmark load: BENCH_DATABASE_URL or
 * TEST_DATABASE_URL; BENCH_CATALOGUE=1 also builds the real catalogue (content/); BENCH_PUBLISH=all
 * also times publishing one edited card at the largest size (the catalogue's size always).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { launch } from 'chrome-launcher';
import { baselineTarget, openLoop, portalTarget, saturation, type LoadFigures, type Target } from './bookmarks';
import { benchDashboard } from './dashboard';
import { benchExport } from './export';
import { buildReference, startReference, type Reference } from './next-reference';
import { cleanBuild, firstLoadJs, gz, kb, projectCopy, root, startNext, startPortal, timed } from './lib';
import { staticServer } from './static-server';
import { soak, soakLines } from './soak';
import { benchStaticTier, staticTierLines, type StaticTierFigures } from './static-tier';

const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
// Load durations. Serving figures (req/s, p99 of 50 connections) settle within a few seconds; the
// open loop keeps 10 s so that its p99 stands on 1,000 requests.
const SERVE_SECONDS = 5;
const OPEN_LOOP_SECONDS = 10;
const SATURATION_SECONDS = 5;
const shared = path.resolve(root, '../shared/bench');
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, sizes };
const md: string[] = [`# Benchmark results (${new Date().toISOString().slice(0, 16)}Z, ${process.version})`, ''];
const log = (line: string) => {
  console.log(line);
  md.push(line);
};
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
// Wall seconds of each part of the run (results.json), to keep the whole run within its budget.
const started = performance.now();
const sections: Record<string, number> = {};
let sectionStart = started;
const endSection = (name: string) => {
  const now = performance.now();
  sections[name] = +((now - sectionStart) / 1000).toFixed(1);
  sectionStart = now;
  console.log(`bench: ${name} took ${sections[name]} s`);
};

/** Every server this run starts, so that a failure stops them too (a live child keeps the run from exiting). */
const children = new Set<ChildProcess>();
function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Stops a server and waits until it has exited (and so freed its port). */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await exited;
}

interface Serve {
  readonly reqPerSec: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

/** What every browser sends: pages are measured as people receive them, compressed where the server can. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

async function load(url: string, duration = SERVE_SECONDS, headers: Record<string, string> = BROWSER_HEADERS): Promise<Serve> {
  const r = await autocannon({ url, connections: 50, duration, headers });
  return { reqPerSec: Math.round(r.requests.average), p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

/** Jekyll (CFO.gov's engine) from Debian's packages, installed here if missing and we may. */
function ensureJekyll(): boolean {
  if (spawnSync('which', ['jekyll']).status === 0) return true;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = (args: string[]) =>
    spawnSync(root ? 'apt-get' : 'sudo', root ? args : ['-n', 'apt-get', ...args], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  console.log('bench: installing Debian jekyll for the baseline…');
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', 'jekyll']);
  return spawnSync('which', ['jekyll']).status === 0;
}

interface JekyllFigures {
  readonly cards: number;
  readonly pages: number;
  readonly seconds: number;
  readonly peakMb: number;
}

/**
 * ../shared/bench/jekyll-baseline/run N: Jekyll building N real-shaped cards. It prints one line,
 * "jekyll N cards (P pages): S s, S/1000 s/1000 cards, peak RSS M MB", read here into numbers.
 */
function jekyll(n: number, available: boolean): JekyllFigures | string {
  const script = path.join(shared, 'jekyll-baseline/run');
  if (!existsSync(script)) return 'skipped: ../shared/bench is absent';
  if (!available) return 'skipped: Debian jekyll is not installed and could not be installed (apt-get install jekyll)';
  const work = path.join(root, '.generated', 'bench', 'jekyll');
  const run = spawnSync('bash', [script, String(n), work], { encoding: 'utf8', timeout: 900_000 });
  rmSync(work, { recursive: true, force: true });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  const m = /^jekyll (\d+) cards \((\d+) pages\): ([\d.]+) s, [\d.]+ s\/1000 cards, peak RSS (\d+) MB$/u.exec(line);
  if (run.status !== 0 || !m) return `failed: ${(run.stdout + run.stderr).trim().split('\n').slice(-2).join(' ')}`;
  return { cards: Number(m[1]), pages: Number(m[2]), seconds: Number(m[3]), peakMb: Number(m[4]) };
}

interface Build {
  readonly seconds: number;
  readonly perThousand: number;
  readonly peakMb: number | null;
  readonly dir: string;
  readonly jekyll: JekyllFigures | string;
}

interface WriteFigures {
  readonly portal: { readonly openLoop: LoadFigures; readonly saturation: LoadFigures };
  baseline?: { readonly openLoop: LoadFigures; readonly saturation: LoadFigures };
}

interface LighthouseFigures {
  readonly scores: Record<string, number>;
  readonly lcpMs: number;
  readonly tbtMs: number;
}

async function main() {
  // 0. Export: 500 cards (the most one export holds) to PDF and CSV, each in a fresh process.
  log('## Export, 500 generated cards (each format in its own process)');
  log('| format | seconds | output | peak RSS MB | RSS added MB | baseline: JSON.stringify of the same cards |');
  log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const exported = benchExport();
  for (const [format, f] of Object.entries(exported)) {
    log(
      `| ${format.toUpperCase()} | ${(f.ms / 1000).toFixed(2)} | ${kb(f.bytes)} | ${f.peakMb} | ${f.addedMb} | ${f.jsonBaselineMs} ms (export / baseline ${(f.ms / f.jsonBaselineMs).toFixed(0)}×) |`,
    );
  }
  results.export = exported;
  log('');

  endSection('export');

  // 1. Build time and peak memory per size, each from clean (no cache of an earlier run), each
  // next to Jekyll building the same number of cards right after it.
  const hasJekyll = ensureJekyll();
  log('## Build from clean (`npm run build`: content, Next, static pages), synthetic cards; Jekyll builds as many cards right after');
  log('| cards | portal s | s per 1,000 cards | portal peak RSS MB | Jekyll s | Jekyll peak RSS MB | portal / Jekyll, time |');
  log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const builds: Record<number, Build> = {};
  for (const n of sizes) {
    const dir = projectCopy(`build-${n}`);
    rmSync(path.join(dir, 'content'), { recursive: true, force: true });
    timed('npx', ['tsx', 'scripts/content.ts', 'generate', '--count', String(n), '--to', 'content/cards', '--seed', '1'], dir);
    cleanBuild(dir);
    const t = timed('npm', ['run', 'build'], dir, { NEXT_TELEMETRY_DISABLED: '1' });
    const j = jekyll(n, hasJekyll);
    builds[n] = { seconds: +t.seconds.toFixed(1), perThousand: +((t.seconds / n) * 1000).toFixed(1), peakMb: t.peakMb, dir, jekyll: j };
    log(
      `| ${n} | ${t.seconds.toFixed(1)} | ${((t.seconds / n) * 1000).toFixed(1)} | ${t.peakMb ?? '?'} | ${typeof j === 'string' ? j : `${j.seconds} | ${j.peakMb} | ${ratio(t.seconds, j.seconds)}`} |`,
    );
  }
  results.build = Object.fromEntries(Object.entries(builds).map(([n, { dir: _dir, ...b }]) => [n, b]));
  // The real catalogue (content/ as committed), on request: its 532 cards fall between 100 and 1,000.
  if (process.env.BENCH_CATALOGUE === '1') {
    const dir = projectCopy('build-catalogue');
    rmSync(path.join(dir, 'content'), { recursive: true, force: true });
    cpSync(path.join(root, 'content'), path.join(dir, 'content'), { recursive: true });
    cleanBuild(dir);
    const count = readdirSync(path.join(dir, 'content/cards')).filter((f) => f.endsWith('.md')).length;
    const t = timed('npm', ['run', 'build'], dir, { NEXT_TELEMETRY_DISABLED: '1' });
    results.buildCatalogue = { cards: count, seconds: +t.seconds.toFixed(1), peakMb: t.peakMb };
    log(`| catalogue (${count}) | ${t.seconds.toFixed(1)} | ${((t.seconds / count) * 1000).toFixed(1)} | ${t.peakMb ?? '?'} | | | |`);
  }
  const baselineN = sizes.includes(1000) ? 1000 : (sizes[0] ?? 100);
  const reference = buildReference(baselineN);
  results.nextReference = reference;
  if (typeof reference === 'string') log(`\nMinimal Next site: ${reference}`);
  else {
    const ours = builds[baselineN];
    log(
      `\nMinimal Next site (../shared/bench/next-reference), ${baselineN} cards, same run: ${reference.seconds} s, peak RSS ${reference.peakMb ?? '?'} MB${ours ? `; portal / minimal Next: ${ratio(ours.seconds, reference.seconds)} the time (target at 1,000: ≤ 1.5×), ${ours.peakMb && reference.peakMb ? ratio(ours.peakMb, reference.peakMb) : '?'} the peak RSS` : ''}.`,
    );
  }

  endSection('build');

  // 2. Serving: a card page and /cards against the same HTML from a static file server.
  const largest = Math.max(...sizes);
  const dir = builds[largest]?.dir ?? projectCopy(`build-${largest}`);
  const port = 38300;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fm-bench-db-'));
  let server: ChildProcess = track(await startPortal(dir, port, { PGLITE_DIR: path.join(dataDir, 'pglite') }));
  const base = `http://127.0.0.1:${port}`;
  // Card pages are files of the static pages tier (ADR 0013): take one from its manifest.
  const manifest = JSON.parse(readFileSync(path.join(dir, '.next/static-pages/manifest.json'), 'utf8')) as { pages: Record<string, { file: string }> };
  const card = Object.keys(manifest.pages).find((p) => p.startsWith('/cards/')) ?? '/cards/510-Customer-Service-Mid';
  const cardHtml = path.join(dir, '.next/static-pages', manifest.pages[card]?.file ?? `${card.slice(1)}.html`);
  const dashboardHtml = path.join(dataDir, 'cards.html');
  writeFileSync(dashboardHtml, await (await fetch(`${base}/cards`)).text());
  log(`\n## Serving, ${largest} cards (autocannon, 50 connections, ${SERVE_SECONDS} s, Accept-Encoding: gzip as browsers send it)`);
  log('| page | portal req/s | portal p99 ms | static server req/s | static p99 ms | portal / static |');
  log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const statics = await staticServer({ [card]: cardHtml, '/cards': dashboardHtml }, port + 1);
  const serving: Record<string, { portal: Serve; staticServer: Serve; ratio: number }> = {};
  for (const page of [card, '/cards']) {
    const portal = await load(base + page);
    const baseline = await load(`http://127.0.0.1:${port + 1}${page}`);
    serving[page] = { portal, staticServer: baseline, ratio: +(portal.reqPerSec / baseline.reqPerSec).toFixed(3) };
    log(
      `| ${page === '/cards' ? '/cards' : 'card page'} | ${portal.reqPerSec} | ${portal.p99Ms} | ${baseline.reqPerSec} | ${baseline.p99Ms} | ${(portal.reqPerSec / baseline.reqPerSec).toFixed(2)} |`,
    );
  }
  statics.close();
  // The minimal Next site's card page under the same load: the framework's own ceiling. Its server
  // stays up for Lighthouse (step 5).
  let referenceServer: ChildProcess | null = null;
  const referenceBase = `http://127.0.0.1:${port + 3}`;
  let referenceServe: Serve | null = null;
  if (typeof reference !== 'string') {
    referenceServer = track(await startReference(reference, port + 3));
    const floor = await load(referenceBase + reference.cardPath);
    referenceServe = floor;
    // Its HTML from the same static server: on 2 cores bytes cost requests, so each site is also
    // compared with a static server holding its own HTML.
    const referenceStatic = await staticServer({ '/ref': path.join(reference.dir, `.next/server/app${reference.cardPath}.html`) }, port + 4);
    const floorStatic = await load(`http://127.0.0.1:${port + 4}/ref`);
    referenceStatic.close();
    const ours = serving[card]!;
    const floorRatio = floor.reqPerSec / floorStatic.reqPerSec;
    results.servingReference = {
      ...floor,
      staticServer: floorStatic,
      ratio: +floorRatio.toFixed(3),
      portalRatio: +(ours.portal.reqPerSec / floor.reqPerSec).toFixed(3),
    };
    log(`| minimal Next card page | ${floor.reqPerSec} | ${floor.p99Ms} | ${floorStatic.reqPerSec} | ${floorStatic.p99Ms} | ${floorRatio.toFixed(2)} |`);
    log(
      `\nPortal card page / minimal Next's: ${(ours.portal.reqPerSec / floor.reqPerSec).toFixed(2)} in req/s; each against a static server holding its own HTML: portal ${ours.ratio.toFixed(3)}, minimal Next ${floorRatio.toFixed(3)}.`,
    );
  }
  results.serving = serving;

  endSection('serving');

  // 2b. The production shape (ADR 0023): the card page through nginx in front of two instances on
  // PostgreSQL, next to nginx serving the same file directly and one instance alone.
  const staticTier = await benchStaticTier({ dir, port: port + 20, seconds: SERVE_SECONDS }).catch(
    (error: unknown) => `not measured: ${String(error).slice(0, 300)}`,
  );
  for (const line of staticTierLines(staticTier, SERVE_SECONDS)) log(line);
  results.staticTier = staticTier;

  endSection('static tier');

  // 2c. With BENCH_SOAK=1: 50 signed-in people for 5 minutes on the same shape (issue #17 item 5).
  if (process.env.BENCH_SOAK === '1') {
    const soaked = await soak({ dir, port: port + 30, seconds: Number(process.env.SOAK_SECONDS ?? 300) }).catch(
      (error: unknown) => `not measured: ${String(error).slice(0, 300)}`,
    );
    for (const line of soakLines(soaked)) log(line);
    results.soak = soaked;
    endSection('soak');
  }

  // 3. Weight (gzip) of a card page and the dashboard.
  log('\n## Weight (gzip)');
  log('| page | HTML | CSS | JS (first load) |');
  log('| --- | ---: | ---: | ---: |');
  const weight: Record<string, { html: number; css?: number; js: number }> = {};
  for (const page of [card, '/cards']) {
    const html = await (await fetch(base + page)).text();
    const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/gu)].map((m) => m[1] ?? '');
    let cssBytes = 0;
    for (const href of new Set(css)) cssBytes += gz(Buffer.from(await (await fetch(base + href)).arrayBuffer()));
    const js = await firstLoadJs(base, html);
    weight[page] = { html: gz(html), css: cssBytes, js: js.bytes };
    log(`| ${page === '/cards' ? '/cards' : 'card page'} | ${kb(gz(html))} | ${kb(cssBytes)} | ${kb(js.bytes)} |`);
  }
  if (typeof reference !== 'string') {
    const html = await (await fetch(referenceBase + reference.cardPath)).text();
    const js = await firstLoadJs(referenceBase, html);
    const ours = weight[card]!;
    weight.nextReference = { html: gz(html), js: js.bytes };
    log(`| minimal Next card page | ${kb(gz(html))} | | ${kb(js.bytes)} |`);
    log(
      `\nCard page total (HTML + CSS + JS) / minimal Next's: ${((ours.html + (ours.css ?? 0) + ours.js) / (gz(html) + js.bytes)).toFixed(2)}; JS alone ${(ours.js / js.bytes).toFixed(2)}.`,
    );
  }
  results.weight = weight;

  endSection('weight');

  // 4. Bookmark toggles, 50 signed-in people: open loop at 100/s and saturation, on PGlite then
  // PostgreSQL, each next to a minimal Next route handler doing the same one-row write (bench/write-baseline).
  log(`\n## Bookmark toggles (50 signed-in people; open loop 100/s for ${OPEN_LOOP_SECONDS} s, then saturation for ${SATURATION_SECONDS} s)`);
  log('| database | server | open loop p50 / p99 ms | saturation req/s | saturation p50 / p99 ms | p99 / p50 | errors |');
  log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  const toggles: Record<string, WriteFigures> = {};
  const baselineDir = path.join(root, 'bench/write-baseline');
  const baselineBuilt = buildWriteBaseline(baselineDir);
  const measureWrites = async (database: string, portalEnv: Record<string, string>) => {
    const portal = await portalTarget(base, card);
    await warmUp(portal);
    const open = await openLoop(portal, 100, OPEN_LOOP_SECONDS);
    const sat = await saturation(portal, SATURATION_SECONDS);
    const row: WriteFigures = { portal: { openLoop: open, saturation: sat } };
    log(
      `| ${database} | portal | ${open.p50} / ${open.p99} | ${sat.perSecond} | ${sat.p50} / ${sat.p99} | ${(sat.p99 / Math.max(sat.p50, 1)).toFixed(1)} | ${open.errors + sat.errors} |`,
    );
    if (baselineBuilt) {
      const writer = track(await startNext(baselineDir, port + 5, portalEnv, '/api/write'));
      try {
        const target = baselineTarget(`http://127.0.0.1:${port + 5}`);
        await warmUp(target);
        const bOpen = await openLoop(target, 100, OPEN_LOOP_SECONDS);
        const bSat = await saturation(target, SATURATION_SECONDS);
        row.baseline = { openLoop: bOpen, saturation: bSat };
        log(
          `| ${database} | minimal Next write | ${bOpen.p50} / ${bOpen.p99} | ${bSat.perSecond} | ${bSat.p50} / ${bSat.p99} | ${(bSat.p99 / Math.max(bSat.p50, 1)).toFixed(1)} | ${bOpen.errors + bSat.errors} |`,
        );
        log(`| ${database} | portal / baseline throughput | | ${(sat.perSecond / bSat.perSecond).toFixed(2)} (target ≥ 0.5) | | | |`);
      } finally {
        await stop(writer);
      }
    }
    toggles[database] = row;
  };
  await measureWrites('PGlite', { PGLITE_DIR: path.join(dataDir, 'write-baseline') });
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    await stop(server);
    server = track(await startPortal(dir, port, { DATABASE_URL: pgUrl }));
    await measureWrites('PostgreSQL', { DATABASE_URL: pgUrl });
  } else {
    log('| PostgreSQL | skipped: set BENCH_DATABASE_URL | | | | | |');
  }
  results.bookmarks = toggles;

  endSection('bookmarks');

  // 5. Lighthouse in Debian's Chromium: the desktop preset on a card page, the dashboard and the
  // plan page; lighthouse's default mobile emulation (simulated slow 4G, 4× CPU slowdown) on a
  // card page, the dashboard and the minimal Next site's card page.
  log('\n## Lighthouse (Debian Chromium; mobile = lighthouse’s default: simulated slow 4G, 4× CPU slowdown)');
  log('| page | preset | performance | accessibility | best practices | SEO | LCP ms | TBT ms |');
  log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const cookie = (await signInCookies(base, 1))[0] ?? '';
  const lighthouse: Record<string, LighthouseFigures | null> = {};
  const pages: [string, string, 'desktop' | 'mobile', Record<string, string>][] = [
    ['card page', base + card, 'desktop', {}],
    ['/cards', `${base}/cards`, 'desktop', {}],
    ['/plan', `${base}/plan`, 'desktop', { Cookie: cookie }],
    ['card page', base + card, 'mobile', {}],
    ['/cards', `${base}/cards`, 'mobile', {}],
  ];
  if (typeof reference !== 'string' && referenceServer) pages.push(['minimal Next card page', referenceBase + reference.cardPath, 'mobile', {}]);
  const measured = await runLighthouse(pages.map(([, url, preset, headers]) => [url, headers, preset] as const));
  pages.forEach(([label, , preset], i) => {
    const figures = measured[i] ?? null;
    lighthouse[`${label} (${preset})`] = figures;
    log(
      `| ${label} | ${preset} | ${figures ? `${figures.scores.performance} | ${figures.scores.accessibility} | ${figures.scores['best-practices']} | ${figures.scores.seo} | ${Math.round(figures.lcpMs)} | ${Math.round(figures.tbtMs)}` : 'failed | | | | |'} |`,
    );
  });
  results.lighthouse = lighthouse;
  if (referenceServer) await stop(referenceServer);
  await stop(server);

  endSection('lighthouse');

  // 6. Client: the dashboard's in-browser filter update, at the largest size.
  log('\n## Dashboard filter update in Chromium');
  const client = await benchDashboard({ count: largest, port: port + 2, reuseBuild: dir });
  results.client = client;
  log(
    `At ${largest} cards: median ${client.clientFilterUpdateMs.median.toFixed(1)} ms, p95 ${client.clientFilterUpdateMs.p95.toFixed(1)} ms (target ≤ 16 ms median); server render of a filtered /cards median ${client.serverFilteredRenderMs.median.toFixed(1)} ms.`,
  );

  endSection('dashboard');

  // 7. Publishing one edited card (issue "Edit a card, see it"): a build that keeps Turbopack's
  // cache (BUILD_CACHE=1, as a publishing machine would), one card's description changed, then the
  // build again and the portal started until the card page serves the new text; next to a cold
  // build of the same cards. At the catalogue's size (content/) and at the largest size.
  log('\n## Publishing one edited card (`BUILD_CACHE=1 npm run build` after one edit, then `npm start` until the page has it; ADR 0019)');
  log('| cards | cold build s | first build keeping the cache s | build after the edit s | next build skipped? | edit → serving s | edit → serving / cold |');
  log('| ---: | ---: | ---: | ---: | --- | ---: | ---: |');
  const publishing: Record<string, Publish> = {};
  const catalogueDir = projectCopy('publish-catalogue');
  rmSync(path.join(catalogueDir, 'content'), { recursive: true, force: true });
  cpSync(path.join(root, 'content'), path.join(catalogueDir, 'content'), { recursive: true });
  cleanBuild(catalogueDir);
  const catalogueCold = timed('npm', ['run', 'build'], catalogueDir, { NEXT_TELEMETRY_DISABLED: '1' }).seconds;
  // The largest size adds about 100 s: on request (BENCH_PUBLISH=all), to keep the run within 10 minutes.
  const publishRuns: (readonly [string, string, number])[] = [['catalogue', catalogueDir, catalogueCold]];
  if (process.env.BENCH_PUBLISH === 'all') publishRuns.push([String(largest), dir, builds[largest]?.seconds ?? Number.NaN]);
  for (const [label, pubDir, cold] of publishRuns) {
    const figures = await publishOne(pubDir, cold, port + 6);
    publishing[label] = figures;
    const cards = readdirSync(path.join(pubDir, 'content/cards')).filter((f) => f.endsWith('.md')).length;
    log(
      `| ${label === 'catalogue' ? `catalogue (${cards})` : cards} | ${cold.toFixed(1)} | ${figures.primedSeconds} | ${figures.buildSeconds} | ${figures.contentOnly ? 'yes' : 'no'} | ${figures.editSeconds} | ${ratio(figures.editSeconds, cold)} |`,
    );
  }
  results.publish = publishing;

  endSection('publish');

  // 8. The README table: every target of the issue, with its figure and baseline from this run.
  const table = readmeTable({
    builds,
    reference,
    referenceCards: baselineN,
    largest,
    card: serving[card]!,
    dashboard: serving['/cards']!,
    referenceServe,
    weight: weight[card]!,
    referenceWeight: weight.nextReference ?? null,
    toggles,
    lighthouse,
    filterMedian: client.clientFilterUpdateMs.median,
    publish: publishing,
    staticTier,
  });
  results.sectionSeconds = sections;
  results.totalSeconds = +((performance.now() - started) / 1000).toFixed(1);
  log(
    `\nWhole run: ${results.totalSeconds} s (${Object.entries(sections)
      .map(([k, v]) => `${k} ${v} s`)
      .join(', ')}).`,
  );
  log('\n## README table');
  log('');
  for (const line of table) log(line);
  results.readmeTable = table;
  writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(root, 'bench/results.md'), `${md.join('\n')}\n`);
  writeFileSync(
    path.join(root, 'bench/results-table.md'),
    `<!-- npm run bench, ${new Date().toISOString().slice(0, 16)}Z, ${process.version}, sizes ${sizes.join(', ')} -->\n${table.join('\n')}\n`,
  );
  console.log('\nwrote bench/results.json, bench/results.md and bench/results-table.md');
}

interface TableInput {
  readonly builds: Record<number, Build>;
  readonly reference: Reference | string;
  /** How many cards the minimal Next site was built with. */
  readonly referenceCards: number;
  readonly largest: number;
  readonly card: { portal: Serve };
  readonly dashboard: { portal: Serve; staticServer: Serve };
  readonly referenceServe: Serve | null;
  readonly weight: { html: number };
  readonly referenceWeight: { html: number } | null;
  readonly toggles: Record<string, WriteFigures>;
  readonly lighthouse: Record<string, LighthouseFigures | null>;
  readonly filterMedian: number;
  readonly publish: Record<string, Publish>;
  readonly staticTier: StaticTierFigures | string;
}

/** One markdown table: what | portal | baseline, same run | ratio | target | met? — a missed target says "misses". */
function readmeTable(t: TableInput): string[] {
  const rows: string[][] = [];
  const met = (ok: boolean) => (ok ? 'yes' : 'misses');
  /** cells: portal, baseline, ratio, met?; null when the figure was not measured (`why`). */
  const add = (what: string, target: string, cells: [string, string, string, string] | null, why = '') =>
    rows.push(cells ? [what, cells[0], cells[1], cells[2], target, cells[3]] : [what, 'not measured', '', '', target, `not measured${why ? `: ${why}` : ''}`]);
  const ms = (n: number) => `${Math.round(n)} ms`;

  for (const database of ['PGlite', 'PostgreSQL']) {
    const w = t.toggles[database];
    const why = database === 'PostgreSQL' ? 'set BENCH_DATABASE_URL' : '';
    const b = w?.baseline;
    add(
      `bookmark toggle, open loop 100/s, p99 (${database})`,
      '≤ 50 ms',
      w
        ? [
            ms(w.portal.openLoop.p99),
            b ? `minimal Next write ${ms(b.openLoop.p99)}` : '',
            b ? ratio(w.portal.openLoop.p99, b.openLoop.p99) : '',
            met(w.portal.openLoop.p99 <= 50),
          ]
        : null,
      why,
    );
    const p = w?.portal.saturation;
    add(
      `bookmark toggle at saturation, p99 / p50 (${database})`,
      '≤ 5×',
      p
        ? [
            `p50 ${ms(p.p50)}, p99 ${ms(p.p99)}: ${ratio(p.p99, Math.max(p.p50, 1))}`,
            b ? `minimal Next write ${ratio(b.saturation.p99, Math.max(b.saturation.p50, 1))}` : '',
            '',
            met(p.p99 <= 5 * Math.max(p.p50, 1)),
          ]
        : null,
      why,
    );
    add(
      `bookmark toggle at saturation, throughput (${database})`,
      '≥ 0.5× minimal Next write',
      p && b
        ? [
            `${p.perSecond}/s`,
            `minimal Next write ${b.saturation.perSecond}/s`,
            ratio(p.perSecond, b.saturation.perSecond),
            met(p.perSecond >= 0.5 * b.saturation.perSecond),
          ]
        : null,
      why || 'the write baseline did not run',
    );
  }
  const d = t.dashboard.portal;
  const c = t.card.portal;
  add(`/cards req/s at ${t.largest} cards`, '≥ 0.5× card page', [
    `${d.reqPerSec}/s`,
    `card page ${c.reqPerSec}/s`,
    ratio(d.reqPerSec, c.reqPerSec),
    met(d.reqPerSec >= 0.5 * c.reqPerSec),
  ]);
  add(`/cards p99 at ${t.largest} cards`, '≤ 100 ms', [ms(d.p99Ms), `static server, same HTML ${ms(t.dashboard.staticServer.p99Ms)}`, '', met(d.p99Ms <= 100)]);
  add(`dashboard filter update in the browser, median, ${t.largest} cards`, '≤ 16 ms', [`${t.filterMedian.toFixed(1)} ms`, '', '', met(t.filterMedian <= 16)]);
  for (const [label, pub] of Object.entries(t.publish)) {
    const catalogue = label === 'catalogue';
    add(`one edited card to a production build serving it, ${catalogue ? 'catalogue' : `${label} cards`}`, catalogue ? '≤ 0.5× cold build' : 'reported', [
      `${pub.editSeconds} s`,
      `cold build ${pub.coldSeconds} s`,
      ratio(pub.editSeconds, pub.coldSeconds),
      catalogue ? met(pub.editSeconds <= 0.5 * pub.coldSeconds) : 'reported',
    ]);
  }

  const b10k = t.builds[10000];
  add(
    'build, 10,000 cards',
    '≤ 1.0× Jekyll',
    b10k && typeof b10k.jekyll !== 'string'
      ? [`${b10k.seconds} s`, `Jekyll ${b10k.jekyll.seconds} s`, ratio(b10k.seconds, b10k.jekyll.seconds), met(b10k.seconds <= b10k.jekyll.seconds)]
      : null,
    b10k ? (typeof b10k.jekyll === 'string' ? b10k.jekyll : '') : 'not in BENCH_SIZES',
  );
  const b1k = t.builds[1000];
  const ref = typeof t.reference === 'string' ? null : t.reference;
  add(
    'build, 1,000 cards',
    '≤ 1.5× minimal Next',
    b1k && ref ? [`${b1k.seconds} s`, `minimal Next ${ref.seconds} s`, ratio(b1k.seconds, ref.seconds), met(b1k.seconds <= 1.5 * ref.seconds)] : null,
    b1k ? (typeof t.reference === 'string' ? t.reference : '') : 'not in BENCH_SIZES',
  );
  for (const [n, b] of Object.entries(t.builds)) {
    const j = typeof b.jekyll === 'string' ? null : b.jekyll;
    const baseline = [j ? `Jekyll ${j.peakMb} MB` : '', ref && Number(n) === t.referenceCards ? `minimal Next ${ref.peakMb ?? '?'} MB` : '']
      .filter(Boolean)
      .join('; ');
    add(`build peak RSS, ${Number(n).toLocaleString('en-US')} cards`, 'reported at every size', [
      b.peakMb === null ? '?' : `${b.peakMb} MB`,
      baseline,
      j && b.peakMb !== null ? `${ratio(b.peakMb, j.peakMb)} Jekyll` : '',
      b.peakMb === null ? 'misses' : 'yes',
    ]);
  }
  add(
    `card page req/s, ${t.largest} cards`,
    '≥ 1.0× minimal Next',
    t.referenceServe
      ? [
          `${c.reqPerSec}/s`,
          `minimal Next card page ${t.referenceServe.reqPerSec}/s`,
          ratio(c.reqPerSec, t.referenceServe.reqPerSec),
          met(c.reqPerSec >= t.referenceServe.reqPerSec),
        ]
      : null,
    typeof t.reference === 'string' ? t.reference : '',
  );
  const tier = t.staticTier;
  add(
    'card page req/s through nginx + 2 instances (prod:local)',
    '≥ 0.5× nginx serving the same file',
    typeof tier === 'string'
      ? null
      : [
          `${tier.staticTier.reqPerSec}/s`,
          `nginx direct ${tier.nginxDirect.reqPerSec}/s; one instance alone ${tier.instanceAlone.reqPerSec}/s`,
          `${tier.ratio.toFixed(2)}×`,
          met(tier.ratio >= 0.5),
        ],
    typeof tier === 'string' ? tier.replace(/^not measured: /u, '') : '',
  );
  add('card page HTML, gzip', '≤ 15 KB', [
    kb(t.weight.html),
    t.referenceWeight ? `minimal Next ${kb(t.referenceWeight.html)}` : '',
    t.referenceWeight ? ratio(t.weight.html, t.referenceWeight.html) : '',
    met(t.weight.html <= 15 * 1024),
  ]);
  const lcp = t.lighthouse['card page (mobile)'];
  const refLcp = t.lighthouse['minimal Next card page (mobile)'];
  add(
    'card page LCP, Lighthouse mobile',
    '≤ 2.5 s and ≤ 1.5× minimal Next',
    lcp
      ? [
          ms(lcp.lcpMs),
          refLcp ? `minimal Next card page ${ms(refLcp.lcpMs)}` : 'minimal Next: not measured',
          refLcp ? ratio(lcp.lcpMs, refLcp.lcpMs) : '',
          lcp.lcpMs > 2500 || (refLcp && lcp.lcpMs > 1.5 * refLcp.lcpMs) ? 'misses' : refLcp ? 'yes' : '≤ 2.5 s; ratio not measured',
        ]
      : null,
    'Lighthouse failed',
  );
  const tbt = t.lighthouse['/cards (mobile)'];
  add(
    '/cards total blocking time, Lighthouse mobile',
    '≤ 200 ms',
    tbt ? [ms(tbt.tbtMs), refLcp ? `minimal Next card page ${ms(refLcp.tbtMs)}` : '', '', met(tbt.tbtMs <= 200)] : null,
    'Lighthouse failed',
  );
  return [
    '| what | portal | baseline, same run | ratio | target | met? |',
    '| --- | ---: | --- | ---: | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

/**
 * Builds the write baseline (its build time is not a figure), unless its build is newer than its
 * sources and Next itself: a second run of the bench saves the 15 s.
 */
function buildWriteBaseline(dir: string): boolean {
  const mtime = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : Number.POSITIVE_INFINITY);
  const built = mtime(path.join(dir, '.next/BUILD_ID'));
  const sources = ['app/api/write/route.ts', 'next.config.mjs', 'package.json', 'tsconfig.json'].map((f) => path.join(dir, f));
  sources.push(path.join(root, 'node_modules/next/package.json'));
  if (Number.isFinite(built) && sources.every((f) => mtime(f) < built)) return true;
  timed(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], dir, { NEXT_TELEMETRY_DISABLED: '1' });
  return true;
}

interface Publish {
  readonly primedSeconds: number;
  /** The build after the edit. */
  readonly buildSeconds: number;
  /** True when that build skipped `next build` (nothing it compiles changed, ADR 0019). */
  readonly contentOnly: boolean;
  /** From the edit to the card page serving it: the build, then the server's start. */
  readonly editSeconds: number;
  readonly coldSeconds: number;
}

/**
 * One publish: a build keeping the cache, one card edited, the build again and the portal started
 * until its card page serves the edit (asked every 100 ms; the page needs no database, so the
 * database's opening is not waited for).
 */
async function publishOne(dir: string, coldSeconds: number, port: number): Promise<Publish> {
  cleanBuild(dir);
  const env = { NEXT_TELEMETRY_DISABLED: '1', BUILD_CACHE: '1' };
  const primed = timed('npm', ['run', 'build'], dir, env).seconds;
  const file = readdirSync(path.join(dir, 'content/cards')).find((f) => f.endsWith('.md'))!;
  const full = path.join(dir, 'content/cards', file);
  const marker = `Edited for publishing ${Date.now()}.`;
  const text = readFileSync(full, 'utf8');
  const edited = text.replace(/^competency_description: .*$/mu, `competency_description: ${marker}`);
  if (edited === text) throw new Error(`publish: no competency_description in ${file}`);
  const permalink = /^permalink: *(\S+)/mu.exec(edited)?.[1] ?? '';
  const started = performance.now();
  writeFileSync(full, edited);
  const run = spawnSync('npm', ['run', 'build'], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`publish: npm run build failed:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
  const buildSeconds = (performance.now() - started) / 1000;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fm-bench-publish-'));
  const portal = spawn(process.execPath, [path.join(dir, 'dist/server.mjs')], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', HOST: '127.0.0.1', PORT: String(port), LOG_REQUESTS: '0', PGLITE_DIR: dataDir },
    stdio: 'ignore',
  });
  try {
    const url = `http://127.0.0.1:${port}${permalink.replace('/cardsNew/', '/cards/')}`;
    for (let tries = 0; ; tries++) {
      const page = await fetch(url).then(
        (r) => (r.ok ? r.text() : ''),
        () => '',
      );
      if (page.includes(marker)) break;
      if (tries > 600 || portal.exitCode !== null) throw new Error(`publish: ${url} does not show the edit`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await stop(portal);
  }
  return {
    primedSeconds: +primed.toFixed(1),
    buildSeconds: +buildSeconds.toFixed(1),
    contentOnly: run.stdout.includes('next build skipped'),
    editSeconds: +((performance.now() - started) / 1000).toFixed(1),
    coldSeconds: +coldSeconds.toFixed(1),
  };
}

/**
 * Two toggles by the first person before a write load (a bookmark added, then removed): the route's
 * code loads and the database opens on the first write (PGlite takes a second or two), which is
 * not what the load measures.
 */
async function warmUp(target: Target): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const { path: p, headers, body } = target.request(0);
    const r = await fetch(target.url + p, { method: 'POST', headers, body });
    await r.arrayBuffer();
  }
}

/**
 * Lighthouse's four category scores (0–100), LCP and TBT (ms) for each page, or null for a page it
 * could not measure. One Chromium (launched by chrome-launcher, as Lighthouse's CLI does, with the
 * same flags) serves every run in turn: Lighthouse resets storage and the browser cache before each
 * page, and the run saves a browser start and Lighthouse's own start per page (about 6 s each).
 */
async function runLighthouse(
  pages: readonly (readonly [url: string, headers: Record<string, string>, preset: 'desktop' | 'mobile'])[],
): Promise<(LighthouseFigures | null)[]> {
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const out: (LighthouseFigures | null)[] = [];
  try {
    for (const [url, headers, preset] of pages) {
      try {
        const result = await lighthouse(
          url,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
            ...(Object.keys(headers).length ? { extraHeaders: headers } : {}),
          },
          // Lighthouse's default is the mobile emulation (Moto G Power, simulated slow 4G, 4× CPU).
          preset === 'desktop' ? desktopConfig : undefined,
        );
        if (!result || result.lhr.runtimeError) throw new Error(result?.lhr.runtimeError?.message ?? 'no result');
        const { categories, audits } = result.lhr;
        out.push({
          scores: Object.fromEntries(Object.entries(categories).map(([k, v]) => [k, Math.round((v.score ?? 0) * 100)])),
          lcpMs: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
          tbtMs: audits['total-blocking-time']?.numericValue ?? Number.NaN,
        });
      } catch (error) {
        console.error(`lighthouse ${preset} ${url}: ${error instanceof Error ? error.message : String(error)}`);
        out.push(null);
      }
    }
  } finally {
    chrome.kill();
  }
  return out;
}

async function signInCookies(base: string, count: number, prefix = 'lighthouse user'): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await fetch(`${base}/api/local-signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
      body: new URLSearchParams({ name: `${prefix} ${i}`, callbackUrl: '/plan' }),
    });
    const cookie = r.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error(`local sign-in failed: ${r.status} ${await r.text()}`);
    cookies.push(cookie);
  }
  return cookies;
}

main().catch((error: unknown) => {
  console.error(error);
  for (const child of children) child.kill();
  process.exitCode = 1;
});
