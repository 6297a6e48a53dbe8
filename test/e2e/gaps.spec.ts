/**
 * Rate yourself, see the gap, share it (issue #18): ratings from a card page (signed out too, and
 * without JavaScript), the gap view's chart against its table, targets from the next level, the
 * group filter, course links, isolation between people, and share links that expire and are revoked.
 */
import type { ChildProcess } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { Pool } from 'pg';
import { requiredLevel } from '../../lib/gaps';
import { proficiencyName } from '../../lib/cards/domain';
import { expectNoAxeViolations } from './axe';
import { completeSignIn, completeSignInWithoutScript, signIn } from './auth';
import { FIXTURE, MID } from './fixture';
import { startPortal } from './portal';

const midCard = FIXTURE.find((c) => c.url === MID)!;
const seniorCard = FIXTURE.find((c) => c.seriesCode === midCard.seriesCode && c.competency === midCard.competency && c.careerLevel === 'Senior')!;
const SLUG = midCard.competencySlug;
const levelText = (n: number) => `${n} ${proficiencyName(n)}`;

async function setProfile(page: Page, series: string, grade: number) {
  await page.goto('/profile');
  await page.getByLabel('Job series').selectOption(series);
  await page.getByLabel('GS grade').fill(String(grade));
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your profile is saved.')).toBeVisible();
}

/** Chooses a level in a rating form (USWDS draws its tile over the input: click the label). */
async function chooseLevel(page: Page, level: number) {
  await page
    .locator('.rating-form label')
    .filter({ hasText: new RegExp(`^${level} ${proficiencyName(level)}`, 'u') })
    .click();
}

async function rateOnRatePage(page: Page, level: number) {
  await page.goto(`/plan/rate/${SLUG}`);
  await chooseLevel(page, level);
  await page.getByRole('button', { name: /Save my rating/u }).click();
  await expect(page).toHaveURL(/\/plan\/gaps/u);
}

/** The gap table's rows and the chart's bars, as data, and the drawing measured against its scale. */
async function chartAndTable(page: Page) {
  const table = await page.locator('[data-gap-table] tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const e = r as HTMLElement;
      return {
        competency: e.dataset.competency,
        current: e.dataset.current,
        target: e.dataset.target,
        gap: e.dataset.gap,
        cells: [...r.querySelectorAll('td')].map((td) => td.textContent?.trim()),
      };
    }),
  );
  const chart = await page.locator('[data-gap-chart] g[data-competency]').evaluateAll((groups) =>
    groups.map((g) => {
      const e = g as SVGGElement;
      const trackElement = g.querySelector('.gap-chart__track');
      const track = Number(trackElement?.getAttribute('width'));
      const start = Number(trackElement?.getAttribute('x'));
      const bar = g.querySelector('.gap-chart__current');
      const mark = g.querySelector('.gap-chart__target');
      return {
        competency: e.dataset.competency,
        current: e.dataset.current,
        target: e.dataset.target,
        gap: e.dataset.gap,
        drawnCurrent: bar ? Math.round((5 * Number(bar.getAttribute('width'))) / track) : null,
        drawnTarget: mark ? Math.round((5 * (Number(mark.getAttribute('x1')) - start)) / track) : null,
      };
    }),
  );
  return { table, chart };
}

test.describe('rate yourself and see the gap', () => {
  test('signed out on a card page: rate, sign in, confirm; then the gap view, its chart equal to its table, next-level targets, the group filter and course links', async ({
    page,
  }) => {
    await page.goto(MID);
    const form = page.locator('.card-rating');
    await expect(form.getByRole('group', { name: new RegExp(`Your current proficiency in ${midCard.competency}`, 'u') })).toBeVisible();
    await chooseLevel(page, 2);
    await form.getByRole('button', { name: /Save my rating/u }).click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/u);
    await completeSignIn(page, 'rater-ria');
    // Back on the rating page with the choice kept, to confirm.
    await expect(page).toHaveURL(new RegExp(`/plan/rate/${SLUG}\\?level=2$`, 'u'));
    await expect(page.getByText('You chose level 2 before signing in.')).toBeVisible();
    await expect(page.getByRole('radio', { name: /^2 Basic/u })).toBeChecked();
    await page.getByRole('button', { name: /Save my rating/u }).click();
    await expect(page).toHaveURL(/\/plan\/gaps/u);
    await expect(page.getByText(`Your rating of ${midCard.competency} is saved`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Set your series and grade first' })).toBeVisible();

    await setProfile(page, midCard.seriesCode, 11);
    await page.goto('/plan/gaps');
    const target = requiredLevel(midCard)!;
    const row = page.locator(`[data-gap-table] tbody tr[data-competency="${midCard.competency}"]`);
    await expect(row).toHaveAttribute('data-current', '2');
    await expect(row).toHaveAttribute('data-target', String(target));
    await expect(row.locator('td[data-label="Current"]')).toContainText(levelText(2));
    await expect(row.locator('td[data-label="Target"]')).toContainText(levelText(target));
    // Rated competencies with a gap come first.
    if (target > 2) await expect(page.locator('[data-gap-table] tbody tr').first()).toHaveAttribute('data-competency', midCard.competency);

    // The chart holds exactly the table's rows, in order, and draws each at its figures.
    const { table, chart } = await chartAndTable(page);
    expect(table.length).toBe(
      FIXTURE.filter((c) => c.seriesCode === midCard.seriesCode)
        .map((c) => c.competency)
        .filter((c, i, all) => all.indexOf(c) === i).length,
    );
    expect(chart.map(({ competency, current, target: t, gap }) => ({ competency, current, target: t, gap }))).toEqual(
      table.map(({ competency, current, target: t, gap }) => ({ competency, current, target: t, gap })),
    );
    for (const bar of chart) {
      expect(bar.drawnCurrent).toBe(bar.current ? Number(bar.current) : null);
      expect(bar.drawnTarget).toBe(bar.target ? Number(bar.target) : null);
    }
    await expect(page.locator('#gap-summary')).toContainText(`you have rated 1.`);

    // Course links for each missing level go to the finder, filtered.
    if (target > 2) {
      const link = row.getByRole('link', { name: new RegExp(`Level 3 courses for ${midCard.competency}`, 'u') });
      await expect(link).toHaveAttribute('href', `/courses?competency=${SLUG}&level=3`);
    }

    // Targets from the next career level: the Senior card's.
    await page.getByText('The next career level').click();
    await page.getByRole('button', { name: 'Use these targets' }).click();
    await expect(page.getByText('Your targets now come from the cards you chose.')).toBeVisible();
    await expect(row).toHaveAttribute('data-target', String(requiredLevel(seniorCard)));
    await expect(row.locator('td[data-label="Target"] a')).toHaveAttribute('href', seniorCard.url);

    // The group filter (a GET form): only that group's competencies.
    await page.getByLabel('Competency group').selectOption(midCard.group);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`group=${midCard.group}`, 'u'));
    const groups = await page.locator('[data-gap-table] tbody td[data-label="Group"]').allTextContents();
    expect(groups.length).toBeGreaterThan(0);
    expect(new Set(groups.map((g) => g.replace(/^Group:\s*/u, '').trim()))).toEqual(new Set([midCard.group]));

    // A second rating: the history is a timeline, the latest counts.
    await rateOnRatePage(page, 3);
    await expect(row).toHaveAttribute('data-current', '3');
    await expect(row.locator('.rating-timeline li')).toHaveCount(2);

    // My plan shows the rating, and its CSV carries rating, target and gap.
    await page.goto(MID);
    await page.getByRole('button', { name: /Add to my plan/u }).click();
    await expect(page.getByRole('button', { name: /In my plan/u })).toBeVisible();
    await page.goto('/plan');
    await expect(page.locator('.plan-rating').first()).toContainText(`Your rating: ${levelText(3)}`);
    const csv = await page.request.get('/plan/export?format=csv');
    const [header, first] = (await csv.text()).replace(/^\uFEFF/u, '').split('\r\n');
    expect(header?.split(',').slice(3, 6)).toEqual(['Your rating', 'Target level', 'Gap']);
    const seniorTarget = requiredLevel(seniorCard)!;
    expect(first?.split(',').slice(3, 6)).toEqual(['3', String(seniorTarget), String(Math.max(0, seniorTarget - 3))]);
  });

  test('without JavaScript: rate on a card page and set targets', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/signin?callbackUrl=/profile');
    await completeSignInWithoutScript(page, 'rater-nojs', '/profile');
    await page.getByLabel('Job series').selectOption(midCard.seriesCode);
    await page.getByLabel('GS grade').fill('12');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Your profile is saved.')).toBeVisible();
    await page.goto(MID);
    await chooseLevel(page, 4);
    await page
      .locator('.card-rating')
      .getByRole('button', { name: /Save my rating/u })
      .click();
    await expect(page).toHaveURL(/\/plan\/gaps\?rated=/u);
    await expect(page.locator(`[data-gap-table] tbody tr[data-competency="${midCard.competency}"]`)).toHaveAttribute('data-current', '4');
    await page.getByText('The next career level').click();
    await page.getByRole('button', { name: 'Use these targets' }).click();
    await expect(page.getByText('Your targets now come from the cards you chose.')).toBeVisible();
    await context.close();
  });

  test('bad ratings get a sentence; nobody reads or changes another person’s ratings', async ({ page, browser, baseURL }) => {
    await signIn(page, 'rater-uma');
    const origin = { Origin: baseURL ?? '' };
    for (const [data, status] of [
      [{ competency: SLUG, level: 6 }, 400],
      [{ competency: SLUG, level: 'three' }, 400],
      [{ competency: 'No-Such-Competency', level: 3 }, 404],
      [{ competency: '../x', level: 3 }, 400],
      [{ competency: SLUG, level: 3, userId: 'someone-else' }, 400],
    ] as const) {
      const r = await page.request.post('/api/ratings', { data, headers: origin });
      expect(r.status(), JSON.stringify(data)).toBe(status);
      const { error } = (await r.json()) as { error?: unknown };
      expect(typeof error === 'string' && error.length > 0, `a sentence for ${JSON.stringify(data)}`).toBe(true);
    }
    expect((await page.request.post('/api/ratings', { data: { competency: SLUG, level: 5 }, headers: origin })).status()).toBe(201);
    // Cross-site: refused before anything is read.
    expect((await page.request.post('/api/ratings', { data: { competency: SLUG, level: 1 }, headers: { Origin: 'https://evil.example' } })).status()).toBe(403);

    const other = await browser.newContext({ baseURL });
    const victor = await other.newPage();
    await signIn(victor, 'rater-victor');
    const theirs = await victor.request.get('/api/ratings');
    expect((await theirs.json()).ratings).toEqual([]);
    const mine = await page.request.get('/api/ratings');
    expect((await mine.json()).ratings.map((r: { level: number }) => r.level)).toEqual([5]);
    await other.close();
    // Signed out: a script gets 401.
    expect((await page.context().request.fetch('/api/ratings', { headers: { Cookie: '' } })).status()).toBe(401);
  });
});

async function makeLink(page: Page, days: 7 | 30 | 90): Promise<string> {
  await page.goto('/plan');
  await page.getByLabel('The link stays open for').selectOption(String(days));
  await page.getByRole('button', { name: 'Make a link' }).click();
  await expect(page.getByText('Your link is ready')).toBeVisible();
  return (await page.locator('[data-share-path]').first().getAttribute('data-share-path'))!;
}

async function openAsStranger(browser: Browser, baseURL: string | undefined, sharePath: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const response = await page.goto(sharePath);
  return { context, page, status: response?.status() };
}

test.describe('share with a supervisor', () => {
  test('a link opens the plan and gaps without sign-in, noindex, names its owner, hides notes; revoked it is 410; nobody else can revoke it', async ({
    page,
    browser,
    baseURL,
  }) => {
    await signIn(page, 'sharer-sofia');
    await setProfile(page, midCard.seriesCode, 11);
    await rateOnRatePage(page, 2);
    const origin = { Origin: baseURL ?? '' };
    const added = await page.request.post('/api/bookmarks', { data: { permalink: MID, intent: 'add' }, headers: origin });
    const bookmarkId = (await added.json()).bookmark.id as string;
    const note = 'Private: ask for the audit detail in spring';
    expect((await page.request.patch(`/api/bookmarks/${bookmarkId}`, { data: { progress: 'in-progress', note }, headers: origin })).status()).toBe(200);
    const sharePath = await makeLink(page, 30);
    expect(sharePath).toMatch(/^\/share\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/u);
    await expect(page.locator('[data-share-path]').first()).toHaveValue(`${baseURL}${sharePath}`);
    await expect(page.locator('#share')).toContainText(/Link open until/u);

    const stranger = await openAsStranger(browser, baseURL, sharePath);
    expect(stranger.status).toBe(200);
    // The test IdP names its people "Test <login>".
    await expect(stranger.page.getByRole('heading', { level: 1 })).toHaveText(/^Development plan of (Test )?sharer-sofia$/u);
    await expect(stranger.page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/u);
    await expect(stranger.page.locator(`[data-gap-table] tbody tr[data-competency="${midCard.competency}"]`)).toHaveAttribute('data-current', '2');
    await expect(stranger.page.getByRole('link', { name: midCard.title, exact: true })).toBeVisible();
    await expect(stranger.page.getByText(/In progress/u).first()).toBeVisible();
    expect(await stranger.page.content()).not.toContain(note);
    await expect(stranger.page.getByRole('link', { name: /^Rate/u })).toHaveCount(0);
    await expect(stranger.page.locator('form[method="post"]')).toHaveCount(0);
    const headers = (await stranger.page.request.get(sharePath, { maxRedirects: 0 })).headers();
    expect(headers['x-robots-tag']).toBe('noindex, nofollow');
    await expectNoAxeViolations(stranger.page);
    await stranger.page.setViewportSize({ width: 375, height: 800 });
    await expectNoAxeViolations(stranger.page);

    // Another person cannot revoke it, nor see it.
    const id = sharePath.split('/')[2]!.split('.')[0]!;
    const other = await browser.newContext({ baseURL });
    const olga = await other.newPage();
    await signIn(olga, 'sharer-olga');
    const refused = await olga.request.post(`/api/share-links/${id}/revoke`, { headers: { Origin: baseURL ?? '' } });
    expect(refused.status()).toBe(404);
    expect((await (await olga.request.get('/api/share-links')).json()).links).toEqual([]);
    await other.close();
    expect((await stranger.page.goto(sharePath))?.status()).toBe(200);

    // An altered token is not a link.
    const forged = `${sharePath.slice(0, -1)}${sharePath.endsWith('A') ? 'B' : 'A'}`;
    const unknown = await stranger.page.goto(forged);
    expect(unknown?.status()).toBe(404);

    // Revoked: the address and the view both end at a 410 with a sentence.
    await page.goto('/plan');
    await page.getByRole('button', { name: /^Revoke/u }).click();
    await expect(page.getByText('The link is revoked')).toBeVisible();
    await expect(page.getByText('You have no open links.')).toBeVisible();
    for (const address of [sharePath, `${sharePath}/view`]) {
      const gone = await stranger.page.goto(address);
      expect(gone?.status(), address).toBe(410);
      await expect(stranger.page.getByRole('heading', { level: 1 })).toHaveText('This link no longer works');
      await expect(stranger.page.getByText(/withdrawn by its owner on/u)).toBeVisible();
    }
    await stranger.context.close();
  });

  test('every new page passes axe at desktop and phone width', async ({ page }) => {
    await signIn(page, 'axe-gaps');
    await setProfile(page, midCard.seriesCode, 11);
    await rateOnRatePage(page, 3);
    await makeLink(page, 7);
    for (const address of ['/plan/gaps', `/plan/rate/${SLUG}`, '/plan', MID]) {
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(address);
        await expectNoAxeViolations(page);
      }
    }
  });
});

/**
 * Expiry needs the clock moved: this test runs its own portal on PostgreSQL (TEST_DATABASE_URL, which
 * .ci/run always sets) and moves the link's expiry into the past in the database.
 */
test.describe('an expired link', () => {
  const url = process.env.TEST_DATABASE_URL;
  // A visible, counted skip, not a pass: without TEST_DATABASE_URL there is no PostgreSQL whose
  // clock-dependent row the test may move (.ci/run always sets one, so CI runs it).
  test.skip(!url, 'needs TEST_DATABASE_URL (a PostgreSQL the test can write to); .ci/run sets one');
  const port = Number(process.env.E2E_PORT ?? 3100) + 8;
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;
  let pool: Pool | null = null;

  test.beforeAll(async () => {
    pool = new Pool({ connectionString: url, max: 2 });
    server = await startPortal({ port, env: { NEXT_DIST_DIR: '.next-e2e', DATABASE_URL: url, RATE_LIMIT_SCALE: '100' } });
  });
  test.afterAll(async () => {
    server?.kill('SIGTERM');
    await pool?.end();
  });

  test('answers 410 with the date it expired, at the address and the view', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto('/signin?callbackUrl=/plan');
    await page.getByLabel('Your name').fill(`expiry-${Date.now()}`);
    await page.getByRole('button', { name: 'Sign in locally' }).click();
    await expect(page).toHaveURL(/\/plan$/u);
    const sharePath = await makeLink(page, 7);
    const id = sharePath.split('/')[2]!.split('.')[0]!;
    expect((await page.request.get(sharePath, { maxRedirects: 0 })).status()).toBe(303);
    await pool!.query(`update share_link set "expiresAt" = now() - interval '1 minute' where id = $1`, [id]);
    for (const address of [sharePath, `${sharePath}/view`]) {
      const stranger = await browser.newContext({ baseURL: base });
      const view = await stranger.newPage();
      const gone = await view.goto(address);
      expect(gone?.status(), address).toBe(410);
      await expect(view.getByText(/This link expired on/u)).toBeVisible();
      await stranger.close();
    }
    await page.goto('/plan');
    await expect(page.getByText('You have no open links.')).toBeVisible();
    await context.close();
  });
});
