import { expect, test, type Page } from '@playwright/test';
import { courseChoices, findCourses, parseCourseFilter, PER_PAGE } from '../../lib/course-finder';
import { fixtureCourses } from '../support/cards';
import { expectNoAxeViolations } from './axe';
import { MID } from './fixture';

/** The course finder (`/courses`) and the course pages, on the suite's fixture catalogue. */
const COURSES = fixtureCourses();
const choices = courseChoices(COURSES);
const expected = (query: string) => findCourses(COURSES, parseCourseFilter(new URLSearchParams(query), choices).filter);
const countText = (n: number) => `${n === 1 ? '1 course' : `${n} courses`}, page 1 of ${Math.max(1, Math.ceil(n / PER_PAGE))}`;

async function finder(page: Page, path = '/courses') {
  await page.goto(path);
  return page.getByRole('form', { name: 'Filter courses' });
}

test.describe('the course finder', () => {
  test('lists every course; without JavaScript its form filters by competency, level and price, and the address keeps the filter', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const form = await finder(page);
    await expect(page.locator('#course-count')).toHaveText(countText(COURSES.length));
    const pages = Math.ceil(COURSES.length / PER_PAGE);
    expect(pages, 'the fixture catalogue fills more than one page').toBeGreaterThan(1);
    await page.getByRole('navigation', { name: 'Result pages' }).getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(/\/courses\?page=2$/u);
    await expect(page.locator('#course-count')).toHaveText(`${COURSES.length} courses, page 2 of ${pages}`);
    await expect(page.locator('.course-result__title').first()).toHaveText(COURSES[PER_PAGE]!.title);
    await form.getByLabel('Competency').selectOption('Customer-Service');
    await form.getByLabel('Proficiency level').selectOption('3');
    await form.getByRole('button', { name: 'Find courses' }).click();
    await expect(page).toHaveURL(/\/courses\?q=&competency=Customer-Service&level=3&provider=&modality=&credit=&price=&duration=$/u);
    const found = expected('competency=Customer-Service&level=3');
    expect(found.length, 'the fixture has courses for Customer Service at level 3').toBeGreaterThan(0);
    await expect(page.locator('#course-count')).toHaveText(countText(found.length));
    await expect(page.locator('.course-result__title').first()).toHaveText(found[0]!.title);
    // The form shows what the address asks for.
    await expect(page.getByLabel('Competency')).toHaveValue('Customer-Service');

    await page.getByLabel('Price').selectOption('free');
    await page.getByRole('button', { name: 'Find courses' }).click();
    const free = expected('competency=Customer-Service&level=3&price=free');
    await expect(page.locator('#course-count')).toHaveText(countText(free.length));
    for (const facts of await page.locator('.course-result .course-facts').allTextContents()) expect(facts).toContain('Free');
    await context.close();
  });

  test('an address it cannot use is answered with what it could use and a sentence for the rest, never an error', async ({ page }) => {
    const response = await page.goto('/courses?level=9&price=cheap&duration=forever&colour=red&competency=%ZZ');
    expect(response?.status()).toBe(200);
    const notices = page.getByRole('status').filter({ hasText: 'was ignored' });
    await expect(notices).toContainText('A proficiency level is a number from 1 to 5');
    await expect(notices).toContainText('“colour” is not a filter of the course finder');
    await expect(page.locator('#course-count')).toHaveText(countText(COURSES.length));
    expect((await page.request.get('/courses/not-a-course')).status()).toBe(404);
    expect((await page.request.get('/courses/%ZZ')).status()).toBe(400);
  });

  test('a course page says what the course builds and lists the cards that list it; a card page links to it', async ({ page }) => {
    await page.goto(MID);
    const details = page
      .locator('.course-list')
      .getByRole('link', { name: /^Course details/u })
      .first();
    const title = (await details.getAttribute('href'))!;
    await details.click();
    await expect(page).toHaveURL(new RegExp(`${title}$`, 'u'));
    const course = COURSES.find((c) => `/courses/${c.slug}` === title)!;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(course.title);
    await expect(page.getByRole('link', { name: /^Go to the course/u })).toHaveAttribute('href', course.url);
    const cards = page.getByRole('heading', { name: 'Cards that list it' }).locator('xpath=following-sibling::ul[1]');
    await expect(cards.getByRole('link', { name: /Customer Service/u }).first()).toBeVisible();
    await expect(cards.locator(`a[href="${MID}"]`)).toHaveCount(1);
    await page.getByRole('link', { name: `Other courses for ${course.serves[0]!.competency}` }).click();
    await expect(page).toHaveURL(new RegExp(`/courses\\?competency=${course.serves[0]!.competencySlug}$`, 'u'));
    await expect(page.locator('#course-count')).toHaveText(countText(expected(`competency=${course.serves[0]!.competencySlug}`).length));
  });

  for (const width of [1280, 375]) {
    test(`axe finds no violations on the finder (filtered) and a course page at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await finder(page, '/courses?competency=Customer-Service&price=2000');
      await expectNoAxeViolations(page);
      await page.goto(`/courses/${COURSES[0]!.slug}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(COURSES[0]!.title);
      await expectNoAxeViolations(page);
    });
  }
});
