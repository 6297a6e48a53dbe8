import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { projectCopy } from '../../bench/lib';
import { fixtureCourses } from '../support/cards';

/**
 * An editor's loop (issue "Edit a card, see it"): `npm run dev` on a copy of the project whose
 * content/ is the suite's fixture, a card page open in the browser, and the card file edited as an
 * editor saves it. The page follows each save without a reload: an edit, a broken edit (the error
 * on the page and in the terminal, the last good content kept), the fix, a new card and its removal.
 */
const PORT = Number(process.env.E2E_DEV_PORT ?? 3106);
const base = `http://127.0.0.1:${PORT}`;
const CARD = '/cards/510-Customer-Service-Mid';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let dir = '';
let server: ChildProcess | null = null;
let output = '';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = projectCopy('dev-live');
  rmSync(path.join(dir, 'content'), { recursive: true, force: true });
  cpSync(path.resolve('test/fixtures/site'), path.join(dir, 'content'), { recursive: true });
  server = spawn('npm', ['run', 'dev'], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_REQUESTS: '0',
      PGLITE_DIR: mkdtempSync(path.join(tmpdir(), 'fm-dev-')),
    },
    detached: true,
  });
  server.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  server.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  await expect.poll(() => output, { timeout: 180_000, intervals: [500] }).toMatch(/ready on http/u);
});

test.afterAll(() => {
  // The whole group: npm, the content watcher, Contentlayer and the server.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

const cardFile = (name = '510-Customer-Service-Mid.md') => path.join(dir, 'content/cards', name);

test('saving a card shows on its page without a reload; a broken save shows its error and keeps the page; the fix clears it', async ({ page }) => {
  await page.goto(`${base}${CARD}`, { timeout: 120_000 });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Customer Service', { timeout: 60_000 });
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  const original = readFileSync(cardFile(), 'utf8');

  const saved = Date.now();
  writeFileSync(cardFile(), original.replace(/^competency_description: .*$/mu, 'competency_description: Saved by an editor a moment ago.'));
  await expect(page.getByText('Saved by an editor a moment ago.')).toBeVisible({ timeout: 20_000 });
  const took = Date.now() - saved;
  test.info().annotations.push({ type: 'save to page', description: `${took} ms` });
  console.log(`dev: a saved card reached its open page in ${took} ms`);
  // In place: the same document, no reload.
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

  writeFileSync(cardFile(), original.replace(/^series: .*$/mu, 'series: [510]'));
  const error = 'content/cards/510-Customer-Service-Mid.md:5: series: must be a number such as 510';
  await expect(page.getByRole('alert').filter({ hasText: error })).toBeVisible({ timeout: 20_000 });
  expect(output).toContain(error);
  // The page keeps the last content that was right.
  await expect(page.getByText('Saved by an editor a moment ago.')).toBeVisible();

  writeFileSync(cardFile(), original.replace(/^competency_description: .*$/mu, 'competency_description: Fixed and saved again.'));
  await expect(page.getByText('Fixed and saved again.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'content file' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
});

test('a new card gets its page and a place on the dashboard; deleted, it is gone', async ({ page }) => {
  const original = readFileSync(cardFile(), 'utf8');
  const copy = original
    .replace('/cards/510-Customer-Service-Mid', '/cards/510-Customer-Focus-Mid')
    .replace(/^competency: .*$/mu, 'competency: Customer Focus')
    .replace(/^title: .*$/mu, 'title: 0510 Accounting Mid Customer Focus');
  writeFileSync(cardFile('510-Customer-Focus-Mid.md'), copy);
  await expect.poll(async () => (await page.request.get(`${base}/cards/510-Customer-Focus-Mid`)).status(), { timeout: 30_000 }).toBe(200);
  await page.goto(`${base}/cards?q=Customer+Focus`);
  await expect(page.locator('.result-row').filter({ hasText: 'Customer Focus' }).first()).toBeVisible({ timeout: 30_000 });
  rmSync(cardFile('510-Customer-Focus-Mid.md'));
  await expect.poll(async () => (await page.request.get(`${base}/cards/510-Customer-Focus-Mid`)).status(), { timeout: 30_000 }).toBe(404);
});

test('a saved change to the course list shows on the course’s open page without a reload, and in the finder', async ({ page }) => {
  const course = fixtureCourses()[0]!;
  await page.goto(`${base}/courses/${course.slug}`, { timeout: 120_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(course.title, { timeout: 60_000 });
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 2));
  const file = path.join(dir, 'content/courses.csv');
  const original = readFileSync(file, 'utf8');
  const words = course.description.split(' ').slice(0, 5).join(' ');
  expect(original).toContain(words);
  // The first occurrence is this course's row (the catalogue's first).
  writeFileSync(file, original.replace(words, `Saved by an editor: ${words.toLowerCase()}`));
  try {
    await expect(page.getByText('Saved by an editor:')).toBeVisible({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(2);
    await page.goto(`${base}/courses?q=${encodeURIComponent('Saved by an editor')}`);
    await expect(page.locator('.course-result__title')).toHaveText([course.title]);
  } finally {
    writeFileSync(file, original);
  }
});
