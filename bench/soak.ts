/**
 * The soak (issue #17 item 5, ADR 0023): 50 signed-in people for SOAK_SECONDS (300) on
 * `prod:local` — nginx in front of two instances on PostgreSQL — each in a loop of what a person
 * does: a card page, their bookmarks, add or remove a bookmark, My plan, with a pause between
 * requests as a person reads (SOAK_THINK_MS, 1,000 ms on average, 0 for none: then it measures
 * saturation rather than 50 people). Reports the error rate,
 * p50 and p99 of each kind of request, and each instance's RSS at the start and the end.
 *
 * `npm run bench:soak` on the current build (`npm run build` first); `npm run bench` runs it when
 * BENCH_SOAK=1. Needs Debian's nginx and a PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL).
 */
import { readFileSync } from 'node:fs';
import { prodLocalMissing, startProdLocal } from './prod-local';

export interface SoakFigures {
  readonly seconds: number;
  readonly people: number;
  /** The average pause between one person's requests. */
  readonly thinkMs: number;
  readonly requests: number;
  readonly errors: number;
  /** What each failed request got: `<kind> <status>` (0: no answer) → how many. */
  readonly failures: Record<string, number>;
  readonly errorRate: number;
  readonly latency: Record<string, { count: number; p50Ms: number; p99Ms: number }>;
  readonly rss: { port: number; startMb: number; endMb: number; growthMb: number }[];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

/** A person: a cookie jar of one session, and their requests timed. */
async function person(front: string, name: string): Promise<(path: string, init?: RequestInit) => Promise<Response>> {
  const r = await fetch(`${front}/api/local-signin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: front },
    body: new URLSearchParams({ name, callbackUrl: '/plan' }),
    redirect: 'manual',
  });
  const cookie = (r.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(';')[0])
    .filter(Boolean)
    .join('; ');
  if (r.status !== 303 || !cookie.includes('session-token')) throw new Error(`local sign-in answered ${r.status}`);
  return (path, init = {}) => fetch(`${front}${path}`, { ...init, headers: { ...(init.headers ?? {}), Cookie: cookie, Origin: front }, redirect: 'manual' });
}

export async function soak(o: {
  dir: string;
  distDir?: string;
  port: number;
  seconds: number;
  people?: number;
  thinkMs?: number;
}): Promise<SoakFigures | string> {
  const thinkMs = o.thinkMs ?? Number(process.env.SOAK_THINK_MS ?? 1000);
  // A person reads before the next click: between half and one and a half times the average.
  const think = () => (thinkMs > 0 ? new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random()))) : Promise.resolve());
  const missing = prodLocalMissing();
  if (missing) return missing;
  const people = o.people ?? 50;
  // 50 people from one address: the per-address limits would count them as one client.
  const prod = await startProdLocal({ dir: o.dir, distDir: o.distDir ?? '.next', port: o.port, rateLimitScale: 100 });
  const { front, instancePorts, pids } = prod;
  try {
    const manifest = JSON.parse(readFileSync(`${o.dir}/${o.distDir ?? '.next'}/static-pages/manifest.json`, 'utf8')) as { pages: Record<string, unknown> };
    const cards = Object.keys(manifest.pages).filter((p) => p.startsWith('/cards/'));
    const stamp = Date.now();
    const sessions = await Promise.all(Array.from({ length: people }, (_, i) => person(front, `soak-${stamp}-${i}`)));
    const startRss = instancePorts.map((p) => rssMb(pids.get(p)!));
    const times: Record<string, number[]> = { 'card page': [], 'GET /api/bookmarks': [], 'POST /api/bookmarks': [], '/plan': [] };
    let requests = 0;
    let errors = 0;
    const failures: Record<string, number> = {};
    const end = Date.now() + o.seconds * 1000;
    const timedRequest = async (kind: string, go: () => Promise<Response>, ok: (status: number) => boolean) => {
      const t0 = performance.now();
      const status = await go().then(
        async (r) => {
          await r.arrayBuffer();
          return r.status;
        },
        () => 0,
      );
      times[kind]!.push(performance.now() - t0);
      requests++;
      await think();
      if (!ok(status)) {
        errors++;
        failures[`${kind} ${status}`] = (failures[`${kind} ${status}`] ?? 0) + 1;
      }
    };
    await Promise.all(
      sessions.map(async (as, i) => {
        for (let n = 0; Date.now() < end; n++) {
          const card = cards[(i * 7 + n) % cards.length]!;
          await timedRequest(
            'card page',
            () => as(card, { headers: { 'Accept-Encoding': 'gzip' } }),
            (s) => s === 200,
          );
          await timedRequest(
            'GET /api/bookmarks',
            () => as('/api/bookmarks'),
            (s) => s === 200,
          );
          await timedRequest(
            'POST /api/bookmarks',
            () =>
              as('/api/bookmarks', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ permalink: card, intent: 'toggle' }),
              }),
            (s) => s === 200,
          );
          await timedRequest(
            '/plan',
            () => as('/plan'),
            (s) => s === 200,
          );
        }
      }),
    );
    const endRss = instancePorts.map((p) => rssMb(pids.get(p)!));
    const latency: SoakFigures['latency'] = {};
    for (const [kind, list] of Object.entries(times)) {
      const sorted = [...list].sort((a, b) => a - b);
      latency[kind] = { count: sorted.length, p50Ms: +percentile(sorted, 50).toFixed(1), p99Ms: +percentile(sorted, 99).toFixed(1) };
    }
    return {
      seconds: o.seconds,
      people,
      thinkMs,
      requests,
      errors,
      failures,
      errorRate: requests ? +(errors / requests).toFixed(5) : 0,
      latency,
      rss: instancePorts.map((port, i) => ({ port, startMb: startRss[i]!, endMb: endRss[i]!, growthMb: endRss[i]! - startRss[i]! })),
    };
  } finally {
    await prod.stop();
  }
}

export function soakLines(f: SoakFigures | string): string[] {
  if (typeof f === 'string') return [`\n## Soak (prod:local)\n\n${f}.`];
  return [
    `\n## Soak: ${f.people} signed-in people for ${f.seconds} s on prod:local (nginx + 2 instances, PostgreSQL), ${f.thinkMs ? `pausing ${f.thinkMs} ms on average between requests` : 'without a pause (saturation)'}`,
    `${f.requests} requests, ${f.errors} errors (error rate ${(f.errorRate * 100).toFixed(3)} %; target 0)${
      f.errors > 0
        ? `: ${Object.entries(f.failures)
            .map(([what, n]) => `${n} × ${what}`)
            .join(', ')}`
        : ''
    }.`,
    '| request | count | p50 ms | p99 ms |',
    '| --- | ---: | ---: | ---: |',
    ...Object.entries(f.latency).map(([kind, l]) => `| ${kind} | ${l.count} | ${l.p50Ms} | ${l.p99Ms} |`),
    '',
    '| instance | RSS at start | RSS at end | growth |',
    '| --- | ---: | ---: | ---: |',
    ...f.rss.map((r) => `| 127.0.0.1:${r.port} | ${r.startMb} MB | ${r.endMb} MB | ${r.growthMb >= 0 ? '+' : ''}${r.growthMb} MB |`),
  ];
}

if (process.argv[1]?.endsWith('soak.ts')) {
  const seconds = Number(process.env.SOAK_SECONDS ?? 300);
  void soak({ dir: process.cwd(), distDir: process.env.NEXT_DIST_DIR ?? '.next', port: 38500, seconds }).then(
    (figures) => {
      console.log(soakLines(figures).join('\n'));
      if (typeof figures !== 'string' && figures.errors > 0) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
