import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env, isDeployment } from '../env';

/**
 * AUTH_SECRET, or on a local run without one, a random secret kept in .data/ so that sessions
 * survive a restart. A deployment without AUTH_SECRET fails at startup (lib/env.ts).
 */
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (isDeployment(e)) throw new Error('AUTH_SECRET is required in a deployment');
  const file = path.resolve(path.dirname(path.resolve(e.PGLITE_DIR)), 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
