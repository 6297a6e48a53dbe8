import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { expect, test, type Download, type Page } from '@playwright/test';
import { signIn } from './auth';
import { expectNoAxeViolations } from './axe';
import { count, FIXTURE, MID, SENIOR } from './fixture';
import { live } from './live';
import { requiredLevel } from '../../lib/gaps';

/** The seeds' competency in their series: Mid and Senior (the fixture has no 0510 Entry card of it). */
const SEEDS = '/cards?series=0510&competency=Customer-Service';

/** Reads a downloaded CSV as a spreadsheet would: UTF-8 with its BOM, RFC 4180. */
async function csvRows(download: Download): Promise<string[][]> {
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.subarray(3).toString('utf8')) as string[][];
}

const rowBox = (page: Page, competency: RegExp) => page.locator('.result-row').filter({ hasText: competency });

async function exportTwoAsCsv(page: Page): Promise<Download> {
  await page.goto(SEEDS);
  await expect(page.locator('.result-row')).toHaveCount(2);
  for (const level of [/Mid \(GS/u, /Senior \(GS/u]) await rowBox(page, level).locator('label.usa-checkbox__label').click();
  await page.locator('label[for="export-csv"]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export selected' }).click()]);
  return download;
}

test.describe('export', () => {
  test('select two cards on the dashboard and export CSV: two rows, the right permalinks', async ({ page, baseURL }) => {
    await page.goto('/cards');
    await live(page);
    const download = await exportTwoAsCsv(page);
    expect(download.suggestedFilename()).toMatch(/^fm-competency-cards-2-\d{4}-\d{2}-\d{2}\.csv$/u);
    const rows = await csvRows(download);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveLength(13);
    expect(rows.slice(1).map((r) => r[12])).toEqual([`${baseURL}${MID}`, `${baseURL}${SENIOR}`]);
    // The series code stays text in a spreadsheet.
    expect(rows[1]?.[0]).toBe('="0510"');
  });

  test('the same without JavaScript, as a plain form', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, acceptDownloads: true });
    const page = await context.newPage();
    const rows = await csvRows(await exportTwoAsCsv(page));
    expect(rows.slice(1).map((r) => r[12])).toEqual([`${baseURL}${MID}`, `${baseURL}${SENIOR}`]);
    // Nothing selected: the server says so, in a page a person can read.
    await page.goto(SEEDS);
    await page.getByRole('button', { name: 'Export selected' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your request was not accepted');
    await expect(page.getByRole('alert').filter({ hasText: 'Select at least one card to export' })).toBeVisible();
    // A page of the site: its header, its styles (a USWDS error alert), a way back; axe finds nothing.
    await expect(page.getByRole('link', { name: 'FM Career Roadmap' })).toBeVisible();
    expect(await page.locator('.usa-alert--error').evaluate((el) => getComputedStyle(el).borderLeftWidth)).not.toBe('0px');
    await expect(page).toHaveTitle('Your request was not accepted | FM Career Roadmap');
    await context.close();
    // The same page reached by a link (a GET), in a browser with JavaScript: axe finds nothing.
    const withJs = await browser.newContext({ baseURL });
    const js = await withJs.newPage();
    const r = await js.goto('/cards/export?format=csv');
    expect(r?.status()).toBe(400);
    await expect(js.getByRole('alert').filter({ hasText: 'Select at least one card to export' })).toBeVisible();
    await expectNoAxeViolations(js);
    await withJs.close();
  });

  test('“select all results” exports every card of the filter, with and without JavaScript', async ({ browser, baseURL }) => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ baseURL, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${SEEDS}&level=Senior`);
      await expect(page.locator('.result-row')).toHaveCount(1);
      await page.locator('label[for="select-all"]').click();
      if (javaScriptEnabled) {
        await expect(page.locator('.result-row input[type="checkbox"]')).toBeChecked();
        await expect(page.locator('.export-count')).toHaveText('1 card selected.');
      }
      await page.locator('label[for="export-csv"]').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export selected' }).click()]);
      const rows = await csvRows(download);
      expect(rows.slice(1).map((r) => r[12])).toEqual([`${baseURL}${SENIOR}`]);
      await context.close();
    }
  });

  test('PDF export downloads a PDF; the GET URL refuses an unknown slug or format with a message', async ({ page, request }) => {
    await page.goto(SEEDS);
    await rowBox(page, /Mid \(GS/u)
      .locator('label.usa-checkbox__label')
      .click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export selected' }).click()]);
    expect(download.suggestedFilename()).toBe('510-Customer-Service-Mid.pdf');
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const ok = await request.get('/cards/export?format=pdf&slug=510-Customer-Service-Mid&slug=510-Customer-Service-Senior');
    expect(ok.status()).toBe(200);
    expect(ok.headers()['content-type']).toBe('application/pdf');
    expect(ok.headers()['content-disposition']).toMatch(/^attachment; filename="fm-competency-cards-2-/u);
    const unknown = await request.get('/cards/export?format=csv&slug=510-No-Such-Card-Mid');
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'No card has the slug “510-No-Such-Card-Mid”.' });
    const format = await request.get('/cards/export?format=xlsx&slug=510-Customer-Service-Mid');
    expect(format.status()).toBe(400);
    expect((await format.json()).error).toMatch(/not an export format/u);
    const tooMany = await request.get(`/cards/export?format=csv&${Array.from({ length: 501 }, (_, i) => `slug=s${i}`).join('&')}`);
    expect(tooMany.status()).toBe(400);
    expect((await tooMany.json()).error).toMatch(/at most 500/u);
  });

  test('a print of the plan hides the header and navigation and breaks the page between competencies', async ({ page }) => {
    await signIn(page, 'pria');
    await page.goto(MID);
    await page.getByRole('button', { name: /Add to my plan/u }).click();
    await expect(page.getByRole('button', { name: /In my plan/u })).toBeVisible();
    await page.goto('/plan');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.usa-banner')).toBeHidden();
    await expect(page.locator('.plan-actions')).toBeHidden();
    await expect(page.locator('.plan-group').first()).toBeVisible();
    // The seed cards share one competency: a second competency's section is cloned in to see the break.
    const breaks = await page
      .locator('.plan-group')
      .first()
      .evaluate((el) => {
        el.after(el.cloneNode(true));
        return [...document.querySelectorAll('.plan-group')].map((g) => getComputedStyle(g).breakBefore);
      });
    expect(breaks).toEqual(['auto', 'page']);
    await page.emulateMedia({ media: 'screen' });
  });

  test('the plan downloads as CSV and PDF for its owner only; a second user gets their own (empty) plan', async ({ browser, baseURL }) => {
    expect(baseURL).toBeTruthy();
    const owner = await browser.newContext({ baseURL });
    const a = await owner.newPage();
    await signIn(a, 'quinn');
    await a.goto('/profile');
    await a.getByLabel('Job series').selectOption('0510');
    await a.getByLabel('GS grade').fill('11');
    await a.getByRole('button', { name: 'Save profile' }).click();
    await expect(a.getByText('Your profile is saved.')).toBeVisible();
    await a.goto(SENIOR);
    await a.getByRole('button', { name: /Add to my plan/u }).click();
    await expect(a.getByRole('button', { name: /In my plan/u })).toBeVisible();
    await a.goto('/plan');
    const [csv] = await Promise.all([a.waitForEvent('download'), a.getByRole('link', { name: 'Download CSV' }).click()]);
    const rows = await csvRows(csv);
    expect(rows).toHaveLength(2);
    // Not rated: no rating or gap; the target is that of the competency's card at the person's (Mid) level.
    const target = String(requiredLevel(FIXTURE.find((c) => c.url === MID)!));
    expect(rows[1]?.slice(0, 9)).toEqual(['GS 11', 'Next level', 'Planned', '', target, '', '', '', new Date().toISOString().slice(0, 10)]);
    expect(rows[1]?.at(-1)).toBe(`${baseURL}${SENIOR}`);
    const [pdf] = await Promise.all([a.waitForEvent('download'), a.getByRole('link', { name: 'Download PDF' }).click()]);
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const other = await browser.newContext({ baseURL });
    const b = await other.newPage();
    await signIn(b, 'rosa');
    const theirs = await b.request.get('/plan/export?format=csv');
    expect(theirs.status()).toBe(200);
    const text = (await theirs.text()).replace(/^\uFEFF/u, '');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1); // the header only
    expect(text).not.toContain(SENIOR);
    // There is no parameter that names another person's plan.
    expect((await b.request.get('/plan/export?format=csv&user=quinn')).status()).toBe(400);
    // Signed out: no plan at all.
    const anonymous = await browser.newContext({ baseURL });
    const none = await anonymous.request.get('/plan/export?format=pdf', { maxRedirects: 0 });
    expect(none.status()).toBe(401);
    await owner.close();
    await other.close();
    await anonymous.close();
  });
});

test.describe('compare career levels', () => {
  test('every card page links to it; it shows Entry, Mid and Senior with the proficiency levels aligned; axe finds nothing', async ({ page }) => {
    await page.goto(MID);
    await page.getByRole('link', { name: 'Compare Entry, Mid and Senior side by side' }).click();
    await expect(page).toHaveURL(/\/compare\/0510\/Customer-Service$/u);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customer Service: career levels compared');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText([/^Entry/u, /^Mid/u, /^Senior/u]);
    await expect(page.getByText('This competency has no Entry card in series 0510.')).toBeVisible();
    // Aligned: the same proficiency level starts at the same height in every column that has a card.
    const tops = await page
      .locator('.compare-card')
      .evaluateAll((cards) => cards.map((card) => [...card.querySelectorAll('.compare-level')].map((el) => Math.round(el.getBoundingClientRect().top))));
    expect(tops[0]).toEqual([]);
    expect(tops[1]!.length).toBeGreaterThan(1);
    expect(tops[2]).toEqual(tops[1]);
    // The description is said once, not per column.
    await expect(page.locator('.compare-description')).toHaveCount(1);
    await expectNoAxeViolations(page);
  });

  test('on a narrow screen the cards stack and nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/compare/0510/Customer-Service');
    const boxes = await page.locator('.compare-card').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(3);
    expect(boxes[1]!.top).toBeGreaterThanOrEqual(boxes[0]!.bottom - 1);
    expect(boxes[2]!.top).toBeGreaterThanOrEqual(boxes[1]!.bottom - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoAxeViolations(page);
  });
});

test.describe('open data', () => {
  test('/api/cards gives the dashboard’s cards, with ETag revalidation; /api/cards/<slug> 404s in JSON', async ({ request }) => {
    const res = await request.get('/api/cards?series=0510&level=Senior');
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(count((c) => c.seriesCode === '0510' && c.careerLevel === 'Senior'));
    expect(body.cards.map((c: { permalink: string }) => c.permalink)).toContain(SENIOR);
    expect((await (await request.get('/api/cards')).json()).total).toBe(FIXTURE.length);
    const etag = res.headers()['etag']!;
    expect(res.headers()['cache-control']).toMatch(/max-age=/u);
    expect((await request.get('/api/cards?series=0510&level=Senior', { headers: { 'If-None-Match': etag } })).status()).toBe(304);
    const missing = await request.get('/api/cards/510-Nothing-Mid');
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ error: 'No card has the slug “510-Nothing-Mid”.' });
    const doc = await (await request.get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
  });

  test('malformed percent-encodings in a path are a 400 with a message, not a 500', async ({ request }) => {
    for (const path of ['/api/cards/%E0%A4%A', '/cards/%ZZ', '/cardsNew/%E0%A4%A', '/compare/%ZZ/x', '/compare/0510/%E0%A4%A', '/api/bookmarks/%ZZ']) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      expect(await res.text()).toMatch(/malformed percent-encoding/u);
    }
  });
});
