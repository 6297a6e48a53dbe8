import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth from 'next-auth';
import { redirect } from 'next/navigation';
import { getDb } from '../db/client';
import { accounts, sessions, users, verificationTokens } from '../db/schema';
import { authSecret } from './secret';
import { configuredProviders } from './providers';
import { safeReturnTo } from '../http/return-to';

import { SESSION_MAX_AGE } from './session-config';

export { SESSION_MAX_AGE };

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
    callbacks: {
      /** Only a path on this site, checked after URL resolution (no //host, no /..//host). */
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || '/' : url;
        return `${baseUrl}${safeReturnTo(path, '/plan')}`;
      },
    },
  };
});

export interface SignedInUser {
  readonly id: string;
  readonly name: string | null;
  readonly email: string | null;
}

/** The signed-in user, or null. Reads the session row through Auth.js. */
export async function currentUser(): Promise<SignedInUser | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, name: user.name ?? null, email: user.email ?? null };
}

/** For pages: the signed-in user, or a redirect to sign-in that comes back to `path`. */
export async function requireUser(path: string): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}
