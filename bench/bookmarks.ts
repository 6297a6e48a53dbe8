/**
 * Bookmark writes under load: 50 signed-in people toggling a bookmark (one connection each),
 * measured with autocannon two ways — open loop (a fixed offered rate, 100 a second; latencies
 * corrected for coordinated omission, so queueing is not hidden) and at saturation (each person
 * toggling as soon as the last answer came) — next to a minimal Next route handler that does the
 * same one-row write on the same database, measured in the same run.
 */
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';

export interface LoadFigures {
  readonly requests: number;
  readonly errors: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface Target {
  readonly url: string;
  /** The request each of the 50 connections sends (its own person). */
  readonly request: (connection: number) => { path: string; headers: Record<string, string>; body?: string };
}

export const PEOPLE = 50;

async function run(target: Target, seconds: number): Promise<LoadFigures> {
  let next = 0;
  const result = await autocannon({
    url: target.url,
    connections: PEOPLE,
    duration: seconds,
    method: 'POST',
    setupClient: (client) => {
      const { path, headers, body } = target.request(next++ % PEOPLE);
      client.setRequests([{ method: 'POST', path, headers, ...(body === undefined ? {} : { body }) }]);
    },
  });
  return {
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    perSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
  };
}

/**
 * A fixed offered load: `rate` toggles a second, evenly spaced, from the 50 people in turn, for
 * `seconds`. Each latency counts from when the request was due (not when it could be sent), so a
 * server that falls behind shows it. (autocannon's own rate limit sends each second's requests in
 * a burst, which measures bursts, not a steady load.)
 */
export async function openLoop(target: Target, rate: number, seconds: number): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: PEOPLE });
  const { hostname, port } = new URL(target.url);
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const total = rate * seconds;
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const { path, headers, body } = target.request(i % PEOPLE);
    inflight.push(
      new Promise<void>((resolve) => {
        const req = request(
          { agent, hostname, port, path, method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body ?? '')) } },
          (res) => {
            res.resume();
            res.on('end', () => {
              latencies.push(performance.now() - due);
              if ((res.statusCode ?? 500) >= 400) errors++;
              resolve();
            });
          },
        );
        req.on('error', () => {
          latencies.push(performance.now() - due);
          errors++;
          resolve();
        });
        req.end(body);
      }),
    );
  }
  await Promise.all(inflight);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => +(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN).toFixed(1);
  return {
    requests: sorted.length,
    errors,
    perSecond: +(sorted.length / ((performance.now() - start) / 1000)).toFixed(1),
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
  };
}

/** As fast as answers come back. */
export function saturation(target: Target, seconds: number): Promise<LoadFigures> {
  return run(target, seconds);
}

/** Signs 50 people in on the portal (local sign-in): each connection toggles as its own person. */
export async function portalTarget(base: string, permalink: string): Promise<Target> {
  const cookies: string[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const signIn = () =>
      fetch(`${base}/api/local-signin`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
        body: new URLSearchParams({ name: `bench person ${i} ${Date.now()}`, callbackUrl: '/plan' }),
      });
    // A pooled keep-alive connection the server has closed while idle fails once: ask again.
    const r = await signIn().catch(signIn);
    const cookie = r.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error(`local sign-in failed: ${r.status} ${await r.text()}`);
    cookies.push(cookie);
  }
  const body = JSON.stringify({ permalink, intent: 'toggle' });
  return {
    url: base,
    request: (i) => ({ path: '/api/bookmarks', headers: { 'Content-Type': 'application/json', Origin: base, Cookie: cookies[i] ?? '' }, body }),
  };
}

/** The baseline's route takes the person as a parameter (no session, no checks). */
export function baselineTarget(base: string): Target {
  return { url: base, request: (i) => ({ path: `/api/write?user=${i}`, headers: {} }) };
}
