import { expect, type Page } from '@playwright/test';

/** Signs in through the real OIDC flow: the portal's sign-in page → the test IdP's login form → back. */
export async function signIn(page: Page, login: string, provider: 'Agency test IdP' | 'Login.gov' = 'Agency test IdP', callbackUrl = '/plan') {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await completeSignIn(page, login, provider);
}

/** From the portal's sign-in page (however the person got there): the test IdP's form, and back. */
export async function completeSignIn(page: Page, login: string, provider: 'Agency test IdP' | 'Login.gov' = 'Agency test IdP') {
  await page.getByRole('button', { name: `Sign in with ${provider}` }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  // The test IdP asks for consent the first time a person signs in to a client.
  const consent = page.getByRole('button', { name: 'Continue' });
  const back = (url: URL) => url.hostname === 'localhost';
  await Promise.race([
    consent.waitFor({ timeout: 20_000 }).then(
      () => consent.click(),
      () => undefined,
    ),
    page.waitForURL(back, { timeout: 20_000 }).catch(() => undefined),
  ]);
  await page.waitForURL(back);
  await expect(page.getByRole('link', { name: /Sign out/u })).toBeVisible();
}

/**
 * The same from the sign-in page in a browser without JavaScript (no account link to wait for):
 * done when the browser is back on this site at `pathname`.
 */
export async function completeSignInWithoutScript(page: Page, login: string, pathname: string) {
  await page.getByRole('button', { name: 'Sign in with Agency test IdP' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  const consent = page.getByRole('button', { name: 'Continue' });
  if (await consent.isVisible().catch(() => false)) await consent.click();
  await page.waitForURL((url) => url.hostname === 'localhost' && url.pathname === pathname);
}

export async function signOut(page: Page) {
  await page.goto('/signout');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signout\?done=1$/u);
  await expect(page.getByRole('status').filter({ hasText: 'You are signed out.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in', exact: true }).first()).toBeVisible();
}
