import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { FACET_FOLD_AT, FACET_PREVIEW } from '../../lib/dashboard';
import { live } from './live';
import { cardsText, count, FIXTURE, MID } from './fixture';

const results = (page: Page) => page.locator('.result-row');
/** USWDS checkboxes are styled labels over visually hidden inputs: click the label, as a person does. */
const tick = (page: Page, name: RegExp) => page.locator('#filter-form label.usa-checkbox__label').filter({ hasText: name }).click();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const filters = (page: Page) => page.getByRole('form', { name: 'Filter cards' });

test.describe('the card dashboard', () => {
  test('reading the first page downloads no card data; reaching for the filters, or a filtered address, loads it', async ({ page }) => {
    const data: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/data/cards.json') data.push(r.url());
    });
    await page.goto('/cards');
    await expect(results(page).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(data).toEqual([]);
    await expect(page.locator('form[data-live="false"]')).toBeAttached();
    await page.getByLabel('Search text').focus();
    await expect(page.locator('form[data-live="true"]')).toBeAttached();
    expect(data).toHaveLength(1);
    data.length = 0;
    await page.goto('/cards?level=Senior');
    await expect(page.locator('form[data-live="true"]')).toBeAttached();
    expect(data).toHaveLength(1);
    await expect(page.locator('#result-count')).toHaveText(new RegExp(`^${cardsText(count((c) => c.careerLevel === 'Senior'))}`, 'u'));
  });

  test('/ is a front door: the catalogue’s size from the data, and the two ways in', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan your growth in federal financial management');
    await expect(page.getByRole('list', { name: 'What the portal holds' })).toContainText(`${FIXTURE.length} competency cards`);
    await page.getByLabel('Job series').selectOption('0510');
    await page.getByLabel('GS grade').fill('11');
    await page.getByRole('button', { name: 'Show my cards' }).click();
    await expect(page).toHaveURL(/\/cards\?series=0510&grade=11$/u);
    await expect(page.locator('#result-count')).toHaveText(new RegExp(`^${cardsText(count((c) => c.seriesCode === '0510' && c.careerLevel === 'Mid'))}`, 'u'));
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search the cards' }).fill('survey');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/cards\?q=survey$/u);
    await expect(page.locator('.result-row').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('filtering on 0510 + Mid + a competency returns exactly the Mid seed card, in the browser, without a round trip', async ({ page }) => {
    await page.goto('/cards');
    await live(page);
    const documentRequests: string[] = [];
    page.on('request', (r) => {
      // A round trip for the filter would be a page load or an RSC fetch of /cards.
      const url = new URL(r.url());
      if (url.pathname === '/cards' && (r.resourceType() === 'document' || url.searchParams.has('_rsc') || r.headers()['rsc'] === '1')) {
        documentRequests.push(r.url());
      }
    });
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await tick(page, /0510 Accounting/u);
    await tick(page, /^Mid \(GS 10–13\)/u);
    await expect(results(page)).toHaveCount(count((c) => c.seriesCode === '0510' && c.careerLevel === 'Mid'));
    await tick(page, /^Customer Service \(/u);
    await expect(results(page)).toHaveCount(1);
    await expect(results(page).getByRole('link')).toHaveAttribute('href', MID);
    await expect(results(page)).toContainText('0510 Accounting · Mid (GS 10–13) · Personal');
    await expect(page.locator('#result-count')).toHaveText('1 card, page 1 of 1');
    await expect(page).toHaveURL(/\/cards\?series=0510&level=Mid&competency=Customer-Service$/u);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(documentRequests).toEqual([]);
    // A value that would yield nothing is disabled, not hidden.
    await expect(filters(page).getByRole('checkbox', { name: /^Entry \(GS 7–9\) \(0\)/u })).toBeDisabled();
    await expect(filters(page).getByRole('checkbox', { name: /^Leading \(0\)/u })).toBeDisabled();
  });

  test('a GS grade selects its career level', async ({ page }) => {
    await page.goto('/cards');
    await live(page);
    await page.getByLabel('Your GS grade').fill('14');
    await expect(page.locator('#result-count')).toHaveText(new RegExp(`^${cardsText(count((c) => c.careerLevel === 'Senior'))} at Senior level`, 'u'));
    await expect(page).toHaveURL(/grade=14/u);
  });

  test('a filtered URL survives reload, and back/forward restore the filters', async ({ page }) => {
    await page.goto('/cards?series=0510&level=Mid&group=Personal&q=survey');
    await expect(results(page)).toHaveCount(1);
    const personal0510 = count((c) => c.seriesCode === '0510' && c.group === 'Personal');
    await page.reload();
    await live(page);
    await expect(filters(page).getByRole('checkbox', { name: /0510 Accounting/u })).toBeChecked();
    await expect(filters(page).getByRole('checkbox', { name: /^Personal/u })).toBeChecked();
    await expect(page.getByLabel('Search text')).toHaveValue('survey');
    await expect(results(page)).toHaveCount(1);

    await page.getByRole('link', { name: 'Remove filter Mid level' }).click();
    await expect(page).toHaveURL(/\/cards\?series=0510&group=Personal&q=survey$/u);
    await page.getByRole('link', { name: 'Remove filter Text: “survey”' }).click();
    await expect(results(page)).toHaveCount(personal0510);
    await expect(page).toHaveURL(/\/cards\?series=0510&group=Personal$/u);
    await page.goBack();
    await expect(page).toHaveURL(/\/cards\?series=0510&group=Personal&q=survey$/u);
    await expect(results(page)).toHaveCount(1);
    await page.goBack();
    await expect(filters(page).getByRole('checkbox', { name: /^Mid \(GS 10–13\)/u })).toBeChecked();
    await page.goForward();
    await expect(filters(page).getByRole('checkbox', { name: /^Mid \(GS 10–13\)/u })).not.toBeChecked();
    await page.getByRole('link', { name: 'Clear all' }).click();
    await expect(page).toHaveURL(/\/cards$/u);
    await expect(page.locator('#result-count')).toHaveText(new RegExp(`^${cardsText(FIXTURE.length)}`, 'u'));
  });

  test('a text search for "survey" finds the Mid card', async ({ page }) => {
    await page.goto('/cards');
    await live(page);
    await page.getByLabel('Search text').fill('customer satisfaction surveys');
    await expect(results(page).first().getByRole('link')).toHaveAttribute('href', /Customer-Service-(Mid|Senior)$/u);
    await page.getByLabel('Search text').fill('qqqzzz');
    await expect(page.getByRole('heading', { name: 'No cards match' })).toBeVisible();
    await expect(page.locator('#result-count')).toHaveText('0 cards, page 1 of 1');
  });

  test('works with JavaScript disabled, through the GET form', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto('/cards');
    await expect(page.locator('#result-count')).toHaveText(new RegExp(`^${cardsText(FIXTURE.length)}`, 'u'));
    await tick(page, /0510 Accounting/u);
    await tick(page, /^Mid \(GS 10–13\)/u);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/\/cards\?q=&grade=&series=0510&level=Mid&sort=&per=$/u);
    await expect(results(page)).toHaveCount(count((c) => c.seriesCode === '0510' && c.careerLevel === 'Mid'));
    await page.getByLabel('Search text').fill('survey');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(results(page)).toHaveCount(1);
    await expect(results(page).getByRole('link')).toHaveAttribute('href', MID);
    await page.getByRole('link', { name: 'Clear all' }).click();
    await expect(page.locator('#result-count')).toHaveText(new RegExp(`^${cardsText(FIXTURE.length)}`, 'u'));
    await context.close();
  });

  test('unknown or malformed parameters are ignored with a visible notice, never a 500', async ({ page }) => {
    for (const query of [
      'series=9999&level=Boss',
      'page=abc&grade=99',
      'q=%E0%A4%A&series=%ZZ',
      'competency=%3Cscript%3E&utm_source=x',
      'series[]=1&series=0510',
    ]) {
      const response = await page.goto(`/cards?${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(page.getByRole('alert').filter({ hasText: 'ignored' }).first(), query).toBeVisible();
    }
  });

  test('axe finds no violations with filters applied', async ({ page }) => {
    await page.goto('/cards?series=0510&level=Mid&q=customer&bogus=1');
    await live(page);
    await expectNoAxeViolations(page);
    await page.goto('/cards?q=nothing-matches-this');
    await expectNoAxeViolations(page);
  });
});

test.describe('a long competency list', () => {
  const competencies = [...new Map(FIXTURE.map((c) => [c.competencySlug, c.competency])).entries()];
  const group = (page: Page) => filters(page).getByRole('group', { name: 'Competency', exact: true });
  const boxes = (page: Page) => group(page).getByRole('checkbox');

  test('lists a preview first; “Show all” opens the rest in place with a box that narrows it', async ({ page }) => {
    expect(competencies.length, 'the fixture has a long competency list').toBeGreaterThan(FACET_FOLD_AT);
    await page.goto('/cards');
    await expect(boxes(page)).toHaveCount(FACET_PREVIEW);
    const more = group(page).getByRole('button', { name: `Show all ${competencies.length} competencies` });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expectNoAxeViolations(page);
    await more.click();
    await expect(boxes(page)).toHaveCount(competencies.length);
    const fewer = group(page).getByRole('button', { name: 'Show fewer competencies' });
    await expect(fewer).toHaveAttribute('aria-expanded', 'true');
    await expect(page).toHaveURL(/\/cards$/u);
    // The find box narrows the list as a person types; Enter does not leave it.
    const find = group(page).getByRole('searchbox', { name: 'Find a competency' });
    await find.fill('budget');
    const budget = competencies.filter(([, name]) => name.toLowerCase().includes('budget'));
    expect(budget.length).toBeGreaterThan(0);
    await expect(boxes(page)).toHaveCount(budget.length);
    await expect(group(page).getByRole('status')).toHaveText(`${budget.length} of ${competencies.length} competencies match.`);
    await find.press('Enter');
    await expect(find).toBeFocused();
    await expectNoAxeViolations(page);
    // Ticking one filters the results; folding the list again keeps the ticked one in view.
    const [slug, name] = budget[0]!;
    await tick(page, new RegExp(`^${escape(name)} \\(`, 'u'));
    await expect(page).toHaveURL(new RegExp(`competency=${slug}$`, 'u'));
    await expect(results(page)).toHaveCount(count((c) => c.competencySlug === slug));
    await fewer.click();
    await expect(group(page).locator('input:checked')).toHaveCount(1);
    await expect(group(page).getByRole('checkbox', { name: new RegExp(`^${escape(name)} \\(`, 'u') })).toBeChecked();
    await expect(group(page).getByRole('searchbox')).toHaveCount(0);
  });

  test('without JavaScript, “Show all” asks the server for every competency, and Apply folds it again', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto('/cards');
    await expect(boxes(page)).toHaveCount(FACET_PREVIEW);
    await group(page)
      .getByRole('button', { name: `Show all ${competencies.length} competencies` })
      .click();
    await expect(page).toHaveURL(/[?&]more=competency(&|$)/u);
    await expect(boxes(page)).toHaveCount(competencies.length);
    // A competency outside the preview: the one with the fewest cards, last in the list.
    const [slug, name] = competencies.toSorted(
      (a, b) => count((c) => c.competencySlug === a[0]) - count((c) => c.competencySlug === b[0]) || b[1].localeCompare(a[1], 'en'),
    )[0]!;
    await tick(page, new RegExp(`^${escape(name)} \\(`, 'u'));
    await group(page).getByRole('button', { name: 'Show fewer competencies' }).click();
    await expect(page).not.toHaveURL(/more=/u);
    await expect(page).toHaveURL(new RegExp(`competency=${slug}(&|$)`, 'u'));
    await expect(results(page)).toHaveCount(count((c) => c.competencySlug === slug));
    await expect(boxes(page)).toHaveCount(FACET_PREVIEW + 1);
    await expect(group(page).getByRole('checkbox', { name: new RegExp(`^${escape(name)} \\(`, 'u') })).toBeChecked();
    await context.close();
  });
});
