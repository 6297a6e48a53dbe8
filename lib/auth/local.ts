import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { slugify } from '../cards/text';
import type { Database } from '../db/client';
import { sessions, users } from '../db/schema';
import { SESSION_MAX_AGE } from './session-config';

export { localSignInAllowed } from './policy';

/**
 * Signs a local person in by creating a real database session (the same `session` row Auth.js
 * creates), for the user named `name` (the same name is the same user).
 */
export async function createLocalSession(db: Database, name: string): Promise<{ token: string; expires: Date; userId: string }> {
  const email = `${slugify(name).toLowerCase() || 'user'}@local.invalid`;
  const existing = await db.select().from(users).where(eq(users.email, email)).limit(1);
  let userId = existing[0]?.id;
  if (!userId) {
    const created = await db.insert(users).values({ name, email }).returning({ id: users.id });
    userId = created[0]?.id;
  }
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
