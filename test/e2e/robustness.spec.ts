/**
 * No request, however malformed, gets a 5xx: every route the server answers — the sign-in library's
 * own endpoints included — tried with malformed paths, percent-encodings, query parameters, bodies,
 * cookies and methods. Each answer must be a 2xx–4xx.
 */
import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { baseURL as siteURL, localURL } from '../../playwright.config';
import { MID } from './fixture';
import { fixtureCourses } from '../support/cards';
import { RATE_LIMITS } from '../../lib/http/rate';

const HOST = new URL(siteURL).host;

/** Sends raw bytes on a socket (the head, then body chunks one by one) and resolves with the first answer bytes. */
function raw(head: string, chunks: readonly string[] = []): Promise<string> {
  const { hostname, port } = new URL(siteURL);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
    let answer = '';
    let answered = false;
    socket.on('data', (d) => {
      answer += d.toString('latin1');
      if (answered) return;
      answered = true;
      // The rest of a short answer follows within moments.
      setTimeout(() => {
        socket.destroy();
        resolve(answer);
      }, 300);
    });
    socket.on('error', (error) => (answered ? resolve(answer) : reject(error)));
    socket.on('close', () => resolve(answer));
    socket.write(head);
    let i = 0;
    const next = () => {
      if (answered || i >= chunks.length) return;
      socket.write(chunks[i++]!, () => setTimeout(next, 5));
    };
    next();
  });
}

const ROUTES = [
  '/',
  '/cards',
  MID,
  '/cardsNew/510-Customer-Service-Mid',
  '/compare/0510/Customer-Service',
  '/courses',
  `/courses/${fixtureCourses()[0]!.slug}`,
  '/cards/export',
  '/signin',
  '/signout',
  '/plan',
  '/profile',
  '/plan/export',
  '/plan/gaps',
  '/plan/rate/Customer-Service',
  '/plan/rate/No-Such-Competency',
  '/share/00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  '/share/00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/view',
  '/share/not-a-token',
  '/data/cards.json',
  '/api/health',
  '/api/ready',
  '/api/cards',
  '/api/cards.csv',
  '/api/cards/510-Customer-Service-Mid',
  '/api/openapi.json',
  '/api/bookmarks',
  '/api/bookmarks/00000000-0000-4000-8000-000000000000',
  '/api/bookmarks/00000000-0000-4000-8000-000000000000/remove',
  '/api/bookmarks/00000000-0000-4000-8000-000000000000/restore',
  '/api/bookmarks/pending',
  '/api/bookmarks/status',
  '/api/ratings',
  '/api/aim',
  '/api/share-links',
  '/api/share-links/00000000-0000-4000-8000-000000000000/revoke',
  '/api/share-links/not-a-uuid/revoke',
  '/api/local-signin',
  '/api/auth/session',
  '/api/auth/csrf',
  '/api/auth/providers',
  '/api/auth/signin',
  '/api/auth/signin/oidc',
  '/api/auth/signin/logingov',
  '/api/auth/callback/oidc',
  '/api/auth/callback/logingov',
  '/api/auth/signout',
  '/api/auth/error',
  '/api/auth/verify-request',
  '/api/auth/no-such-action',
];

const BAD_SEGMENTS = ['%ZZ', '%E0%A4%A', '%00', '..%2F..%2Fetc%2Fpasswd', '%C0%AE%C0%AE', 'x'.repeat(3000), '%F0%9F%98%80', '%2e%2e', 'a%20b', '%25', '%'];
const BAD_QUERIES = [
  '%ZZ=1',
  'q=%E0%A4%A',
  'callbackUrl=%ZZ',
  'callbackUrl=//evil.example',
  'callbackUrl=/..//evil.example/x',
  'error=%ZZ',
  'format=%00',
  'slug=%00',
  `q=${'x'.repeat(10_000)}`,
  Array.from({ length: 500 }, (_, i) => `series=${i}`).join('&'),
  'permalink=%00',
  'code=x&state=y',
  'page=99999999999999999999',
];
const BAD_COOKIES = [
  'authjs.session-token=%ZZ',
  `authjs.session-token=${'a'.repeat(4000)}`,
  'authjs.session-token=a b c;;; =; x',
  'authjs.csrf-token=garbage',
  'authjs.callback-url=%2F%2Fevil.example',
  '__Secure-authjs.session-token=x; authjs.pkce.code_verifier=%ZZ',
  'authjs.state=%E0%A4%A',
];

/** Sends every request; the test fails afterwards listing each one that got a 5xx. */
class Failures {
  readonly list: string[] = [];
  async check(what: string, send: () => Promise<{ status(): number }>): Promise<void> {
    const status = (await send()).status();
    if (status >= 500) this.list.push(`${status} ${what}`);
  }
}

test.describe('no 5xx from any malformed request', () => {
  test('malformed paths and percent-encodings, under every route', async ({ request }) => {
    const failures = new Failures();
    for (const route of ROUTES) {
      for (const bad of BAD_SEGMENTS) {
        const url = `${route === '/' ? '' : route}/${bad}`;
        await failures.check(`GET ${url.slice(0, 120)}`, () => request.get(url, { maxRedirects: 0 }));
      }
    }
    expect(failures.list).toEqual([]);
  });

  test('malformed query parameters on every route', async ({ request }) => {
    const failures = new Failures();
    for (const route of ROUTES) {
      for (const query of BAD_QUERIES) {
        await failures.check(`GET ${route}?${query.slice(0, 80)}`, () => request.get(`${route}?${query}`, { maxRedirects: 0 }));
      }
    }
    expect(failures.list).toEqual([]);
  });

  test('malformed cookies on every route', async ({ request }) => {
    const failures = new Failures();
    for (const route of ROUTES) {
      for (const cookie of BAD_COOKIES) {
        await failures.check(`GET ${route} Cookie: ${cookie.slice(0, 60)}`, () => request.get(route, { headers: { Cookie: cookie }, maxRedirects: 0 }));
      }
    }
    expect(failures.list).toEqual([]);
  });

  test('malformed bodies and methods on every route', async ({ request, baseURL }) => {
    const origin = { Origin: baseURL ?? '' };
    const bodies: { name: string; headers: Record<string, string>; data: string | Buffer }[] = [
      { name: 'invalid JSON', headers: { 'Content-Type': 'application/json' }, data: '{"a":' },
      { name: 'JSON array', headers: { 'Content-Type': 'application/json' }, data: '[1,2]' },
      { name: 'JSON null', headers: { 'Content-Type': 'application/json' }, data: 'null' },
      { name: 'not UTF-8', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: Buffer.from([0xff, 0xfe, 0x00, 0x3d]) },
      { name: 'bad form encoding', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: 'name=%ZZ&callbackUrl=%E0%A4%A&csrfToken=%00' },
      { name: 'multipart without boundary', headers: { 'Content-Type': 'multipart/form-data' }, data: '--x\r\n' },
      {
        name: 'multipart',
        headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
        data: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
      },
      { name: 'XML', headers: { 'Content-Type': 'application/xml' }, data: '<a/>' },
      { name: 'empty', headers: { 'Content-Type': 'application/json' }, data: '' },
      { name: '300 KB form', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: `slug=${'x'.repeat(300_000)}` },
    ];
    const failures = new Failures();
    for (const route of ROUTES) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        for (const body of bodies) {
          await failures.check(`${method} ${route} (${body.name})`, () =>
            request.fetch(route, { method, headers: { ...origin, ...body.headers }, data: body.data, maxRedirects: 0 }),
          );
        }
      }
    }
    expect(failures.list).toEqual([]);
  });

  test('a body declared larger than the server takes is refused at once, before any of it is sent', async () => {
    const head = await raw(
      ['POST /cards/export HTTP/1.1', `Host: ${HOST}`, 'Content-Type: application/x-www-form-urlencoded', `Content-Length: ${2 * 1024 * 1024}`, '', ''].join(
        '\r\n',
      ),
    );
    expect(head).toMatch(/^HTTP\/1\.1 413 /u);
  });

  test('a chunked body (no Content-Length) is counted as it arrives and refused past the limit', async () => {
    // 64 KB is the export form's limit; this sends 1 MB in 16 KB chunks, and stops once answered.
    const chunk = `4000\r\n${'a'.repeat(0x4000)}\r\n`;
    const answer = await raw(
      ['POST /cards/export HTTP/1.1', `Host: ${HOST}`, 'Content-Type: application/x-www-form-urlencoded', 'Transfer-Encoding: chunked', '', ''].join('\r\n'),
      Array.from({ length: 64 }, () => chunk),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /u);
    expect(answer).toContain('too large');
  });
});

test.describe('per-client rate limits (the local server keeps the real limits)', () => {
  test('exports beyond the burst get 429 with Retry-After and a sentence; a card page is still served', async ({ request }) => {
    const statuses: number[] = [];
    let refused: { retryAfter: string | undefined; body: string } | null = null;
    for (let i = 0; i < 12; i++) {
      const res = await request.get(`${localURL}/cards/export?format=csv&slug=510-Customer-Service-Mid`);
      statuses.push(res.status());
      if (res.status() === 429 && !refused) refused = { retryAfter: res.headers()['retry-after'], body: await res.text() };
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(Number(refused?.retryAfter)).toBeGreaterThan(0);
    expect(refused?.body).toMatch(/Too many requests from your address; try again in \d+ seconds?\./u);
    expect((await request.get(`${localURL}${MID}`)).status()).toBe(200);
  });

  test('opening shared plans beyond the burst gets 429, at the address and at the view', async ({ request }) => {
    const token = '00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMITS.share.burst + 1; i++) statuses.push((await request.get(`${localURL}/share/${token}`, { maxRedirects: 0 })).status());
    expect(statuses.slice(0, RATE_LIMITS.share.burst)).toEqual(Array<number>(RATE_LIMITS.share.burst).fill(404));
    expect(statuses.at(-1)).toBe(429);
    // The view, a page, sends the browser to the address, which answers 429 with a sentence.
    const view = await request.get(`${localURL}/share/${token}/view`);
    expect(view.status()).toBe(429);
    expect(await view.text()).toMatch(/Too many requests from your address/u);
    expect((await request.get(`${localURL}${MID}`)).status()).toBe(200);
  });
});
