import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { signIn, signOut } from './auth';
import { count, MID } from './fixture';

test.describe('sign in, grade and bookmarks', () => {
  test('pages that need an account send a signed-out visitor to sign in; handlers answer 401', async ({ page, request }) => {
    await page.goto('/plan');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fplan$/u);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
    await page.goto('/profile');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprofile$/u);
    const r = await request.get('/api/bookmarks');
    expect(r.status()).toBe(401);
    expect(await r.json()).toEqual({ error: 'Sign in first.' });
    const post = await request.post('/api/bookmarks', { data: { permalink: MID } });
    expect(post.status()).toBe(401);
  });

  test('Login.gov-shaped sign-in: private_key_jwt, prompt=select_account and acr_values', async ({ page }) => {
    const authorize: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(`http://127.0.0.1:${process.env.E2E_OIDC_PORT ?? 3901}/auth`)) authorize.push(r.url());
    });
    await signIn(page, 'logingov-person', 'Login.gov');
    const url = new URL(authorize[0] ?? 'http://x');
    expect(url.searchParams.get('client_id')).toBe('logingov-test');
    expect(url.searchParams.get('prompt')).toBe('select_account');
    expect(url.searchParams.get('acr_values')).toBe('urn:acr.login.gov:auth-only');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect((url.searchParams.get('state') ?? '').length).toBeGreaterThanOrEqual(22);
    expect((url.searchParams.get('nonce') ?? '').length).toBeGreaterThanOrEqual(22);
    await signOut(page);
  });

  test('sign in, set grade 11, bookmark the Mid card; it stays after a reload; My plan says at my level; sign out', async ({ page }) => {
    await signIn(page, 'alice');
    await page.goto('/profile');
    await page.getByLabel('Job series').selectOption('0510');
    await page.getByLabel('GS grade').fill('11');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Your profile is saved.')).toBeVisible();

    await page.goto(MID);
    const button = page.getByRole('button', { name: /Add to my plan/u });
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await button.click();
    await expect(page.getByRole('button', { name: /In my plan/u })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('status').filter({ hasText: 'Added to your plan.' })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('button', { name: /In my plan/u })).toHaveAttribute('aria-pressed', 'true');

    await page.goto('/plan');
    const item = page.locator('.plan-item').filter({ hasText: '0510 Accounting Mid Customer Service' });
    await expect(item).toContainText('At my level');
    await expect(page.getByText('Your grade: GS 11, Mid level (GS 10–13).')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Customer Service' })).toBeVisible();

    // The dashboard starts at the person's series and level, and filters on the plan.
    await page.goto('/cards');
    await expect(page.getByText('Showing your series and career level.')).toBeVisible();
    await expect(page.locator('.result-row')).toHaveCount(count((c) => c.seriesCode === '0510' && c.careerLevel === 'Mid'));
    await page.locator('label', { hasText: 'Only cards in my plan' }).click();
    await expect(page).toHaveURL(/bookmarked=1/u);
    await expect(page.locator('.result-row')).toHaveCount(1);

    await signOut(page);
    await page.goto('/plan');
    await expect(page).toHaveURL(/\/signin/u);
  });

  test('the profile form says what is wrong with each field', async ({ page }) => {
    await signIn(page, 'carol', 'Agency test IdP', '/profile');
    await page.getByLabel('GS grade').fill('16');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Choose your job series.')).toBeVisible();
    await expect(page.getByText('A GS grade is from 1 to 15.')).toBeVisible();
    await expect(page.getByLabel('GS grade')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
    await signOut(page);
  });

  test('a second user sees none of the first user’s bookmarks, and cannot remove them', async ({ browser, baseURL }) => {
    const alice = await browser.newContext({ baseURL });
    const a = await alice.newPage();
    await signIn(a, 'dana');
    await a.goto(MID);
    await a.getByRole('button', { name: /Add to my plan/u }).click();
    await expect(a.getByRole('button', { name: /In my plan/u })).toBeVisible();
    await a.goto('/plan');
    const action = await a.locator('.plan-item form.plan-remove').first().getAttribute('action');
    expect(action).toMatch(/^\/api\/bookmarks\/[0-9a-f-]{36}\/remove$/u);

    const bob = await browser.newContext({ baseURL });
    const b = await bob.newPage();
    await signIn(b, 'erin');
    await b.goto('/plan');
    await expect(b.getByRole('heading', { name: 'Your plan is empty' })).toBeVisible();
    const list = await b.request.get('/api/bookmarks');
    expect(await list.json()).toEqual({ permalinks: [] });
    // Replaying Dana's remove form as Erin.
    const replay = await b.request.post(action ?? '', { form: { returnTo: '/plan' }, headers: { Origin: baseURL ?? '' }, maxRedirects: 0 });
    expect(replay.status()).toBe(404);
    const del = await b.request.delete((action ?? '').replace(/\/remove$/u, ''), { headers: { Origin: baseURL ?? '' } });
    expect(del.status()).toBe(404);
    // Dana's bookmark is still there.
    await a.reload();
    await expect(a.locator('.plan-item')).toHaveCount(1);
    await alice.close();
    await bob.close();
  });

  test('cross-site POSTs are rejected: the bookmark handler and a server action', async ({ page, baseURL }) => {
    await signIn(page, 'frank', 'Agency test IdP', '/profile');
    const evil = 'http://evil.example';
    const handler = await page.request.post('/api/bookmarks', { data: { permalink: MID, intent: 'add' }, headers: { Origin: evil } });
    expect(handler.status()).toBe(403);
    const formPost = await page.request.post('/api/bookmarks', {
      form: { permalink: MID, intent: 'add' },
      headers: { Origin: evil, 'Sec-Fetch-Site': 'cross-site' },
      maxRedirects: 0,
    });
    expect(formPost.status()).toBe(403);
    expect(await (await page.request.get('/api/bookmarks')).json()).toEqual({ permalinks: [] });

    // The profile form's server action: capture a real submission, then replay it from another origin.
    const submitted = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
    await page.getByLabel('Job series').selectOption('0510');
    await page.getByLabel('GS grade').fill('9');
    await page.getByRole('button', { name: 'Save profile' }).click();
    const original = await submitted;
    await expect(page.getByText('Your profile is saved.')).toBeVisible();
    const body = (original.postData() ?? '').replace('0510', '0511').replace(/"9"|\b9\b/u, '"15"');
    const forged = await page.request.post(original.url(), {
      headers: { ...original.headers(), origin: evil },
      data: body,
      maxRedirects: 0,
    });
    expect(forged.status()).toBeGreaterThanOrEqual(400);
    expect(forged.status()).toBeLessThan(500);
    await page.goto('/profile');
    await expect(page.getByText('Now: 0510, GS 9 (Entry level).')).toBeVisible();
    void baseURL;
  });

  test('bad requests get a 4xx with a message', async ({ page, baseURL }) => {
    await signIn(page, 'gina');
    const origin = { Origin: baseURL ?? '' };
    const cases: [string, Parameters<typeof page.request.post>[1], number, RegExp][] = [
      ['/api/bookmarks', { data: Buffer.from('{"permalink": '), headers: { ...origin, 'Content-Type': 'application/json' } }, 400, /not valid JSON/u],
      ['/api/bookmarks', { data: Buffer.from('["/cards/x"]'), headers: { ...origin, 'Content-Type': 'application/json' } }, 400, /must be a JSON object/u],
      ['/api/bookmarks', { data: { permalink: 42 }, headers: origin }, 400, /permalink/u],
      ['/api/bookmarks', { data: { permalink: '/cards/<script>' }, headers: origin }, 400, /permalink must be a path/u],
      ['/api/bookmarks', { data: { permalink: MID, intent: 'explode' }, headers: origin }, 400, /intent/u],
      ['/api/bookmarks', { data: { permalink: MID, extra: 1 }, headers: origin }, 400, /extra|Unrecognized/u],
      ['/api/bookmarks', { data: { permalink: '/cards/510-Nothing-Mid', intent: 'add' }, headers: origin }, 404, /no card/u],
      ['/api/bookmarks/not-a-uuid/remove', { form: { returnTo: '/plan' }, headers: origin }, 400, /bookmark id/u],
      ['/api/bookmarks', { data: { permalink: 'x'.repeat(20000) }, headers: origin }, 413, /too large/u],
    ];
    for (const [url, options, status, message] of cases) {
      const r = await page.request.post(url, { ...options, maxRedirects: 0 });
      expect(r.status(), `${url} ${JSON.stringify(options?.data ?? options?.form).slice(0, 60)}`).toBe(status);
      expect(await r.text()).toMatch(message);
    }
    const get = await page.request.get('/api/bookmarks?permalink=%E0%A4%A');
    expect(get.status()).toBeLessThan(500);
    const unknownParam = await page.request.get('/api/bookmarks?foo=1');
    expect(unknownParam.status()).toBe(400);
  });

  test('without JavaScript, bookmarking is a form POST that goes through sign-in', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page, 'hank');
    const noJs = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await context.storageState() });
    const p = await noJs.newPage();
    await p.goto(MID);
    await p.getByRole('button', { name: /Add to my plan/u }).click();
    await expect(p).toHaveURL(/\/cards\/510-Customer-Service-Mid\?saved=added$/u);
    await p.goto('/plan');
    await expect(p.locator('.plan-item')).toHaveCount(1);
    await p.getByRole('button', { name: /Remove/u }).click();
    await expect(p).toHaveURL(/\/plan\?saved=removed&undo=[0-9a-f-]{36}$/u);
    await expect(p.getByRole('heading', { name: 'Your plan is empty' })).toBeVisible();
    await noJs.close();
    await context.close();
  });

  test('axe finds no violations on the profile, plan and sign-in pages', async ({ page }) => {
    await page.goto('/signin');
    await expectNoAxeViolations(page);
    await signIn(page, 'ivy');
    await page.goto('/profile');
    await expectNoAxeViolations(page);
    await page.goto('/plan');
    await expectNoAxeViolations(page);
    await page.goto(MID);
    await page.getByRole('button', { name: /Add to my plan/u }).click();
    await expect(page.getByRole('button', { name: /In my plan/u })).toBeVisible();
    await page.goto('/plan');
    await expectNoAxeViolations(page);
  });
});
