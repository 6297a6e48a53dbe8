/**
 * Redirects keep the address a person used, and local sign-in belongs to this machine only.
 * The "local" server (no identity provider) is reached at http://127.0.0.1, the address `npm start`
 * prints; the main server at http://localhost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { localURL } from '../../playwright.config';
import { MID } from './fixture';
import { signOut } from './auth';

async function localSignIn(page: Page, name: string) {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Sign in locally' }).click();
}

test.describe('at http://127.0.0.1 (what npm start prints)', () => {
  test.use({ baseURL: localURL });

  test('local sign-in, a signed-out “Add to my plan” and “Remove” on My plan all stay on 127.0.0.1', async ({ page }) => {
    const origins = new Set<string>();
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) origins.add(new URL(frame.url()).origin);
    });
    await page.goto(MID);
    await page.getByRole('button', { name: /Add to my plan/u }).click();
    await expect(page).toHaveURL(new RegExp(`^${localURL}/signin\\?callbackUrl=`, 'u'));
    await localSignIn(page, 'Zoë 127');
    await expect(page).toHaveURL(new RegExp(`^${localURL}/cards/510-Customer-Service-Mid`, 'u'));
    await expect(page.getByRole('link', { name: /Sign out/u })).toBeVisible();
    // Signing in added the card the person asked for.
    await expect(page.getByRole('button', { name: /In my plan/u })).toHaveAttribute('aria-pressed', 'true');
    await page.goto('/plan');
    await expect(page.locator('.plan-item')).toHaveCount(1);
    await page.getByRole('button', { name: /Remove/u }).click();
    await expect(page.getByRole('heading', { name: 'Your plan is empty' })).toBeVisible();
    expect([...origins]).toEqual([localURL]);
  });

  test('two names are two people, whatever their script; a control character is refused with a sentence', async ({ browser }) => {
    const zhang = await browser.newContext({ baseURL: localURL });
    const a = await zhang.newPage();
    await a.goto('/signin');
    await localSignIn(a, '张三');
    await a.goto(MID);
    await a.getByRole('button', { name: /Add to my plan/u }).click();
    await expect(a.getByRole('button', { name: /In my plan/u })).toBeVisible();
    const li = await browser.newContext({ baseURL: localURL });
    const b = await li.newPage();
    await b.goto('/signin');
    await localSignIn(b, '李四');
    await b.goto('/plan');
    await expect(b.getByRole('heading', { name: 'Your plan is empty' })).toBeVisible();
    const nul = await li.request.post('/api/local-signin', { form: { name: 'x\u0000y' }, headers: { Origin: localURL }, maxRedirects: 0 });
    expect(nul.status()).toBe(400);
    expect(await nul.text()).toContain('control characters');
    // In the browser: an empty name is refused in a styled page of the site that says why.
    await signOut(b);
    await b.goto('/signin');
    await b.getByLabel('Your name').evaluate((input) => input.removeAttribute('required'));
    await b.getByLabel('Your name').fill('   ');
    await b.getByRole('button', { name: 'Sign in locally' }).click();
    await expect(b.getByRole('heading', { level: 1 })).toHaveText('Your request was not accepted');
    await expect(b.getByRole('alert').filter({ hasText: 'Enter your name.' })).toBeVisible();
    expect(await b.locator('.usa-alert--error').evaluate((el) => getComputedStyle(el).borderLeftWidth)).not.toBe('0px');
    await zhang.close();
    await li.close();
  });

  test('redirects are relative: they name no host, so a reverse proxy’s public origin is kept', async ({ request }) => {
    const signedOut = await request.post('/api/bookmarks', { form: { permalink: MID, returnTo: MID }, headers: { Origin: localURL }, maxRedirects: 0 });
    expect(signedOut.status()).toBe(303);
    // Signed out, the card is remembered and sign-in comes back through the pending address.
    expect(signedOut.headers().location).toBe(`/signin?callbackUrl=${encodeURIComponent(`/api/bookmarks/pending?returnTo=${encodeURIComponent(MID)}`)}`);
    const evil = await request.post('/api/local-signin', {
      form: { name: 'Mallory', callbackUrl: '/..//evil.example/x' },
      headers: { Origin: localURL },
      maxRedirects: 0,
    });
    expect(evil.status()).toBe(303);
    expect(evil.headers().location).toBe('/plan');
    const evil2 = await request.post('/api/local-signin', {
      form: { name: 'Mallory', callbackUrl: '/.%2e//evil.example/x' },
      headers: { Origin: localURL },
      maxRedirects: 0,
    });
    expect(evil2.headers().location).toBe('/plan');
  });
});

test.describe('the sign-in page and the sign-in library refuse a return path off this site', () => {
  for (const bad of ['/..//evil.example/x', '/.%2e//evil.example/x', '//evil.example/x', 'https://evil.example/']) {
    test(`callbackUrl=${bad}`, async ({ page, request }) => {
      await page.goto(`${localURL}/signin?callbackUrl=${encodeURIComponent(bad)}`);
      await expect(page.locator('input[name="callbackUrl"]')).toHaveValue('/plan');
      const res = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(bad)}`, { maxRedirects: 0 });
      expect(res.status()).toBeLessThan(500);
      expect(res.headers().location ?? '').not.toMatch(/evil\.example/u);
    });
  }
});

test.describe('a server listening beyond loopback (HOST=0.0.0.0)', () => {
  let server: ChildProcess;
  const port = 3110;
  test.beforeAll(async () => {
    server = spawn(process.execPath, [path.resolve('dist/server.mjs')], {
      env: {
        ...process.env,
        HOST: '0.0.0.0',
        PORT: String(port),
        NEXT_DIST_DIR: '.next-e2e',
        PGLITE_DIR: path.join(process.env.E2E_DATA_DIR ?? '/tmp', 'wide'),
        LOG_REQUESTS: '0',
      },
      stdio: 'ignore',
    });
    for (let i = 0; i < 120; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('the 0.0.0.0 server did not start');
  });
  test.afterAll(() => {
    server.kill('SIGTERM');
  });

  test('offers no local sign-in, and refuses it even with Host: localhost', async ({ request }) => {
    const page = await request.get(`http://127.0.0.1:${port}/signin`, { headers: { Host: 'localhost' } });
    expect(await page.text()).not.toContain('Sign in locally');
    const forged = await request.post(`http://127.0.0.1:${port}/api/local-signin`, {
      form: { name: 'Mallory' },
      headers: { Host: 'localhost', Origin: 'http://localhost' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(forged.headers()['set-cookie'] ?? '').not.toContain('session-token');
  });
});
