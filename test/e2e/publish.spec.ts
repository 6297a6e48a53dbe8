import { spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { projectCopy } from '../../bench/lib';
import { live } from './live';
import { startPortal } from './portal';

/**
 * Publishing (issue "Edit a card, see it", ADR 0019): on a copy of the project whose content/ is
 * the suite's fixture, a production build that keeps its caches (`npm run build:publish`), then an
 * editor's change — one card edited, one added, one deleted — and the same command again. Nothing
 * the server's code is made of changed, so the second build does not run `next build`; the portal
 * started on it serves the change everywhere the content shows: the card pages, the dashboard with
 * and without JavaScript, its data, the front door's figures and the open-data API.
 */
const PORT = Number(process.env.E2E_PUBLISH_PORT ?? 3107);
const base = `http://127.0.0.1:${PORT}`;
const EDITED = '510-Customer-Service-Mid';
const ADDED = '510-Customer-Focus-Mid';
const SECOND = '510-Customer-Insight-Mid';

test.describe.configure({ mode: 'serial', timeout: 300_000 });

let dir = '';
let server: ChildProcess | null = null;

function build(): string {
  const run = spawnSync('npm', ['run', 'build:publish'], { cwd: dir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`npm run build:publish failed:\n${output.slice(-3000)}`);
  return output;
}

const cardFile = (slug: string) => path.join(dir, 'content/cards', `${slug}.md`);

async function startPublished(): Promise<void> {
  // /api/health, not /api/ready: the test measures how soon the static pages are served.
  server = await startPortal({ port: PORT, cwd: dir, path: '/api/health' });
}

function stopPortal(): void {
  server?.kill('SIGTERM');
  server = null;
}

test.beforeAll(() => {
  test.setTimeout(300_000);
  dir = projectCopy('publish');
  rmSync(path.join(dir, 'content'), { recursive: true, force: true });
  rmSync(path.join(dir, '.next'), { recursive: true, force: true });
  cpSync(path.resolve('test/fixtures/site'), path.join(dir, 'content'), { recursive: true });
  const first = build();
  expect(first).not.toContain('next build skipped');
  expect(existsSync(path.join(dir, '.next/build-inputs.json'))).toBe(true);
});

test.afterAll(stopPortal);

test('edited, added and deleted cards are published without compiling the site again, and show wherever the content shows', async ({ page, browser }) => {
  const before = (JSON.parse(readFileSync(path.join(dir, '.next/content/documents.json'), 'utf8')) as { cards: { slug: string; permalink: string }[] }).cards;
  const deleted = before.find((c) => c.slug !== EDITED && c.permalink === `/cards/${c.slug}`)!;
  const original = readFileSync(cardFile(EDITED), 'utf8');
  const marker = `Published ${Date.now()}, an edited description.`;
  writeFileSync(cardFile(EDITED), original.replace(/^competency_description: .*$/mu, `competency_description: ${marker}`));
  // Two new cards, one deleted: the number of cards changes everywhere it is shown.
  for (const [slug, competency] of [
    [ADDED, 'Customer Focus'],
    [SECOND, 'Customer Insight'],
  ] as const) {
    writeFileSync(
      cardFile(slug),
      original
        .replace(`/cards/${EDITED}`, `/cards/${slug}`)
        .replace(/^competency: .*$/mu, `competency: ${competency}`)
        .replace(/^title: .*$/mu, `title: 0510 Accounting Mid ${competency}`),
    );
  }
  const deletedFile = spawnSync('grep', ['-rlF', `permalink: ${deleted.permalink}`, path.join(dir, 'content/cards')], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')[0]!;
  expect(deletedFile, `the file of ${deleted.slug}`).toMatch(/\.md$/u);
  rmSync(deletedFile);
  const total = before.length + 1;

  const second = build();
  expect(second).toContain('next build skipped');
  expect(second).toMatch(/build: done in [\d.]+ s \(content only\)/u);
  test.info().annotations.push({ type: 'content-only build', description: /build: done in ([\d.]+ s)/u.exec(second)?.[1] ?? '' });

  await startPublished();
  // The card pages: the edit, the new cards, the deleted card gone.
  expect(await (await page.request.get(`${base}/cards/${EDITED}`)).text()).toContain(marker);
  expect((await page.request.get(`${base}/cards/${ADDED}`)).status()).toBe(200);
  expect((await page.request.get(`${base}/cards/${SECOND}`)).status()).toBe(200);
  expect((await page.request.get(`${base}/cards/${deleted.slug}`)).status()).toBe(404);

  // The open-data API and the dashboard's data.
  expect(await (await page.request.get(`${base}/api/cards/${EDITED}`)).text()).toContain(marker);
  const data = (await (await page.request.get(`${base}/data/cards.json`)).json()) as { slug: string }[];
  expect(data).toHaveLength(total);
  expect(data.map((c) => c.slug)).toEqual(expect.arrayContaining([ADDED, SECOND]));
  expect(data.map((c) => c.slug)).not.toContain(deleted.slug);

  // The front door's figures and the dashboard, as the server sends them (the copies it rendered
  // when it started), with and without JavaScript.
  await page.goto(`${base}/`);
  await expect(page.locator('.home-figures li').first()).toHaveText(`${total} competency cards`);
  await page.goto(`${base}/cards`);
  await expect(page.locator('#result-count')).toContainText(`${total} cards`);
  await live(page);
  await page.getByLabel('Search text').fill('Customer Insight');
  await expect(page.locator('.result-row').filter({ hasText: 'Customer Insight' }).first()).toBeVisible();
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(`${base}/cards`);
  await expect(plain.locator('#result-count')).toContainText(`${total} cards`);
  await noScript.close();
});
