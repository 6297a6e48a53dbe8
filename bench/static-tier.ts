/**
 * The card page through the production shape (issue #17 item 6, ADR 0023): `npm run prod:local`
 * (nginx in front of two instances on PostgreSQL) next to nginx serving the same file directly
 * (plain configuration, gzip from the same .gz file) and next to one portal instance alone — the
 * same load (autocannon, 50 connections, gzip accepted) on each, in the same run.
 *
 * `npm run bench:static-tier` measures the build in the working folder (`npm run build` first);
 * `npm run bench` measures its largest build. Needs Debian's nginx and a PostgreSQL
 * (BENCH_DATABASE_URL or TEST_DATABASE_URL); without them it says so and measures nothing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { NGINX, prodLocalMissing, startProdLocal } from './prod-local';

export interface Serve {
  readonly reqPerSec: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

export interface StaticTierFigures {
  readonly page: string;
  /** nginx (deploy/nginx.conf.template) in front of two instances. */
  readonly staticTier: Serve;
  /** nginx serving the same file with nothing else. */
  readonly nginxDirect: Serve;
  /** One portal instance alone (its own static tier, ADR 0013). */
  readonly instanceAlone: Serve;
  /** staticTier / nginxDirect in req/s (target ≥ 0.5). */
  readonly ratio: number;
}

const WRK = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => existsSync(p));
/** The load tool: wrk (C, as ../shared/bench/serve-baseline uses) when installed — Node's autocannon tops out near nginx's speed on 2 cores. */
export const LOAD_TOOL = WRK ? 'wrk, 2 threads' : 'autocannon';

async function load(url: string, seconds: number): Promise<Serve> {
  if (WRK) {
    const out = spawnSync(WRK, ['-t2', '-c50', `-d${seconds}s`, '--latency', '-H', 'Accept-Encoding: gzip, deflate, br', url], { encoding: 'utf8' }).stdout;
    const reqPerSec = Number(/Requests\/sec:\s+([\d.]+)/u.exec(out)?.[1] ?? 0);
    const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)/mu.exec(out);
    const p99Ms = p99 ? Number(p99[1]) * (p99[2] === 'us' ? 0.001 : p99[2] === 's' ? 1000 : 1) : NaN;
    const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/u.exec(out)?.[1] ?? 0);
    const errors =
      /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/u
        .exec(out)
        ?.slice(1)
        .reduce((sum, n) => sum + Number(n), 0) ?? 0;
    return { reqPerSec: Math.round(reqPerSec), p99Ms: +p99Ms.toFixed(1), non2xx, errors };
  }
  const r = await autocannon({ url, connections: 50, duration: seconds, headers: { 'accept-encoding': 'gzip, deflate, br' } });
  return { reqPerSec: Math.round(r.requests.average), p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

async function waitFor(check: () => boolean, what: string, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`${what} did not happen within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The figures, or why they were not measured. */
export async function benchStaticTier(o: { dir: string; distDir?: string; port: number; seconds: number }): Promise<StaticTierFigures | string> {
  const missing = prodLocalMissing();
  if (missing || !NGINX) return missing ?? 'not measured';
  const distDir = o.distDir ?? '.next';
  const dist = path.join(o.dir, distDir);
  const manifest = JSON.parse(readFileSync(path.join(dist, 'static-pages/manifest.json'), 'utf8')) as { pages: Record<string, { file: string }> };
  const page = Object.keys(manifest.pages).find((p) => p.startsWith('/cards/'));
  if (!page) return 'not measured: the build has no card page';

  const direct = o.port + 3;
  const prod = await startProdLocal({ dir: o.dir, distDir, port: o.port, rateLimitScale: 1000 });
  const front = o.port;
  const first = prod.instancePorts[0]!;
  const scratch = mkdtempSync(path.join(tmpdir(), 'fm-nginx-direct-'));
  let plain: ChildProcess | null = null;
  try {
    // nginx with nothing but the same files (gzip from the same .gz files).
    writeFileSync(
      path.join(scratch, 'nginx.conf'),
      `worker_processes auto; pid ${scratch}/nginx.pid; error_log ${scratch}/error.log;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types; access_log off; sendfile on; tcp_nopush on; gzip_static on; gzip_vary on;
  client_body_temp_path ${scratch}/body; proxy_temp_path ${scratch}/proxy; fastcgi_temp_path ${scratch}/fastcgi; uwsgi_temp_path ${scratch}/uwsgi; scgi_temp_path ${scratch}/scgi;
  server { listen 127.0.0.1:${direct}; root ${path.join(dist, 'static-pages')}; default_type "text/html; charset=utf-8"; location / { try_files $uri.html =404; } }
}
`,
    );
    plain = spawn(NGINX, ['-c', path.join(scratch, 'nginx.conf'), '-p', scratch, '-e', path.join(scratch, 'error.log'), '-g', 'daemon off;'], {
      stdio: 'ignore',
    });
    await waitFor(() => plain!.exitCode !== null || existsSync(path.join(scratch, 'nginx.pid')), 'nginx (direct)', 10_000);
    for (const url of [`http://127.0.0.1:${front}${page}`, `http://127.0.0.1:${direct}${page}`]) {
      const status = (await fetch(url)).status;
      if (status !== 200) throw new Error(`${url} answered ${status}`);
    }
    const staticTier = await load(`http://127.0.0.1:${front}${page}`, o.seconds);
    const nginxDirect = await load(`http://127.0.0.1:${direct}${page}`, o.seconds);
    const instanceAlone = await load(`http://127.0.0.1:${first}${page}`, o.seconds);
    return { page, staticTier, nginxDirect, instanceAlone, ratio: +(staticTier.reqPerSec / nginxDirect.reqPerSec).toFixed(3) };
  } finally {
    if (plain) await stop(plain);
    await prod.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The figures as the bench's Markdown lines. */
export function staticTierLines(f: StaticTierFigures | string, seconds: number): string[] {
  if (typeof f === 'string') return [`\n## Static tier (prod:local)\n\n${f}.`];
  const row = (name: string, s: Serve) => `| ${name} | ${s.reqPerSec} | ${s.p99Ms} | ${(s.reqPerSec / f.nginxDirect.reqPerSec).toFixed(2)} |`;
  return [
    `\n## Static tier: a card page through nginx + 2 instances (prod:local) (${LOAD_TOOL}, 50 connections, ${seconds} s, gzip)`,
    '| server | req/s | p99 ms | / nginx direct |',
    '| --- | ---: | ---: | ---: |',
    row('nginx in front of 2 instances (deploy/nginx.conf.template)', f.staticTier),
    row('nginx serving the same file directly', f.nginxDirect),
    row('one portal instance alone', f.instanceAlone),
    ...(f.staticTier.non2xx + f.staticTier.errors + f.nginxDirect.non2xx + f.nginxDirect.errors > 0
      ? [
          `\nNot all answers were 200: static tier ${f.staticTier.non2xx} non-2xx, ${f.staticTier.errors} errors; nginx direct ${f.nginxDirect.non2xx}, ${f.nginxDirect.errors}.`,
        ]
      : []),
    `\nStatic tier / nginx direct: ${f.ratio.toFixed(2)} (target ≥ 0.5).`,
  ];
}

if (process.argv[1]?.endsWith('static-tier.ts')) {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  void benchStaticTier({ dir: process.cwd(), distDir: process.env.NEXT_DIST_DIR ?? '.next', port: 38400, seconds }).then(
    (figures) => console.log(staticTierLines(figures, seconds).join('\n')),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
