/**
 * `npm run prod:local` started by a benchmark (static tier, soak): nginx on `port`, the two
 * instances on the next two ports, on the PostgreSQL of BENCH_DATABASE_URL or TEST_DATABASE_URL.
 * Resolves once nginx answers, with the instances' process ids.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
export const benchDatabaseUrl = () => process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/** Why the shape cannot be measured here, or null. */
export function prodLocalMissing(): string | null {
  if (!NGINX) return 'not measured: nginx is not installed (apt-get install nginx-light)';
  if (!benchDatabaseUrl()) return 'not measured: no PostgreSQL (set BENCH_DATABASE_URL or TEST_DATABASE_URL)';
  return null;
}

export interface ProdLocal {
  readonly front: string;
  readonly instancePorts: readonly number[];
  /** Process id of the instance on each port (the latest started). */
  readonly pids: ReadonlyMap<number, number>;
  stop(): Promise<void>;
}

export async function startProdLocal(o: { dir: string; distDir: string; port: number; rateLimitScale: number }): Promise<ProdLocal> {
  const instancePorts = [o.port + 1, o.port + 2];
  const front = `http://127.0.0.1:${o.port}`;
  const pids = new Map<number, number>();
  let output = '';
  const prod = spawn(process.execPath, ['scripts/prod-local.mjs'], {
    cwd: o.dir,
    env: {
      ...process.env,
      DATABASE_URL: benchDatabaseUrl(),
      PROD_LOCAL_PORT: String(o.port),
      PROD_LOCAL_INSTANCES: instancePorts.join(','),
      NEXT_DIST_DIR: o.distDir,
      LOG_REQUESTS: '0',
      RATE_LIMIT_SCALE: String(o.rateLimitScale),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prod.stdout!.on('data', (c: Buffer) => {
    output += c.toString();
    for (const m of c.toString().matchAll(/"event":"instance started","port":(\d+),"pid":(\d+)/gu)) pids.set(Number(m[1]), Number(m[2]));
  });
  prod.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const stop = async () => {
    if (prod.exitCode !== null || prod.signalCode !== null) return;
    const exited = new Promise((resolve) => prod.once('exit', resolve));
    prod.kill('SIGTERM');
    await exited;
  };
  const until = Date.now() + 120_000;
  while (!output.includes(`ready on ${front}`)) {
    if (prod.exitCode !== null || Date.now() > until) {
      await stop();
      throw new Error(`prod:local did not start: ${output.slice(-1500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { front, instancePorts, pids, stop };
}
