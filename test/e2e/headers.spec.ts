import { expect, test, type Page } from '@playwright/test';
import { live } from './live';

const PAGES = [
  '/cards/510-Customer-Service-Mid',
  '/cards',
  '/cards?series=0510&q=survey',
  '/signin',
  '/cards/not-a-card',
  '/data/cards.json',
  '/uswds/img/us_flag_small.png',
];

function scriptSrc(csp: string): string {
  return (
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src')) ?? ''
  );
}

test.describe('security headers', () => {
  for (const path of PAGES) {
    test(`${path} carries the security headers`, async ({ request }) => {
      const r = await request.get(path, { maxRedirects: 0 });
      expect(r.status()).toBeLessThan(500);
      const h = r.headers();
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(h['permissions-policy']).toContain('camera=()');
      expect(h['strict-transport-security']).toMatch(/^max-age=\d{7,}/u);
      expect(h['x-frame-options']).toBe('DENY');
      if (!path.startsWith('/uswds/') && !path.startsWith('/data/')) {
        const csp = h['content-security-policy'] ?? '';
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        const scripts = scriptSrc(csp);
        expect(scripts).not.toContain('unsafe-inline');
        expect(scripts).not.toContain('unsafe-eval');
        // A static card page has no inline script at all: only the site's own files may run.
        if (path.startsWith('/cards/510-')) expect(scripts).toBe("script-src 'self'");
        else expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'|'sha256-/u);
      }
    });
  }

  test('static card pages run no inline script; the kept copies of / and /cards get hashes, pages rendered per request a fresh nonce', async ({ request }) => {
    const cardPage = await request.get('/cards/510-Customer-Service-Mid');
    expect(scriptSrc(cardPage.headers()['content-security-policy'] ?? '')).toBe("script-src 'self'");
    expect(await cardPage.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/u);
    const front = scriptSrc((await request.get('/')).headers()['content-security-policy'] ?? '');
    expect(front).toMatch(/'sha256-/u);
    expect(front).not.toContain('nonce-');
    const one = scriptSrc((await request.get('/cards?series=0510')).headers()['content-security-policy'] ?? '');
    const two = scriptSrc((await request.get('/cards?series=0510')).headers()['content-security-policy'] ?? '');
    expect(one).toMatch(/'nonce-/u);
    expect(one).not.toBe(two);
  });

  test('/ and /cards carry no inline React payload: it is one script file, cached as a static file', async ({ request }) => {
    for (const path of ['/', '/cards']) {
      const html = await (await request.get(path)).text();
      expect(html, path).not.toContain('__next_f');
      const src = /<script src="(\/_next\/static\/flight\/[\w-]+\.js)"><\/script>/u.exec(html)?.[1];
      expect(src, path).toBeDefined();
      const file = await request.get(src!);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toMatch(/javascript/u);
      expect(file.headers()['cache-control']).toContain('immutable');
      expect(await file.text()).toContain('self.__next_f.push([1,');
    }
  });

  async function violations(page: Page, path: string): Promise<string[]> {
    const found: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/iu.test(m.text())) found.push(m.text());
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    return found;
  }

  test('no page breaks its own policy: the front door, the card page, the dashboard (filtering live) and sign-in', async ({ page }) => {
    expect(await violations(page, '/')).toEqual([]);
    expect(await violations(page, '/cards/510-Customer-Service-Mid')).toEqual([]);
    await page.getByRole('button', { name: 'Here’s how you know' }).click();
    await expect(page.getByText('Official websites use .gov')).toBeVisible();
    // The list keeps filling after it is returned: checked once the dashboard has gone live.
    const dashboard = await violations(page, '/cards');
    await live(page);
    await page.getByRole('searchbox', { name: 'Search text' }).fill('customer');
    await expect(page.locator('.result-row').first()).toBeVisible();
    expect(dashboard).toEqual([]);
    expect(await violations(page, '/signin')).toEqual([]);
    expect(await violations(page, '/cards/not-a-card')).toEqual([]);
  });
});
