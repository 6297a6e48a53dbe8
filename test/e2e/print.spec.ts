import { expect, test } from '@playwright/test';
import { readPdf } from '../support/pdf';
import { FIXTURE, MID } from './fixture';

/**
 * Printing, as Chromium prints (page.pdf with the page's own @page sizes): what is on paper, read
 * back from the PDF. Chromium's print-to-PDF is the same layout engine as its print dialog.
 */
test.describe('print', () => {
  test('a card prints without its actions and breadcrumb, with every course and each course’s address', async ({ page }) => {
    await page.goto(MID);
    const folded = page.locator('details.course-more a[href^="http"]').first();
    await expect(folded).toBeHidden(); // folded on screen
    const title = ((await folded.textContent()) ?? '').trim();
    const href = (await folded.getAttribute('href')) ?? '';
    expect(title).not.toBe('');
    const pdf = await readPdf(await page.pdf({ format: 'Letter', preferCSSPageSize: true }));
    const text = pdf.pages.join('\n').replace(/\s+/gu, ' ');
    const heading = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
    expect(text).toContain(heading);
    expect(text).toContain(title.replace(/\s+/gu, ' ').slice(0, 30));
    expect(text.replace(/ /gu, '')).toContain(href.replace(/ /gu, '').slice(0, 40));
    expect(text).not.toContain('Add to my plan');
    expect(text).not.toContain('Download PDF');
    expect(text).not.toContain('Competency cards'); // the breadcrumb (and the header's link)
    expect(text).not.toMatch(/Show \d+ more/u);
    expect(pdf.sizes[0]).toEqual({ width: 612, height: 792 }); // Letter, portrait
  });

  test('the compare page keeps its columns on a landscape Letter page', async ({ page }) => {
    await page.goto(MID);
    await page.getByRole('link', { name: 'Compare Entry, Mid and Senior side by side' }).click();
    await expect(page.locator('.compare-grid')).toBeVisible();
    const pdf = await readPdf(await page.pdf({ format: 'Letter', preferCSSPageSize: true }));
    expect(pdf.sizes[0]).toEqual({ width: 792, height: 612 });
    const text = pdf.pages.join('\n');
    for (const level of ['Entry', 'Mid', 'Senior']) expect(text).toContain(level);
    expect(text).not.toContain('Competency cards');
  });

  test('the dashboard prints its results, not its filter form', async ({ page }) => {
    expect(FIXTURE.some((c) => c.careerLevel === 'Senior')).toBe(true);
    await page.goto('/cards?level=Senior');
    await expect(page.locator('.result-row').first()).toBeVisible();
    const first = ((await page.locator('.result-row .result-title').first().textContent()) ?? '').replace(/\s+/gu, ' ').trim();
    const pdf = await readPdf(await page.pdf({ format: 'Letter', preferCSSPageSize: true }));
    const text = pdf.pages.join('\n').replace(/\s+/gu, ' ');
    expect(text).toContain(first.slice(0, 30));
    expect(text).toMatch(/\d+ cards?/u);
    expect(text).not.toContain('Competency group'); // a facet's legend
    expect(text).not.toMatch(/Apply filters|Show \d+ results?/u);
    expect(text).not.toContain('Add to my plan');
  });
});
