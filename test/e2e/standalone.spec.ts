/**
 * The standalone folder (issue "Production", ADR 0024): `npm run standalone -- <folder>` makes the
 * portal one folder that runs on its own — what the Dockerfile's runtime stage is. Made here from
 * the suite's build (.next-e2e) into a folder outside the repository, so that no file of the
 * repository's node_modules can be reached from it, and started with `node dist/server.mjs` there
 * on its embedded database: it migrates, serves the static and rendered pages with the same bytes
 * and headers as the suite's local server, signs a person in, keeps a bookmark, and renders a PDF (a
 * worker thread, pdfkit and the USWDS fonts, none of which a trace of Next's pages finds alone).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { localURL } from '../../playwright.config';
import { fixtureCourses } from '../support/cards';
import { MID } from './fixture';
import { startPortal } from './portal';

const port = Number(process.env.E2E_PORT ?? 3100) + 13;
const base = `http://127.0.0.1:${port}`;
let parent = '';
let folder = '';
let server: ChildProcess | null = null;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  parent = mkdtempSync(path.join(tmpdir(), 'fm-standalone-'));
  folder = path.join(parent, 'portal');
  const made = spawnSync(process.execPath, ['scripts/standalone.mjs', folder], { env: { ...process.env, NEXT_DIST_DIR: '.next-e2e' }, encoding: 'utf8' });
  expect(made.status, `${made.stdout}${made.stderr}`).toBe(0);
  server = await startPortal({
    port,
    cwd: folder,
    env: { NEXT_DIST_DIR: '.next-e2e', RATE_LIMIT_SCALE: '100', PGLITE_DIR: path.join(folder, '.data/pglite') },
  });
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  if (parent) rmSync(parent, { recursive: true, force: true });
});

test('the folder holds the build and production packages only: no next.config.mjs, no dev dependency, no source', () => {
  for (const present of [
    'dist/server.mjs',
    'dist/pdf-worker.mjs',
    'drizzle',
    'public/assets/islands.js',
    '.next-e2e/static-pages',
    '.next-e2e/content/documents.json',
    'node_modules/next',
    'node_modules/pg',
    'node_modules/@electric-sql/pglite',
    'node_modules/pdfkit',
  ]) {
    expect(existsSync(path.join(folder, present)), present).toBe(true);
  }
  for (const absent of [
    'next.config.mjs',
    'server/main.ts',
    'content',
    'node_modules/typescript',
    'node_modules/sass-embedded',
    'node_modules/@playwright/test',
    'node_modules/vitest',
    'node_modules/eslint',
  ]) {
    expect(existsSync(path.join(folder, absent)), absent).toBe(false);
  }
});

test('it serves the pages with the bytes and headers of the suite’s local server (no identity provider, like this one), from its own database', async ({
  request,
}) => {
  expect((await request.get(`${base}/api/ready`)).status()).toBe(200);
  for (const address of [MID, '/compare/0510/Customer-Service', `/courses/${fixtureCourses()[0]!.slug}`]) {
    const [ours, suite] = await Promise.all([request.get(`${base}${address}`), request.get(`${localURL}${address}`)]);
    expect(ours.status(), address).toBe(200);
    expect(await ours.text(), address).toBe(await suite.text());
    for (const header of ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'content-type']) {
      expect(ours.headers()[header], `${address} ${header}`).toBe(suite.headers()[header]);
    }
  }
  for (const address of ['/', '/courses', '/cards?series=0510', '/data/cards.json', '/api/cards?series=0510', '/signin']) {
    expect((await request.get(`${base}${address}`)).status(), address).toBe(200);
  }
  const missing = await request.get(`${base}/cards/no-such-card`);
  expect(missing.status()).toBe(404);
});

test('a person signs in, keeps a bookmark and downloads a card as PDF', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto('/signin?callbackUrl=/plan');
  await page.getByLabel('Your name').fill(`standalone-${Date.now()}`);
  await page.getByRole('button', { name: 'Sign in locally' }).click();
  await expect(page).toHaveURL(/\/plan$/u);
  const added = await page.request.post('/api/bookmarks', { data: { permalink: MID, intent: 'add' }, headers: { Origin: base } });
  expect(added.status()).toBe(200);
  await page.goto('/plan');
  await expect(page.getByRole('main')).toContainText('Customer Service');

  const pdf = await page.request.get(`/cards/export?format=pdf&slug=${encodeURIComponent(MID.replace('/cards/', ''))}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const body = await pdf.body();
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The portal's typeface is embedded (lib/export/pdf.ts), found in the folder's own node_modules.
  expect(body.toString('latin1')).toContain('PublicSans');
  await context.close();
});
