import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { sessions, users } from '../db/schema';
import { SESSION_MAX_AGE } from './session-config';

export { localSignInAllowed } from './policy';

/**
 * The identity of a local name: the same name (ignoring letter case, spacing and Unicode
 * compatibility forms) is the same person; any other name — `张三` and `李四` too — is another.
 */
function localIdentity(name: string): string {
  const key = name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
  return `local-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32)}@local.invalid`;
}

/**
 * Signs a local person in by creating a real database session (the same `session` row Auth.js
 * creates) for the user of that name. One statement each for the user and the session, so
 * concurrent first sign-ins of one name never collide.
 */
export async function createLocalSession(db: Database, name: string): Promise<{ token: string; expires: Date; userId: string }> {
  const rows = await db
    .insert(users)
    .values({ name, email: localIdentity(name) })
    .onConflictDoUpdate({ target: users.email, set: { name: sql`excluded."name"` } })
    .returning({ id: users.id });
  const userId = rows[0]?.id;
  if (!userId) throw new Error('could not create the local user');
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + SESSION_MAX_AGE * 1000);
  await db.insert(sessions).values({ sessionToken: token, userId, expires });
  return { token, expires, userId };
}

/** Auth.js' session cookie name: `__Secure-` prefixed on https. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Secure-authjs.session-token' : 'authjs.session-token';
}
