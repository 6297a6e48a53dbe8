/** What people ran into on the dashboard (issue #14), each as a person would meet it. */
import { expect, test, type Page } from '@playwright/test';
import { signIn, signOut } from './auth';
import { expectNoAxeViolations } from './axe';
import { live } from './live';
import { cardsText, count, FIXTURE } from './fixture';

const results = (page: Page) => page.locator('.result-row');
const filters = (page: Page) => page.getByRole('form', { name: 'Filter cards' });
const tick = (page: Page, name: RegExp) => page.locator('#filter-form label.usa-checkbox__label').filter({ hasText: name }).click();

test.describe('the dashboard follows the address', () => {
  test('Back from a card restores the filters and the results', async ({ page }) => {
    await page.goto('/cards');
    await live(page);
    await tick(page, /^Senior \(GS 14–15\)/u);
    await page.getByLabel('Search text').fill('customer');
    await expect(page).toHaveURL(/\/cards\?level=Senior&q=customer$/u);
    const shown = await results(page).count();
    await results(page).first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/cards\/\d{3}-/u);
    await page.goBack();
    await expect(page).toHaveURL(/\/cards\?level=Senior&q=customer$/u);
    await expect(filters(page).getByRole('checkbox', { name: /^Senior \(GS 14–15\)/u })).toBeChecked();
    await expect(page.getByLabel('Search text')).toHaveValue('customer');
    await expect(results(page)).toHaveCount(shown);
  });

  test('Back works when the page was loaded with filters and one was added; the header link clears them', async ({ page }) => {
    await page.goto('/cards?series=0510');
    await live(page);
    await tick(page, /^Mid \(GS 10–13\)/u);
    await expect(page).toHaveURL(/\/cards\?series=0510&level=Mid$/u);
    await results(page).first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/cards\/510-/u);
    await page.goBack();
    await expect(filters(page).getByRole('checkbox', { name: /^Mid \(GS 10–13\)/u })).toBeChecked();
    await expect(results(page)).toHaveCount(count((c) => c.seriesCode === '0510' && c.careerLevel === 'Mid'));
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Competency cards' }).click();
    await expect(page).toHaveURL(/\/cards$/u);
    await expect(filters(page).getByRole('checkbox', { name: /^Mid \(GS 10–13\)/u })).not.toBeChecked();
    await expect(filters(page).getByRole('checkbox', { name: /0510 Accounting/u })).not.toBeChecked();
    await expect(page.locator('#result-count')).toHaveText(new RegExp(`^${cardsText(FIXTURE.length)}`, 'u'));
  });
});

test.describe('the GS grade field', () => {
  test('is a text field that says what is wrong, applies only a whole grade, explains the level it ticks', async ({ page }) => {
    await page.goto('/cards');
    await live(page);
    const grade = page.getByLabel('Your GS grade');
    await expect(grade).toHaveAttribute('type', 'text');
    await expect(grade).toHaveAttribute('inputmode', 'numeric');
    await grade.fill('16');
    await expect(page.getByText('Enter a GS grade from 1 to 15, as a whole number such as 11.')).toBeVisible();
    await expect(grade).toHaveValue('16');
    await expect(grade).toHaveAttribute('aria-invalid', 'true');
    // Typing 1, then 1: never filtered to GS 1 on the way to 11.
    await grade.fill('');
    await grade.pressSequentially('11', { delay: 150 });
    await expect(page).toHaveURL(/grade=11/u);
    await expect(page.getByRole('link', { name: /GS 1 \(/u })).toHaveCount(0);
    await expect(page.getByText('Mid is ticked by GS grade 11; unticking it clears the grade.')).toBeVisible();
    // Unticking the level the grade ticked clears the grade, as the sentence says.
    await tick(page, /^Mid \(GS 10–13\)/u);
    await expect(grade).toHaveValue('');
    await expect(page).not.toHaveURL(/grade=/u);
    await grade.fill('5');
    await expect(page.getByText('GS 5 is below the card levels; showing Entry (GS 7–9), the nearest.')).toBeVisible();
    await expect(page.getByRole('link', { name: /GS 5 \(below the card levels; Entry\)/u })).toBeVisible();
  });
});

test.describe('on a phone (375 px)', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the filters fold away, the count is near the top, “Show N results” closes them and moves to the results', async ({ page }) => {
    await page.goto('/cards');
    await live(page);
    const summary = page.locator('summary.filters-summary');
    await expect(summary).toBeVisible();
    await expect(summary).toContainText(cardsText(FIXTURE.length));
    expect((await summary.boundingBox())!.y).toBeLessThan(600);
    await expect(page.getByLabel('Search text')).toBeHidden();
    await summary.click();
    await tick(page, /0510 Accounting/u);
    const n = count((c) => c.seriesCode === '0510');
    await expect(summary).toContainText(`(1 on) · ${cardsText(n)}`);
    await page.getByRole('button', { name: `Show ${n} results` }).click();
    await expect(page.getByLabel('Search text')).toBeHidden();
    await expect(page.locator('#results-heading')).toBeFocused();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoAxeViolations(page);
  });
});

test.describe('chips, order, page size, pages', () => {
  test('chips show counts; 10 / 25 / 50 per page and the order are kept in the address; “page x of y” always', async ({ page }) => {
    await page.goto('/cards?series=0510');
    await live(page);
    await expect(page.getByRole('link', { name: `Remove filter Series 0510 (${count((c) => c.seriesCode === '0510')})` })).toBeVisible();
    await page.goto('/cards');
    await live(page);
    await expect(page.locator('#result-count')).toHaveText(`${cardsText(FIXTURE.length)}, page 1 of ${Math.ceil(FIXTURE.length / 25)}`);
    await page.getByLabel('Per page').selectOption('10');
    await expect(page).toHaveURL(/per=10/u);
    await expect(results(page)).toHaveCount(10);
    await expect(page.locator('#result-count')).toHaveText(`${cardsText(FIXTURE.length)}, page 1 of ${Math.ceil(FIXTURE.length / 10)}`);
    await page.getByLabel('Sort by').selectOption('level');
    await expect(page).toHaveURL(/sort=level/u);
    await expect(results(page).first()).toContainText('Entry');
    await page.getByLabel('Sort by').selectOption('competency');
    await expect(results(page).first().locator('.result-title')).toContainText('Accountability');
    await expect(page).toHaveURL(/sort=competency/u);
    await page.reload();
    await expect(page.getByLabel('Per page')).toHaveValue('10');
    await expect(page.getByLabel('Sort by')).toHaveValue('competency');
    await expect(results(page)).toHaveCount(10);
    // With a text query, relevance is offered (and is the default).
    await page.getByLabel('Search text').fill('customer');
    await expect(page.getByLabel('Sort by')).toHaveValue('competency');
    await expect(page.getByLabel('Sort by').locator('option')).toHaveText(['Relevance', 'Series', 'Career level', 'Competency']);
  });
});

test.describe('selecting cards to export', () => {
  test('one result says so; a selected card hidden by a new filter is named and can be cleared; focus stays in place', async ({ page }) => {
    await page.goto('/cards?series=0510&competency=Customer-Service&level=Senior');
    await live(page);
    await expect(page.locator('label[for="select-all"]')).toHaveText('Select the 1 result');
    await page.goto('/cards?series=0510');
    await live(page);
    await results(page).first().locator('label.usa-checkbox__label').click();
    await expect(page.locator('.export-count')).toHaveText('1 card selected.');
    await tick(page, /^Senior \(GS 14–15\)/u);
    await expect(page.locator('.export-count')).toContainText(/1 card selected, 1 of them not shown here\.|1 card selected\./u);
    const hidden = page.getByRole('button', { name: /not shown/u });
    if (await hidden.count()) {
      await hidden.click();
      await expect(page.locator('.export-count')).toHaveText('No cards selected.');
    }
    await results(page).first().locator('label.usa-checkbox__label').click();
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await expect(page.locator('#select-all')).toBeFocused();
  });

  test('the “your series and career level” note goes once the filter changes', async ({ page }) => {
    await signIn(page, 'nora', 'Agency test IdP', '/profile');
    await page.getByLabel('Job series').selectOption('0511');
    await page.getByLabel('GS grade').fill('12');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Your profile is saved.')).toBeVisible();
    await page.goto('/cards');
    await expect(page.getByText('Showing your series and career level.')).toBeVisible();
    await expect(page.getByLabel('Your GS grade')).toHaveValue('12');
    await expect(filters(page).getByRole('checkbox', { name: /0511 Auditing/u })).toBeChecked();
    await page.getByRole('link', { name: 'Clear all' }).click();
    await expect(page.getByText('Showing your series and career level.')).toBeHidden();
    await expect(page).toHaveURL(/\/cards\?all=1$/u);
    await signOut(page);
  });
});
