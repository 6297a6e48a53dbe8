/**
 * The portal's server refuses a misconfiguration before it listens: it exits non-zero with a
 * sentence naming the variable, and never prints that it is ready (issue #13).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();

// The server as `npm start` runs it: bundled by esbuild (scripts/build-server.mjs) into dist/.
beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
});

function start(env: Record<string, string>) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'fm-server-'));
  const run = spawnSync(process.execPath, ['dist/server.mjs'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { NODE_ENV: 'production', PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PGLITE_DIR: path.join(scratch, 'pglite'), PORT: '3299', ...env },
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

describe('the server refuses a misconfiguration before listening', () => {
  it.each([
    [{ AUTH_URL: 'https://portal.example.gov' }, /No identity provider is configured for https:\/\/portal\.example\.gov/u],
    [{ AUTH_URL: 'https://portal.example.gov', OIDC_ISSUER: 'https://idp.example.gov', OIDC_CLIENT_ID: 'x' }, /AUTH_SECRET is not set/u],
    [{ AUTH_SECRET: 'too-short' }, /AUTH_SECRET must be at least 32 characters/u],
    [{ PORT: 'eighty' }, /PORT must be a port number/u],
    [{ AUTH_URL: 'not a url' }, /AUTH_URL must be the portal’s public origin/u],
    [{ LOGIN_GOV_CLIENT_ID: 'x' }, /LOGIN_GOV_PRIVATE_KEY is not/u],
  ])('%o', (env, message) => {
    const run = start(env);
    expect(run.status).toBe(1);
    expect(run.out).toMatch(/^The portal cannot start: /mu);
    expect(run.out).toMatch(message);
    expect(run.out).not.toMatch(/ready on/u);
  });

  it('a second server on one PGLITE_DIR is refused at startup, naming the directory', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'fm-server-')), 'pglite');
    const holder = spawn(process.execPath, ['--import', 'tsx', 'test/support/lock-holder.ts', dir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (d: Buffer) => (d.toString().includes('locked') ? resolve() : undefined));
      holder.once('exit', () => reject(new Error('the lock holder exited')));
    });
    try {
      const run = start({ PGLITE_DIR: dir });
      expect(run.status).toBe(1);
      expect(run.out).toContain(`The portal cannot start: The embedded database in ${dir} is in use by another process`);
      expect(run.out).not.toMatch(/ready on/u);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
