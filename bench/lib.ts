/** Shared helpers for the benchmarks: a throwaway copy of the project, timing, servers, stats. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

/** The project root: the benchmarks run from it (`npm run bench…`). */
export const root = process.cwd();

/**
 * Copies the project's sources (not its builds) into `dir` below the project, without a lockfile,
 * so that Turbopack takes the project as its root and resolves the project's node_modules.
 * A previous copy's outputs (.contentlayer, .next…) are left where they are: `cleanBuild` removes
 * them before a build that is timed.
 */
export function projectCopy(name: string): string {
  const dir = path.join(root, '.generated', 'bench', name);
  mkdirSync(dir, { recursive: true });
  const skip = new Set([
    'node_modules',
    '.next',
    '.contentlayer',
    '.content',
    '.generated',
    '.git',
    'test-results',
    'public',
    '.data',
    'package-lock.json',
    'content',
  ]);
  // Build outputs (.next, .next-e2e, bench/write-baseline/.next…) are never copied: each copy builds its own.
  const isBuildOutput = (source: string) => path.basename(source).startsWith('.next');
  for (const entry of readdirSync(root)) {
    if (!skip.has(entry) && !isBuildOutput(entry))
      cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true, filter: (source) => !isBuildOutput(source) });
  }
  return dir;
}

/**
 * Removes what an earlier build left in a project copy (the content step's output, Contentlayer's
 * output and cache, Next's build and cache, the server bundle, the copied assets), so that a timed
 * build starts from clean, as the baselines do (and as CI and a deployment build).
 */
export function cleanBuild(dir: string): void {
  // node_modules/.cache/ of a copy: the content step's parse cache (the packages are the project's).
  for (const entry of ['.content', '.contentlayer', '.next', 'dist', 'public', '.time.txt', 'node_modules/.cache'])
    rmSync(path.join(dir, entry), { recursive: true, force: true });
}

/** Runs a command, returning wall seconds and the peak RSS (MB) GNU time reports. */
export function timed(command: string, args: string[], cwd: string, env: Record<string, string> = {}): { seconds: number; peakMb: number | null } {
  const timeFile = path.join(cwd, '.time.txt');
  const useTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const run = useTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
  let peakMb: number | null = null;
  if (useTime) {
    const kb = Number(spawnSync('tail', ['-1', timeFile], { encoding: 'utf8' }).stdout.trim());
    peakMb = Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  }
  return { seconds, peakMb };
}

/**
 * The portal as `npm start` runs it (dist/server.mjs: the static pages tier in front of Next),
 * resolved when /api/ready answers 200. Rate limits are raised: the bench is one client.
 */
export async function startPortal(cwd: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(cwd, 'dist/server.mjs')], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', HOST: '127.0.0.1', PORT: String(port), RATE_LIMIT_SCALE: '1000', LOG_REQUESTS: '0', ...env },
    stdio: 'ignore',
  });
  await waitFor(`http://127.0.0.1:${port}/api/ready`, child, 'the portal');
  return child;
}

async function waitFor(url: string, child: ChildProcess, what: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error(`${what} did not answer ${url} in 60 s`);
}

/** `next start` in `cwd`, resolved when `readyPath` answers 200. */
export async function startNext(cwd: string, port: number, env: Record<string, string> = {}, readyPath = '/cards'): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: 'ignore',
  });
  await waitFor(`http://127.0.0.1:${port}${readyPath}`, child, 'next start');
  return child;
}

export const gz = (body: string | Buffer) => gzipSync(body, { level: 9 }).length;

export function stats(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

/** Sums the gzip sizes of the page's own scripts (`<script src="/_next/…">`): its first-load JS. */
export async function firstLoadJs(base: string, html: string): Promise<{ bytes: number; files: number }> {
  // Every same-origin script: Next's chunks and the static pages' islands script (/assets/islands.js?v=…).
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="(\/[^"/][^"]*)"/gu)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&')))];
  let bytes = 0;
  for (const src of srcs) bytes += gz(Buffer.from(await (await fetch(base + src)).arrayBuffer()));
  return { bytes, files: srcs.length };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
