/**
 * The production shape on this machine (issue #17, ADR 0023): `npm run prod:local` — nginx serving
 * the static pages from the build with the portal's own headers, two instances on one PostgreSQL
 * behind it. A session made through one instance works on the other; a bookmark written through one
 * is read through the other; kill -9 of an instance under 50 people's bookmark load loses no
 * acknowledged bookmark and the other instance goes on serving.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { FIXTURE, MID } from './fixture';

const url = process.env.TEST_DATABASE_URL;
const nginxInstalled = ['/usr/sbin/nginx', '/usr/bin/nginx'].some((p) => existsSync(p));
const base = Number(process.env.E2E_PORT ?? 3100) + 10;
const front = `http://127.0.0.1:${base}`;
const instances = [base + 1, base + 2].map((p) => `http://127.0.0.1:${p}`);
// What nginx copies from an instance (the list scripts/nginx-conf.mjs reads), and what it sets itself the same.
const COPIED = JSON.parse(readFileSync('deploy/copied-headers.json', 'utf8')) as string[];
const COMPARED = [...COPIED, 'cache-control', 'content-type'];

test.describe.configure({ mode: 'serial' });

test.describe('npm run prod:local: nginx and two instances on PostgreSQL', () => {
  // Visible, counted skips, not passes: two instances need a shared PostgreSQL (TEST_DATABASE_URL)
  // and the shape needs Debian's nginx. .ci/run sets the one and installs the other, so CI runs it.
  test.skip(!url, 'needs TEST_DATABASE_URL (two instances share one PostgreSQL); .ci/run sets one');
  test.skip(!nginxInstalled, 'needs nginx (apt-get install nginx-light); .ci/run installs it');
  let prod: ChildProcess;
  const pids = new Map<number, number>();
  let output = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    prod = spawn(process.execPath, ['scripts/prod-local.mjs'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PROD_LOCAL_PORT: String(base),
        PROD_LOCAL_INSTANCES: `${base + 1},${base + 2}`,
        NEXT_DIST_DIR: '.next-e2e',
        RATE_LIMIT_SCALE: '100',
        LOG_REQUESTS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    prod.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) {
        const entry = /"event":"instance started","port":(\d+),"pid":(\d+)/u.exec(line);
        if (entry) pids.set(Number(entry[1]), Number(entry[2]));
      }
    });
    prod.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expect
      .poll(
        () => {
          if (prod.exitCode !== null) throw new Error(`prod:local exited (${prod.exitCode}):\n${output.slice(-2000)}`);
          return output.includes(`ready on ${front}`);
        },
        { timeout: 100_000, intervals: [250] },
      )
      .toBe(true);
  });

  test.afterAll(async () => {
    if (!prod || prod.exitCode !== null) return;
    const exited = new Promise((resolve) => prod.once('exit', resolve));
    prod.kill('SIGTERM');
    await exited;
  });

  test('nginx sends the static pages from disk with the same security headers and CSP as the portal; the rest is the portal’s', async ({ request }) => {
    const viaNginx = await request.get(`${front}${MID}`);
    const direct = await request.get(`${instances[0]}${MID}`);
    expect(viaNginx.status()).toBe(200);
    // From disk: no request id (every answer of an instance has one).
    expect(viaNginx.headers()['x-request-id']).toBeUndefined();
    expect(direct.headers()['x-request-id']).toBeTruthy();
    for (const header of COMPARED) expect(viaNginx.headers()[header], header).toBe(direct.headers()[header]);
    expect(await viaNginx.text()).toBe(await direct.text());
    // Gzipped from the .gz file beside it; a 304 for what the browser has.
    const gz = await fetch(`${front}${MID}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const etag = viaNginx.headers().etag;
    expect((await request.get(`${front}${MID}`, { headers: { 'If-None-Match': etag! } })).status()).toBe(304);
    // Next's build files: from disk, immutable.
    const css = /href="(\/_next\/static\/[^"]+\.css)"/u.exec(await viaNginx.text())?.[1];
    expect(css).toBeTruthy();
    const asset = await request.get(`${front}${css}`);
    expect(asset.status()).toBe(200);
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers()['x-content-type-options']).toBe('nosniff');
    expect(asset.headers()['x-request-id']).toBeUndefined();
    expect((await fetch(`${front}${css}`, { headers: { 'Accept-Encoding': 'gzip' } })).headers.get('content-encoding')).toBe('gzip');
    // What is not a file goes to an instance: its own answers, with a request id.
    for (const address of ['/', '/cards', '/api/cards?series=0510', '/cards/no-such-card']) {
      const r = await request.get(`${front}${address}`);
      expect(r.headers()['x-request-id'], address).toBeTruthy();
      expect(r.status(), address).toBe(address.includes('no-such') ? 404 : 200);
    }
  });

  test('a session made through one instance works on the other; a bookmark written through one is read through the other', async () => {
    const person = await signedIn(`both-${Date.now()}`);
    const cookie = (await person.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    for (const instance of instances) {
      const me = await fetch(`${instance}/api/me`, { headers: { Cookie: cookie } });
      expect((await me.json()) as { signedIn: boolean }, instance).toMatchObject({ signedIn: true });
    }
    const written = await fetch(`${instances[0]}/api/bookmarks`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: instances[0]!, 'Content-Type': 'application/json' },
      body: JSON.stringify({ permalink: MID, intent: 'add' }),
    });
    expect(written.status).toBe(200);
    const read = await fetch(`${instances[1]}/api/bookmarks`, { headers: { Cookie: cookie } });
    expect(((await read.json()) as { permalinks: string[] }).permalinks).toEqual([MID]);
    await person.dispose();
  });

  test('kill -9 of one instance under 50 people’s bookmark load: no acknowledged bookmark lost; the other goes on serving', async () => {
    test.setTimeout(120_000);
    const people = await Promise.all(Array.from({ length: 50 }, (_, i) => signedIn(`load-${i}-${Date.now()}`)));
    const cards = FIXTURE.map((c) => c.permalink);
    const acknowledged = people.map(() => new Set<string>());
    const statuses: number[] = [];
    let killedAt = 0;
    let servedAfterKill = 0;
    let stop = false;
    const load = people.map(async (person, i) => {
      for (let n = 0; !stop && n < cards.length; n++) {
        const permalink = cards[(n + i) % cards.length]!;
        const r = await person.post('/api/bookmarks', { data: { permalink, intent: 'add' }, headers: { Origin: front }, timeout: 20_000 }).catch(() => null);
        const status = r?.status() ?? 0;
        statuses.push(status);
        if (status === 200) {
          acknowledged[i]!.add(permalink);
          if (killedAt) servedAfterKill++;
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const victim = pids.get(base + 1)!;
    process.kill(victim, 'SIGKILL');
    killedAt = Date.now();
    // Content keeps coming while one instance is gone.
    for (let i = 0; i < 5; i++) expect((await fetch(`${front}/cards?series=0510`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    stop = true;
    await Promise.all(load);
    const counts = statuses.reduce<Record<number, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {});
    test.info().annotations.push({ type: 'answers', description: `${JSON.stringify(counts)}; acknowledged after the kill: ${servedAfterKill}` });
    console.log(`prod:local load: answers ${JSON.stringify(counts)}; acknowledged after the kill: ${servedAfterKill}`);
    expect(counts[200] ?? 0).toBeGreaterThan(100);
    expect(servedAfterKill).toBeGreaterThan(0);
    // No answer was a 500: a request cut off by the kill is a 502 from nginx, never retried (a POST).
    expect(statuses.filter((s) => s >= 500 && s !== 502)).toEqual([]);
    for (const [i, person] of people.entries()) {
      const stored = ((await (await person.get('/api/bookmarks')).json()) as { permalinks: string[] }).permalinks;
      for (const permalink of acknowledged[i]!) expect(stored, `person ${i}`).toContain(permalink);
      await person.dispose();
    }
    // prod:local started the killed instance again.
    await expect.poll(() => output.includes(`"event":"instance stopped","port":${base + 1}`), { timeout: 10_000 }).toBe(true);
    await expect.poll(async () => (await fetch(`${instances[0]}/api/ready`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
  });
});

/** A person signed in locally through nginx (the portal sees the client nginx forwards: this machine). */
async function signedIn(name: string): Promise<APIRequestContext> {
  const person = await playwrightRequest.newContext({ baseURL: front });
  const r = await person.post('/api/local-signin', { form: { name, callbackUrl: '/plan' }, headers: { Origin: front }, maxRedirects: 0 });
  expect(r.status(), await r.text()).toBe(303);
  return person;
}
