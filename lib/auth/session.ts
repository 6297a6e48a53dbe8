import 'server-only';
/**
 * Who is signed in: the session cookie's token looked up in one query (session joined to its user,
 * unexpired), remembered for a few seconds. Auth.js issues and deletes the sessions; reading them
 * through Auth.js cost several queries and most of a bookmark request's time (issue #16).
 *
 * A remembered answer lives SESSION_CACHE_MS at most: after signing out on this instance the token
 * is forgotten at once (Auth.js' signOut event); on another instance it may still be honoured for
 * those few seconds. Sessions end SESSION_MAX_AGE after sign-in (an absolute working day; they do
 * not slide).
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { sessions, users } from '../db/schema';

export interface SignedInUser {
  readonly id: string;
  readonly name: string | null;
  readonly email: string | null;
}

export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly user: SignedInUser | null;
  readonly until: number;
}

const KEY = Symbol.for('fm-portal.session-cache');
const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, Entry> };
const cache = (holder[KEY] ??= new Map<string, Entry>());

/** The session cookie's names: Auth.js prefixes it `__Secure-` on https. */
export const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

export async function userForToken(db: () => Promise<Database>, token: string, now = Date.now()): Promise<SignedInUser | null> {
  if (token.length === 0 || token.length > 512) return null;
  const hit = cache.get(token);
  if (hit && hit.until > now) return hit.user;
  const rows = await (
    await db()
  )
    .select({ id: users.id, name: users.name, email: users.email, expires: sessions.expires })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, new Date(now))))
    .limit(1);
  const row = rows[0];
  const user = row ? { id: row.id, name: row.name, email: row.email } : null;
  const until = Math.min(now + SESSION_CACHE_MS, row ? row.expires.getTime() : Infinity);
  cache.delete(token);
  cache.set(token, { user, until });
  if (cache.size > MAX_ENTRIES) for (const key of cache.keys()) if (cache.size > MAX_ENTRIES * 0.9) cache.delete(key);
  return user;
}

/** Forgets a token at once (signing out). */
export function forgetSession(token: string): void {
  cache.delete(token);
}
