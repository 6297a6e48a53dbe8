/**
 * A portal server of a test's own (`node dist/server.mjs`): started with the test's settings and
 * waited for until it answers `path` with 200 — this server, not one left on the port: it must
 * still be running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';

export async function startPortal(o: {
  port: number;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Waited for: `/api/ready` (database and pages) by default. */
  path?: string;
}): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['dist/server.mjs'], {
    cwd: o.cwd ?? process.cwd(),
    env: {
      ...process.env,
      PORT: String(o.port),
      HOST: '127.0.0.1',
      LOG_REQUESTS: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      PGLITE_DIR: mkdtempSync(path.join(tmpdir(), 'fm-portal-')),
      ...o.env,
    },
    stdio: 'ignore',
  });
  await expect
    .poll(
      async () => {
        if (server.exitCode !== null) throw new Error(`the portal exited (${server.exitCode})`);
        return (await fetch(`http://127.0.0.1:${o.port}${o.path ?? '/api/ready'}`).catch(() => null))?.status;
      },
      { timeout: 60_000, intervals: [200] },
    )
    .toBe(200);
  return server;
}
