/**
 * npm run bench:dashboard — the dashboard at scale: generates N synthetic cards (default 10,000),
 * builds them, then reports the in-browser filter update time (median, p95 over 100 interactions
 * in Chromium), the gzip bytes of /cards HTML and first-load JS, and the server time to render a
 * filtered /cards without JavaScript. Writes bench/results-dashboard.json.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { cleanBuild, firstLoadJs, gz, kb, projectCopy, root, startPortal, stats, timed } from './lib';

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, port: { type: 'string', default: '38200' } } });
const count = Number(values.count);
const port = Number(values.port);

export async function benchDashboard(opts: { count: number; port: number; reuseBuild?: string }) {
  const work = opts.reuseBuild ?? projectCopy(`dashboard-${opts.count}`);
  let build: { seconds: number; peakMb: number | null } | null = null;
  if (!opts.reuseBuild && process.env.BENCH_REUSE_CONTENT === '1') {
    // Development shortcut: keep the generated cards and Contentlayer's output, rebuild Next only.
    build = timed('npx', ['next', 'build'], work, { NEXT_TELEMETRY_DISABLED: '1' });
  } else if (!opts.reuseBuild) {
    rmSync(path.join(work, 'content'), { recursive: true, force: true });
    timed('npx', ['tsx', 'scripts/content.ts', 'generate', '--count', String(opts.count), '--to', 'content/cards', '--seed', '1'], work);
    cleanBuild(work);
    build = timed('npm', ['run', 'build'], work, { NEXT_TELEMETRY_DISABLED: '1' });
  }
  const base = `http://127.0.0.1:${opts.port}`;
  const server = await startPortal(work, opts.port);
  try {
    const html = await (await fetch(`${base}/cards`)).text();
    const js = await firstLoadJs(base, html);
    const data = Buffer.from(await (await fetch(`${base}/data/cards.json`)).arrayBuffer());

    // Server render of a filtered dashboard, as a browser without JavaScript asks for it.
    const filtered = '/cards?series=0510&level=Mid&group=Primary&q=analysis';
    await fetch(base + filtered);
    const serverMs: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      const r = await fetch(base + filtered);
      await r.text();
      serverMs.push(performance.now() - t);
    }

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await browser.newPage();
    await page.goto(`${base}/cards`);
    // The card data loads when a person reaches for the dashboard: a touch, as before a first click.
    await page.locator('.dashboard').dispatchEvent('pointerdown');
    await page.locator('form[data-live="true"]').waitFor({ timeout: 60_000 });
    // 100 interactions: tick and untick facet values in turn, timing click → result count updated
    // (the facet counts follow in a deferred render, components/dashboard/Dashboard.tsx).
    const updateMs = await page.evaluate(async () => {
      const inputs = [
        ...document.querySelectorAll<HTMLInputElement>(
          'input.usa-checkbox__input[name="series"], input.usa-checkbox__input[name="level"], input.usa-checkbox__input[name="group"]',
        ),
      ];
      const status = document.getElementById('result-count');
      const times: number[] = [];
      for (let i = 0; i < 100; i++) {
        const input = inputs[(i * 5) % inputs.length];
        if (!input || input.disabled) {
          i--;
          inputs.push(inputs.shift() as HTMLInputElement);
          continue;
        }
        const before = status?.textContent;
        const t = performance.now();
        input.click();
        if (status?.textContent === before) {
          await new Promise<void>((resolve) => {
            const observer = new MutationObserver(() => {
              observer.disconnect();
              resolve();
            });
            if (status) observer.observe(status, { childList: true, subtree: true, characterData: true });
            setTimeout(() => {
              observer.disconnect();
              resolve();
            }, 1000);
          });
        }
        times.push(performance.now() - t);
        await new Promise((r) => requestAnimationFrame(() => r(null)));
      }
      return times;
    });
    await browser.close();
    const result = {
      cards: opts.count,
      build: build && { seconds: Number(build.seconds.toFixed(1)), peakMb: build.peakMb },
      clientFilterUpdateMs: stats(updateMs),
      cardsHtmlGzip: gz(html),
      firstLoadJsGzip: js.bytes,
      firstLoadJsFiles: js.files,
      cardDataGzip: gz(data),
      serverFilteredRenderMs: stats(serverMs),
    };
    return result;
  } finally {
    server.kill();
  }
}

async function main(): Promise<void> {
  const result = await benchDashboard({ count, port });
  const f = (n: number) => n.toFixed(1);
  console.log(`dashboard at ${result.cards} cards`);
  if (result.build) console.log(`  build (content + next): ${result.build.seconds} s, peak RSS ${result.build.peakMb} MB`);
  console.log(
    `  client filter update: median ${f(result.clientFilterUpdateMs.median)} ms, p95 ${f(result.clientFilterUpdateMs.p95)} ms (n=${result.clientFilterUpdateMs.n}; target ≤ 16 ms median)`,
  );
  console.log(
    `  /cards HTML ${kb(result.cardsHtmlGzip)} gzip; first-load JS ${kb(result.firstLoadJsGzip)} gzip in ${result.firstLoadJsFiles} files (target ≤ 150 KB); card data ${kb(result.cardDataGzip)} gzip, fetched after load`,
  );
  console.log(
    `  server render of a filtered /cards (no JS): median ${f(result.serverFilteredRenderMs.median)} ms, p95 ${f(result.serverFilteredRenderMs.p95)} ms`,
  );
  writeFileSync(path.join(root, 'bench/results-dashboard.json'), `${JSON.stringify(result, null, 2)}\n`);
}

if (process.argv[1]?.endsWith(path.join('bench', 'dashboard.ts'))) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
