/**
 * npm run bench — every figure next to a baseline measured in the same run. Writes
 * bench/results.json and bench/results.md (both ignored by git). Sizes: BENCH_SIZES (default
 * "100,1000,10000"); PostgreSQL for the bookmark load: BENCH_DATABASE_URL or TEST_DATABASE_URL.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { baselineTarget, openLoop, portalTarget, saturation } from './bookmarks';
import { benchDashboard } from './dashboard';
import { benchExport } from './export';
import { buildReference, startReference } from './next-reference';
import { firstLoadJs, gz, kb, projectCopy, root, startNext, startPortal, timed } from './lib';
import { staticServer } from './static-server';

const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const shared = path.resolve(root, '../shared/bench');
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, sizes };
const md: string[] = [`# Benchmark results (${new Date().toISOString().slice(0, 16)}Z, ${process.version})`, ''];
const log = (line: string) => {
  console.log(line);
  md.push(line);
};

async function load(url: string, duration = 10, headers?: Record<string, string>) {
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

function sharedBaseline(script: string, args: string[]): string | null {
  const file = path.join(shared, script);
  if (!existsSync(file)) return null;
  const run = spawnSync('bash', [file, ...args], { encoding: 'utf8', timeout: 600_000 });
  return run.status === 0 ? run.stdout.trim().split('\n').join(' | ') : `failed: ${(run.stdout + run.stderr).trim().split('\n').slice(-2).join(' ')}`;
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

  // 1. Build time and peak memory per size.
  log('## Build (content + Next), synthetic cards');
  log('| cards | seconds | s per 1,000 cards | peak RSS MB |');
  log('| ---: | ---: | ---: | ---: |');
  const builds: Record<number, { seconds: number; perThousand: number; peakMb: number | null; dir: string }> = {};
  for (const n of sizes) {
    const dir = projectCopy(`build-${n}`);
    rmSync(path.join(dir, 'content'), { recursive: true, force: true });
    timed('npx', ['tsx', 'scripts/content.ts', 'generate', '--count', String(n), '--to', 'content/cards', '--seed', '1'], dir);
    const t = timed('npm', ['run', 'build'], dir, { NEXT_TELEMETRY_DISABLED: '1' });
    builds[n] = { seconds: +t.seconds.toFixed(1), perThousand: +((t.seconds / n) * 1000).toFixed(1), peakMb: t.peakMb, dir };
    log(`| ${n} | ${t.seconds.toFixed(1)} | ${((t.seconds / n) * 1000).toFixed(1)} | ${t.peakMb ?? '?'} |`);
  }
  // The real catalogue (content/ as committed), beside the synthetic sizes.
  {
    const dir = projectCopy('build-catalogue');
    rmSync(path.join(dir, 'content'), { recursive: true, force: true });
    cpSync(path.join(root, 'content'), path.join(dir, 'content'), { recursive: true });
    const count = readdirSync(path.join(dir, 'content/cards')).filter((f) => f.endsWith('.md')).length;
    const t = timed('npm', ['run', 'build'], dir, { NEXT_TELEMETRY_DISABLED: '1' });
    results.buildCatalogue = { cards: count, seconds: +t.seconds.toFixed(1), peakMb: t.peakMb };
    log(`| catalogue (${count}) | ${t.seconds.toFixed(1)} | ${((t.seconds / count) * 1000).toFixed(1)} | ${t.peakMb ?? '?'} |`);
  }
  results.build = builds;
  const baselineN = sizes.includes(1000) ? 1000 : (sizes[0] ?? 100);
  const jekyll = ensureJekyll()
    ? sharedBaseline('jekyll-baseline/run', [String(baselineN)])
    : 'skipped: Debian jekyll is not installed and could not be installed (apt-get install jekyll)';
  log(`\nBaseline, same run: ${jekyll ?? 'skipped: ../shared/bench is absent'}`);
  results.jekyllBaseline = jekyll;
  const reference = buildReference(baselineN);
  results.nextReference = reference;
  if (typeof reference === 'string') log(`Minimal Next site: ${reference}`);
  else {
    const ours = builds[baselineN];
    log(
      `Minimal Next site (../shared/bench/next-reference), ${baselineN} cards, same run: ${reference.seconds} s, peak RSS ${reference.peakMb ?? '?'} MB${ours ? `; portal / minimal Next: ${(ours.seconds / reference.seconds).toFixed(2)}× the time` : ''}.`,
    );
  }

  // 2. Serving: a card page and /cards against the same HTML from a static file server.
  const largest = Math.max(...sizes);
  const dir = builds[largest]?.dir ?? projectCopy(`build-${largest}`);
  const port = 38300;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fm-bench-db-'));
  let server: ChildProcess = await startPortal(dir, port, { PGLITE_DIR: path.join(dataDir, 'pglite') });
  const base = `http://127.0.0.1:${port}`;
  // Card pages are files of the static pages tier (ADR 0013): take one from its manifest.
  const manifest = JSON.parse(readFileSync(path.join(dir, '.next/static-pages/manifest.json'), 'utf8')) as { pages: Record<string, { file: string }> };
  const card = Object.keys(manifest.pages).find((p) => p.startsWith('/cards/')) ?? '/cards/510-Customer-Service-Mid';
  const cardHtml = path.join(dir, '.next/static-pages', manifest.pages[card]?.file ?? `${card.slice(1)}.html`);
  const dashboardHtml = path.join(dataDir, 'cards.html');
  writeFileSync(dashboardHtml, await (await fetch(`${base}/cards`)).text());
  log('\n## Serving (autocannon, 50 connections, 10 s)');
  log('| page | portal req/s | portal p99 ms | static server req/s | static p99 ms | portal / static |');
  log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const statics = await staticServer({ [card]: cardHtml, '/cards': dashboardHtml }, port + 1);
  const serving: Record<string, unknown> = {};
  for (const page of [card, '/cards']) {
    const portal = await load(base + page);
    const baseline = await load(`http://127.0.0.1:${port + 1}${page}`);
    serving[page] = { portal, staticServer: baseline, ratio: +(portal.reqPerSec / baseline.reqPerSec).toFixed(3) };
    log(
      `| ${page === '/cards' ? '/cards' : 'card page'} | ${portal.reqPerSec} | ${portal.p99Ms} | ${baseline.reqPerSec} | ${baseline.p99Ms} | ${(portal.reqPerSec / baseline.reqPerSec).toFixed(2)} |`,
    );
  }
  statics.close();
  // The minimal Next site's card page under the same load: the framework's own ceiling.
  let referenceServer: ChildProcess | null = null;
  const referenceBase = `http://127.0.0.1:${port + 3}`;
  if (typeof reference !== 'string') {
    referenceServer = await startReference(reference, port + 3);
    const floor = await load(referenceBase + reference.cardPath);
    // Its HTML from the same static server: on 2 cores bytes cost requests, so each site is also
    // compared with a static server holding its own HTML.
    const referenceStatic = await staticServer({ '/ref': path.join(reference.dir, `.next/server/app${reference.cardPath}.html`) }, port + 4);
    const floorStatic = await load(`http://127.0.0.1:${port + 4}/ref`);
    referenceStatic.close();
    const ours = serving[card] as { portal: { reqPerSec: number }; ratio: number };
    const floorRatio = floor.reqPerSec / floorStatic.reqPerSec;
    serving.nextReference = {
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

  // 3. Weight (gzip) of a card page and the dashboard.
  log('\n## Weight (gzip)');
  log('| page | HTML | CSS | JS (first load) |');
  log('| --- | ---: | ---: | ---: |');
  const weight: Record<string, unknown> = {};
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
    const ours = weight[card] as { html: number; css: number; js: number };
    weight.nextReference = { html: gz(html), js: js.bytes };
    log(`| minimal Next card page | ${kb(gz(html))} | | ${kb(js.bytes)} |`);
    log(
      `\nCard page total (HTML + CSS + JS) / minimal Next's: ${((ours.html + ours.css + ours.js) / (gz(html) + js.bytes)).toFixed(2)}; JS alone ${(ours.js / js.bytes).toFixed(2)}.`,
    );
  }
  referenceServer?.kill();
  results.weight = weight;

  // 4. Bookmark toggles, 50 signed-in people: open loop at 100/s and saturation, on PGlite then
  // PostgreSQL, each next to a minimal Next route handler doing the same one-row write (bench/write-baseline).
  log('\n## Bookmark toggles (50 signed-in people; open loop 100/s for 10 s, then saturation for 10 s)');
  log('| database | server | open loop p50 / p99 ms | saturation req/s | saturation p50 / p99 ms | p99 / p50 | errors |');
  log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  const toggles: Record<string, unknown> = {};
  const baselineDir = path.join(root, 'bench/write-baseline');
  const baselineBuild = timed(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], baselineDir, { NEXT_TELEMETRY_DISABLED: '1' });
  const measureWrites = async (database: string, portalEnv: Record<string, string>) => {
    const portal = await portalTarget(base, card);
    const open = await openLoop(portal, 100, 10);
    const sat = await saturation(portal, 10);
    const row: Record<string, unknown> = { portal: { openLoop: open, saturation: sat } };
    log(
      `| ${database} | portal | ${open.p50} / ${open.p99} | ${sat.perSecond} | ${sat.p50} / ${sat.p99} | ${(sat.p99 / Math.max(sat.p50, 1)).toFixed(1)} | ${open.errors + sat.errors} |`,
    );
    if (baselineBuild.seconds > 0) {
      const writer = await startNext(baselineDir, port + 5, portalEnv, '/api/write');
      try {
        const target = baselineTarget(`http://127.0.0.1:${port + 5}`);
        const bOpen = await openLoop(target, 100, 10);
        const bSat = await saturation(target, 10);
        row.baseline = { openLoop: bOpen, saturation: bSat };
        row.throughputRatio = +(sat.perSecond / bSat.perSecond).toFixed(2);
        log(
          `| ${database} | minimal Next write | ${bOpen.p50} / ${bOpen.p99} | ${bSat.perSecond} | ${bSat.p50} / ${bSat.p99} | ${(bSat.p99 / Math.max(bSat.p50, 1)).toFixed(1)} | ${bOpen.errors + bSat.errors} |`,
        );
        log(`| ${database} | portal / baseline throughput | | ${(sat.perSecond / bSat.perSecond).toFixed(2)} (target ≥ 0.5) | | | |`);
      } finally {
        writer.kill();
      }
    }
    toggles[database] = row;
  };
  await measureWrites('PGlite', { PGLITE_DIR: path.join(dataDir, 'write-baseline') });
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    server.kill();
    server = await startPortal(dir, port, { DATABASE_URL: pgUrl });
    await measureWrites('PostgreSQL', { DATABASE_URL: pgUrl });
  } else {
    log('| PostgreSQL | skipped: set BENCH_DATABASE_URL | | | | | |');
  }
  results.bookmarks = toggles;

  // 5. Lighthouse (desktop preset) on a card page, the dashboard and the plan page, in Debian's Chromium.
  log('\n## Lighthouse (desktop preset)');
  log('| page | performance | accessibility | best practices | SEO |');
  log('| --- | ---: | ---: | ---: | ---: |');
  const cookie = (await signInCookies(base, 1))[0] ?? '';
  const lighthouse: Record<string, unknown> = {};
  for (const [label, page, headers] of [
    ['card page', card, {}],
    ['/cards', '/cards', {}],
    ['/plan', '/plan', { Cookie: cookie }],
  ] as const) {
    const scores = runLighthouse(base + page, headers);
    lighthouse[label] = scores;
    log(`| ${label} | ${scores ? `${scores.performance} | ${scores.accessibility} | ${scores['best-practices']} | ${scores.seo}` : 'failed | | |'} |`);
  }
  results.lighthouse = lighthouse;
  server.kill();

  // 5. Client: the dashboard's in-browser filter update, at the largest size.
  log('\n## Dashboard filter update in Chromium');
  const client = await benchDashboard({ count: largest, port: port + 2, reuseBuild: dir });
  results.client = client;
  log(
    `At ${largest} cards: median ${client.clientFilterUpdateMs.median.toFixed(1)} ms, p95 ${client.clientFilterUpdateMs.p95.toFixed(1)} ms (target ≤ 16 ms median); server render of a filtered /cards median ${client.serverFilteredRenderMs.median.toFixed(1)} ms.`,
  );

  writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(root, 'bench/results.md'), `${md.join('\n')}\n`);
  console.log('\nwrote bench/results.json and bench/results.md');
}

/** Lighthouse's four category scores (0–100) for a URL, or null when it could not run. */
function runLighthouse(url: string, headers: Record<string, string>): Record<string, number> | null {
  const cli = path.join(root, 'node_modules/lighthouse/cli/index.js');
  const run = spawnSync(
    process.execPath,
    [
      cli,
      url,
      '--preset=desktop',
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
      ...(Object.keys(headers).length ? [`--extra-headers=${JSON.stringify(headers)}`] : []),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 180_000, env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } },
  );
  if (run.status !== 0) {
    console.error(run.stderr.split('\n').slice(-5).join('\n'));
    return null;
  }
  const report = JSON.parse(run.stdout) as { categories: Record<string, { score: number | null }> };
  return Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, Math.round((v.score ?? 0) * 100)]));
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
  process.exitCode = 1;
});
