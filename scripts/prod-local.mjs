// `npm run prod:local`: the production shape on this machine (ADR 0023) — nginx on 127.0.0.1
// (PROD_LOCAL_PORT, 8080) serving the static pages from the build and passing the rest to two
// portal instances (127.0.0.1:3201 and :3202) on the PostgreSQL of DATABASE_URL, sharing one
// AUTH_SECRET. An instance that stops is started again; Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nextEnv from '@next/env';
import { nginxConf } from './nginx-conf.mjs';

const root = path.resolve(import.meta.dirname, '..');
nextEnv.loadEnvConfig(root, false);
const fail = (sentence) => {
  console.error(`prod:local: ${sentence}`);
  process.exit(1);
};

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) fail('set DATABASE_URL to a PostgreSQL database (two instances cannot share PGlite), such as postgres://postgres@127.0.0.1:5432/postgres.');
const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
if (!nginx) fail('nginx is not installed: apt-get install -y nginx-light (Debian).');
const dist = path.join(root, process.env.NEXT_DIST_DIR || '.next');
if (!existsSync(path.join(root, 'dist/server.mjs')) || !existsSync(path.join(dist, 'static-pages/manifest.json')))
  fail('there is no build: run npm run build first.');

const port = Number(process.env.PROD_LOCAL_PORT || 8080);
const instancePorts = (process.env.PROD_LOCAL_INSTANCES || '3201,3202').split(',').map(Number);
const run = path.join(root, '.data', `prod-local-${port}`);
mkdirSync(run, { recursive: true });
// One secret for every instance: a session made through one is read by the other.
const secretFile = path.join(run, 'auth-secret');
if (!process.env.AUTH_SECRET && !existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
const authSecret = process.env.AUTH_SECRET || readFileSync(secretFile, 'utf8').trim();

const children = new Set();
const restartDelay = new Map();
let stopping = false;
const log = (entry) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), source: 'prod:local', ...entry })}\n`);

function startInstance(instancePort) {
  const child = spawn(process.execPath, ['dist/server.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(instancePort),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      // nginx, on this machine, says who the client is.
      TRUST_PROXY: '127.0.0.1',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.add(child);
  log({ event: 'instance started', port: instancePort, pid: child.pid });
  const startedAt = Date.now();
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (stopping) return;
    // Started again after a second; one that keeps failing at once waits longer each time (to 30 s).
    const wait = Date.now() - startedAt < 10_000 ? Math.min(30_000, (restartDelay.get(instancePort) ?? 500) * 2) : 1000;
    restartDelay.set(instancePort, wait);
    log({ event: 'instance stopped', port: instancePort, pid: child.pid, code, signal, restartInMs: wait });
    setTimeout(() => !stopping && startInstance(instancePort), wait);
  });
  return child;
}

async function ready(instancePort) {
  for (let i = 0; i < 240; i++) {
    const status = await fetch(`http://127.0.0.1:${instancePort}/api/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the instance on port ${instancePort} did not become ready`);
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 10_000).unref();
  const check = setInterval(() => children.size === 0 && (clearInterval(check), process.exit(code)), 100);
}

process.on('SIGINT', stop);
process.on('SIGTERM', stop);

async function main() {
  // The first instance migrates the database alone; then the second starts.
  startInstance(instancePorts[0]);
  await ready(instancePorts[0]);
  for (const p of instancePorts.slice(1)) startInstance(p);
  await Promise.all(instancePorts.slice(1).map(ready));

  const conf = await nginxConf({
    from: `http://127.0.0.1:${instancePorts[0]}`,
    listen: `127.0.0.1:${port}`,
    upstreams: instancePorts.map((p) => `127.0.0.1:${p}`),
    run,
    dist,
  });
  writeFileSync(path.join(run, 'nginx.conf'), conf);
  const test = spawnSync(nginx, ['-t', '-q', '-c', path.join(run, 'nginx.conf'), '-p', run, '-e', path.join(run, 'error.log')], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx refused the configuration ${path.join(run, 'nginx.conf')}: ${test.stderr.trim()}`);
  const proxy = spawn(nginx, ['-c', path.join(run, 'nginx.conf'), '-p', run, '-e', path.join(run, 'error.log'), '-g', 'daemon off;'], { stdio: 'inherit' });
  children.add(proxy);
  proxy.on('exit', (code) => {
    children.delete(proxy);
    if (!stopping) {
      log({ event: 'nginx stopped', code });
      stop(1);
    }
  });
  log({ event: 'nginx started', pid: proxy.pid, port });
  // Ready once nginx answers.
  for (let i = 0; ; i++) {
    const status = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (i > 100 || stopping) throw new Error(`nginx on port ${port} does not answer`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.log(`FM Career Roadmap (nginx and ${instancePorts.length} instances on PostgreSQL) ready on http://127.0.0.1:${port}`);
}

// Whatever fails while starting stops what was started, with a sentence.
main().catch((error) => {
  console.error(`prod:local: ${error instanceof Error ? error.message : String(error)}`);
  stop(1);
});
