import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

test.describe('card pages', () => {
  test('/cards/510-Customer-Service-Mid shows both proficiency levels with all their bullets, and both courses', async ({ page }) => {
    const response = await page.goto('/cards/510-Customer-Service-Mid');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle('0510 Accounting Mid Customer Service | FM Career Roadmap');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('0510 Accounting Mid Customer Service');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^Works with clients and customers/u);
    await expect(page.getByText('0510 Accounting', { exact: true })).toBeVisible();
    await expect(page.getByText('Mid, GS 10\u201313')).toBeVisible();

    const level3 = page.getByRole('region', { name: 'Level 3 - Intermediate' });
    const level4 = page.getByRole('region', { name: 'Level 4 - Advanced' });
    await expect(level3.getByRole('listitem')).toHaveText([
      'Designs and implements new or improved practices and strategies to improve customer service',
      'Develops customer satisfaction surveys, analyzes results, and makes necessary improvements',
      'Addresses customer service deficiencies by involving employees to identify solutions',
      'Applies the competency in difficult situations',
      'Requires occasional guidance',
      'Demonstrates understanding of concepts and processes',
    ]);
    await expect(level4.getByRole('listitem')).toHaveCount(6);
    await expect(level4.getByRole('listitem').first()).toHaveText(
      'Anticipates growing customer needs and expectations to continuously improve product development and service delivery',
    );

    const essentials = page.getByRole('link', { name: '4975: Essentials of Stakeholder Management' });
    await expect(essentials).toHaveAttribute('href', 'https://www.learningtree.com/courses/4975/essentials-of-stakeholder-management-training/');
    await expect(page.getByRole('link', { name: 'A Design Thinking Approach to Putting the Customer First' })).toHaveAttribute(
      'href',
      'https://www.linkedin.com/learning/a-design-thinking-approach-to-putting-the-customer-first',
    );

    await expect(page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Competency cards' })).toHaveAttribute('href', '/cards');
    await page.getByRole('link', { name: 'Senior (GS 14\u201315)' }).click();
    await expect(page).toHaveURL(/\/cards\/510-Customer-Service-Senior$/u);
  });

  test('/cards/510-Customer-Service-Senior shows GS 14–15 and Level 5 - Expert', async ({ page }) => {
    await page.goto('/cards/510-Customer-Service-Senior');
    await expect(page.getByText('Senior, GS 14\u201315')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Level 5 - Expert' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Level 5 - Expert' }).getByRole('listitem')).toHaveCount(6);
  });

  test('courses are the catalogue’s, grouped by proficiency level, then the card file’s own; a PDF of the card', async ({ page, request }) => {
    await page.goto('/cards/510-Customer-Service-Mid');
    const groups = page.locator('.course-group h3');
    await expect(groups.first()).toHaveText(/^Level 3 courses \(Intermediate\) \d+ courses?$/u);
    await expect(groups.last()).toHaveText('Also listed on this card');
    const free = page.locator('.course').filter({ hasText: 'Customer Service Basics (fixture)' });
    await expect(free).toContainText('Fixture Academy · Asynchronous');
    await expect(free).toContainText('Free');
    // The fixture's broken rows are left out; nothing else is.
    await expect(page.getByText('Broken link course (fixture)')).toHaveCount(0);
    await expect(page.getByText('Level nine course (fixture)')).toHaveCount(0);
    const pdf = await request.get((await page.getByRole('link', { name: /Download PDF/u }).getAttribute('href')) ?? '');
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await expectNoAxeViolations(page);
  });

  test('every address CFO.gov used for a card reaches its page: /cardsNew/<slug> leads to /cards/<slug>', async ({ page, request }) => {
    for (const slug of ['560-Customer-Service-Senior', '510-Customer-Service-Mid']) {
      const res = await request.get(`/cardsNew/${slug}`, { maxRedirects: 0 });
      expect(res.status(), slug).toBe(308);
      expect(res.headers().location, slug).toMatch(new RegExp(`/cards/${slug}$`, 'u'));
    }
    await page.goto('/cardsNew/560-Customer-Service-Senior');
    await expect(page).toHaveURL(/\/cards\/560-Customer-Service-Senior$/u);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('0560 Budget Analysis Senior Customer Service');
  });

  test('an unknown slug gets a 404 with the not-found page', async ({ page }) => {
    for (const path of ['/cards/510-No-Such-Card-Mid', '/cards/%3Cscript%3E', '/cardsNew/nothing-here']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    }
  });

  test('the shell: skip link, gov banner that opens, and every USWDS asset is served', async ({ page }) => {
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto('/cards/510-Customer-Service-Mid');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    const banner = page.getByRole('button', { name: 'Here\u2019s how you know' });
    await banner.click();
    await expect(banner).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByText('Official websites use .gov')).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    expect(failed).toEqual([]);
  });

  for (const path of ['/cards/510-Customer-Service-Mid', '/cards/510-Customer-Service-Senior', '/cards/does-not-exist']) {
    test(`axe finds no WCAG 2.1 AA violations on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }
});
