/**
 * The real catalogue: content/ as shipped (CFO.gov's cards and courses), built with `npm run build`
 * and served by the catalogue server. Every figure is read from the data, never written here, so an
 * editor adding or removing a card never breaks this test.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { catalogueURL } from '../../playwright.config';
import { expectNoAxeViolations } from './axe';

const cardFiles = readdirSync(path.resolve('content/cards')).filter((f) => f.endsWith('.md'));

interface Listed {
  url: string;
  seriesCode: string;
  competencySlug: string;
}

test.describe('the real catalogue (content/)', () => {
  test.use({ baseURL: catalogueURL });

  test('every card page and every compare page answers 200; the dashboard counts every card', async ({ page, request }) => {
    const list = (await (await request.get('/api/cards')).json()) as { total: number; cards: Listed[] };
    expect(list.total).toBe(cardFiles.length);
    for (const card of list.cards) {
      const res = await request.get(card.url, { maxRedirects: 0 });
      expect(res.status(), card.url).toBe(200);
    }
    const compares = [...new Set(list.cards.map((c) => `/compare/${c.seriesCode}/${c.competencySlug}`))];
    for (const url of compares) expect((await request.get(url, { maxRedirects: 0 })).status(), url).toBe(200);
    // CFO.gov's /cardsNew/ addresses lead to the same pages.
    for (const card of list.cards.filter((_, i) => i % 25 === 0)) {
      const legacy = await request.get(card.url.replace('/cards/', '/cardsNew/'), { maxRedirects: 0 });
      expect(legacy.status(), card.url).toBe(308);
      expect(legacy.headers().location).toMatch(new RegExp(`${card.url}$`, 'u'));
    }
    await page.goto('/cards');
    await expect(page.locator('#result-count')).toHaveText(new RegExp(`^${cardFiles.length} cards`, 'u'));
    await page.goto('/');
    await expect(page.getByRole('list', { name: 'What the portal holds' })).toContainText(`${cardFiles.length} competency cards`);
  });

  test('the card with the most courses stays usable: grouped by level, the long tail folded, a filter', async ({ page, request }) => {
    const list = (await (await request.get('/api/cards')).json()) as { cards: (Listed & { slug: string })[] };
    let most = { url: '', courses: 0 };
    for (const card of list.cards) {
      const full = (await (await request.get(`/api/cards/${card.slug}`)).json()) as { courses: unknown[] };
      if (full.courses.length > most.courses) most = { url: card.url, courses: full.courses.length };
    }
    expect(most.courses).toBeGreaterThan(40);
    await page.goto(most.url);
    const visible = page.locator('.course:visible');
    expect(await visible.count()).toBeLessThan(most.courses / 2);
    await expect(page.getByRole('status').filter({ hasText: `Showing all ${most.courses} courses.` })).toBeAttached();
    const freeOnly = page.locator('label.usa-checkbox__label', { hasText: 'Free courses only' });
    await freeOnly.click();
    await expect(page.getByRole('status').filter({ hasText: /of \d+ courses match/u })).toBeVisible();
    await freeOnly.click();
    await page.getByLabel('Filter courses').fill('zzzz-no-such-course');
    await expect(page.getByRole('status').filter({ hasText: `0 of ${most.courses} courses match.` })).toBeVisible();
    await page.getByLabel('Filter courses').fill('');
    await expectNoAxeViolations(page);
  });
});
