import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CardView } from '../../components/cards/CardView';
import { listedOnly } from '../../lib/cards/catalogue';
import { loadCard } from '../../lib/cards/card';

test('a card full of <script>, onerror= and javascript: runs nothing and renders whole', async ({ page }) => {
  const file = path.resolve('test/fixtures/xss/cards/xss.md');
  const { card } = loadCard(file, readFileSync(file, 'utf8'));
  if (!card) throw new Error('the XSS fixture must load as a card');
  const markup = renderToStaticMarkup(createElement(CardView, { card, siblings: [], courses: listedOnly(card) }));

  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // The card's markup in a page of its own, parsed afresh by the browser (setContent runs any
  // script it finds), styled with the site's production stylesheet.
  await page.goto('/cards/510-Customer-Service-Mid');
  const css = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  await page.setContent(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>XSS fixture</title><link rel="stylesheet" href="${css ?? ''}"></head><body><main id="main-content">${markup}</main></body></html>`,
  );
  await page.getByRole('link', { name: 'Good course' }).hover();
  for (const item of await page.locator('main a').all()) await item.hover();
  const xss = await page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null);
  expect(xss).toBeNull();
  expect(dialogs).toEqual([]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/<script>window.__xss = 'title'<\/script>Hostile/u);
  await expect(page.getByRole('region', { name: 'Level 3 - Intermediate' }).getByRole('listitem')).toHaveText([
    'Uses images',
    'link in item',
    'Applies safely',
    'Framed',
  ]);
  await expect(page.getByRole('link', { name: 'Sneaky course' })).toHaveCount(0);
  await expect(page.getByText('Sneaky course')).toBeVisible();
});
