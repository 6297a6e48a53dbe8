import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { completeSignIn, completeSignInWithoutScript, signIn, signOut } from './auth';
import { MID, SENIOR } from './fixture';

/** The card's title as its page's heading shows it. */
async function cardTitle(page: Page, permalink: string): Promise<string> {
  await page.goto(permalink);
  return (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
}

test.describe('Add to my plan while signed out', () => {
  test('the sign-in page says why, and after signing in the card is in the plan and the person is back on the card', async ({ page }) => {
    const title = await cardTitle(page, MID);
    await expect(page.getByRole('button', { name: /Add to my plan/u })).toBeVisible();
    await page.getByRole('button', { name: /Add to my plan/u }).click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/u);
    await expect(page.getByRole('status').filter({ hasText: `Sign in to add “${title}” to your plan.` })).toBeVisible();
    await completeSignIn(page, 'pending-pat');
    await expect(page).toHaveURL(new RegExp(`${MID}$`, 'u')); // the message was shown and left the address
    await expect(page.getByRole('button', { name: /In my plan/u })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('Added to your plan.')).toBeVisible();
    await page.goto('/plan');
    await expect(page.locator('.plan-item')).toHaveCount(1);
    await expect(page.locator('.plan-item')).toContainText(title);
    // The remembered card was used once: nothing is left to add at the next sign-in.
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('fm-pending-bookmark');
    await signOut(page);
  });

  test('without JavaScript too, from the dashboard', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/cards?q=Customer+Service&level=Senior');
    const row = page.locator('li').filter({ has: page.locator(`a[href="${SENIOR}"]`) });
    await row.getByRole('button', { name: /Add to my plan/u }).click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/u);
    await expect(page.getByText(/Sign in to add “.+” to your plan\./u)).toBeVisible();
    await completeSignInWithoutScript(page, 'pending-quinn', '/cards');
    expect(new URL(page.url()).searchParams.get('saved')).toBe('added');
    expect(new URL(page.url()).searchParams.get('q')).toBe('Customer Service');
    await page.goto('/plan');
    await expect(page.locator(`.plan-item a[href="${SENIOR}"]`)).toBeVisible();
    await context.close();
  });

  test('a signed-out script still gets 401, and the pending address adds nothing by itself', async ({ page, baseURL }) => {
    const r = await page.request.post('/api/bookmarks', { data: { permalink: MID, intent: 'add' }, headers: { Origin: baseURL ?? '' } });
    expect(r.status()).toBe(401);
    await signIn(page, 'pending-rey');
    // Following a link to the pending address (with no card remembered) only goes on.
    await page.goto(`/api/bookmarks/pending?returnTo=${encodeURIComponent(MID)}`);
    await expect(page).toHaveURL(new RegExp(`${MID}$`, 'u'));
    await page.goto('/plan');
    await expect(page.getByRole('heading', { name: 'Your plan is empty' })).toBeVisible();
    const bad = await page.request.get('/api/bookmarks/pending?returnTo=x&extra=1', { maxRedirects: 0 });
    expect(bad.status()).toBe(400);
  });
});

test.describe('My plan is editable', () => {
  test('progress, a private note and a target date; the saved message does not come back on reload; Remove then Undo', async ({ page }) => {
    await signIn(page, 'plan-sam');
    await page.goto(MID);
    await page.getByRole('button', { name: /Add to my plan/u }).click();
    await expect(page.getByRole('button', { name: /In my plan/u })).toBeVisible();
    await page.goto('/plan');
    const item = page.locator('.plan-item').first();
    await expect(item.locator('.plan-progress')).toHaveText('Planned');
    await item.getByText(/Update progress, note and target date/u).click();
    await item
      .locator('label')
      .filter({ hasText: /^In progress$/u })
      .click(); // USWDS draws its own radio over the input
    await item.getByLabel('Private note').fill('Shadow the budget officer\nbefore the spring cycle');
    await item.getByLabel('Target date').fill('2027-06-30');
    await expectNoAxeViolations(page);
    await item.getByRole('button', { name: /^Save/u }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your changes are saved.' })).toBeVisible();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect(item.locator('.plan-progress')).toHaveText('In progress');
    await expect(item.locator('.plan-note')).toHaveText('Shadow the budget officer\nbefore the spring cycle');
    await expect(item.locator('.plan-meta')).toContainText('Target Jun 30, 2027');
    await page.reload();
    await expect(page.getByText('Your changes are saved.')).toHaveCount(0);
    await expect(item.locator('.plan-progress')).toHaveText('In progress');

    // The CSV carries them.
    const csv = await (await page.request.get('/plan/export?format=csv')).text();
    // No grade set: no rating, target or gap columns filled.
    expect(csv).toContain('In progress,,,,2027-06-30,"Shadow the budget officer\nbefore the spring cycle"');

    await item.getByRole('button', { name: /Remove/u }).click();
    await expect(page.getByRole('heading', { name: 'Your plan is empty' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'The card was removed from your plan.' })).toBeVisible();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await page.getByRole('button', { name: /Undo/u }).click();
    await expect(page.getByText('The card is back in your plan, with its note and dates.')).toBeVisible();
    await expect(page.locator('.plan-item .plan-note')).toHaveText(/Shadow the budget officer/u);
    await expect(page.locator('.plan-item .plan-progress')).toHaveText('In progress');
  });

  test('without JavaScript the plan form works, and bad input or another person’s bookmark gets a 4xx with a sentence', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page, 'plan-tess');
    await page.goto(SENIOR);
    await page.getByRole('button', { name: /Add to my plan/u }).click();
    await expect(page.getByRole('button', { name: /In my plan/u })).toBeVisible();
    const noJs = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await context.storageState() });
    const p = await noJs.newPage();
    await p.goto('/plan');
    const item = p.locator('.plan-item').first();
    await item.getByText(/Update progress, note and target date/u).click();
    await item
      .locator('label')
      .filter({ hasText: /^Done$/u })
      .click();
    await item.getByRole('button', { name: /^Save/u }).click();
    await expect(p).toHaveURL(/\/plan\?saved=updated#plan-item-[0-9a-f-]{36}$/u);
    await expect(p.locator('.plan-item .plan-progress')).toHaveText('Done');
    const action = (await item.locator('form.plan-edit__form').getAttribute('action')) ?? '';
    expect(action).toMatch(/^\/api\/bookmarks\/[0-9a-f-]{36}$/u);

    const origin = { Origin: baseURL ?? '' };
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ progress: 'abandoned' }, 400, /Choose planned, in progress or done/u],
      [{ progress: 'done', targetDate: '2027-02-30' }, 400, /real date/u],
      [{ progress: 'done', targetDate: '30/06/2027' }, 400, /real date/u],
      [{ progress: 'done', note: 'x'.repeat(1001) }, 400, /1000 characters/u],
      [{ progress: 'done', color: 'red' }, 400, /color|Unrecognized/u],
    ];
    for (const [form, status, message] of cases) {
      const r = await page.request.post(action, { form, headers: origin, maxRedirects: 0 });
      expect(r.status(), JSON.stringify(form).slice(0, 60)).toBe(status);
      expect(await r.text()).toMatch(message);
    }
    // Another person cannot read or change it, nor bring back what was removed.
    const other = await browser.newContext({ baseURL });
    const o = await other.newPage();
    await signIn(o, 'plan-uma');
    const theirs = await o.request.post(action, { form: { progress: 'planned', note: 'hijack' }, headers: origin, maxRedirects: 0 });
    expect(theirs.status()).toBe(404);
    const patch = await o.request.patch(action, { data: { progress: 'planned' }, headers: origin });
    expect(patch.status()).toBe(404);
    await p.getByRole('button', { name: /Remove/u }).click();
    const restore = await o.request.post(`${action}/restore`, { form: {}, headers: origin, maxRedirects: 0 });
    expect(restore.status()).toBe(404);
    await p.goto('/plan');
    await expect(p.getByRole('heading', { name: 'Your plan is empty' })).toBeVisible();
    await other.close();
    await noJs.close();
    await context.close();
  });
});

test.describe('account pages and the 404 on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('keep the site’s side margins and never scroll sideways; the 404 page’s title names it; axe finds nothing', async ({ page }) => {
    const check = async (path: string, heading: RegExp) => {
      await page.goto(path);
      const h1 = page.getByRole('heading', { level: 1 });
      await expect(h1).toHaveText(heading);
      const box = (await h1.boundingBox())!;
      expect(box.x, `${path}: heading's left margin`).toBeGreaterThanOrEqual(12);
      expect(box.x + box.width, `${path}: heading's right margin`).toBeLessThanOrEqual(320 - 12);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path}: sideways scroll`).toBeLessThanOrEqual(320);
      await expectNoAxeViolations(page);
    };
    await check('/signin', /^Sign in$/u);
    await check('/signout', /^Sign out$/u);
    const missing = await page.goto('/cards/510-No-Such-Card-Mid');
    expect(missing?.status()).toBe(404);
    await expect(page).toHaveTitle(/^Page not found \| /u);
    await check('/no/such/page', /^Page not found$/u);
    await expect(page).toHaveTitle(/^Page not found \| /u);
    await signIn(page, 'phone-val');
    await page.goto(MID);
    await page.getByRole('button', { name: /Add to my plan/u }).click();
    await expect(page.getByRole('button', { name: /In my plan/u })).toBeVisible();
    await check('/plan', /^My plan$/u);
    await page.getByText(/Update progress, note and target date/u).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page);
    await check('/profile', /^Your profile$|^Profile$/u);
    // The plan's download links are a button group, not a bulleted list.
    await page.goto('/plan');
    const marker = await page
      .locator('.plan-actions li')
      .first()
      .evaluate((li) => getComputedStyle(li).listStyleType);
    expect(marker).toBe('none');
    const labelled = await page
      .locator('section[aria-labelledby]')
      .evaluateAll((sections) => sections.map((s) => Boolean(document.getElementById(s.getAttribute('aria-labelledby') ?? ''))));
    expect(labelled.length).toBeGreaterThan(0);
    expect(labelled.every(Boolean)).toBe(true);
  });
});
