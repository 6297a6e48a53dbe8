import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '../db/client';
import { isDatabaseUnavailable } from '../db/errors';
import { accounts, sessions, users, verificationTokens } from '../db/schema';
import { authSecret } from './secret';
import { configuredProviders } from './providers';
import { safeReturnTo } from '../http/return-to';

import { SESSION_MAX_AGE } from './session-config';
import { forgetSession, SESSION_COOKIES, userForToken, type SignedInUser } from './session';

export { SESSION_MAX_AGE };
export type { SignedInUser };

/**
 * Auth.js with database sessions (rows in `session`, the cookie holds only the token). The
 * configuration is lazy, so the database opens on the first request, never at build time.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  return {
    adapter: DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }),
    session: { strategy: 'database', maxAge: SESSION_MAX_AGE, updateAge: 60 * 60 },
    providers: await configuredProviders(),
    secret: authSecret(),
    trustHost: true,
    pages: { signIn: '/signin', error: '/signin' },
    events: {
      signOut(message) {
        if ('session' in message && message.session) forgetSession(message.session.sessionToken);
      },
    },
    callbacks: {
      /** Only a path on this site, checked after URL resolution (no //host, no /..//host). */
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || '/' : url;
        return `${baseUrl}${safeReturnTo(path, '/plan')}`;
      },
    },
  };
});

/** The signed-in user, or null: the session cookie's token, looked up in one query (lib/auth/session.ts). */
export async function currentUser(): Promise<SignedInUser | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find((v) => v !== undefined);
  if (!token) return null;
  return userForToken(getDb, token);
}

/**
 * For a page where signing in is optional (sign-in, sign-out): the signed-in user, or null — also
 * while the database does not answer, so the page is still shown.
 */
export async function currentUserIfReachable(): Promise<SignedInUser | null> {
  try {
    return await currentUser();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  }
}

/** For pages: the signed-in user, or a redirect to sign-in that comes back to `path`. */
export async function requireUser(path: string): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}
