import type { Metadata } from 'next';
import Link from 'next/link';
import { currentUser, signOut } from '@/lib/auth';

export const metadata: Metadata = { title: 'Sign out', robots: { index: false } };

export default async function SignOutPage() {
  const user = await currentUser();
  return (
    <div className="grid-container page-section">
      <h1>Sign out</h1>
      {user ? (
        <form
          action={async () => {
            'use server';
            await signOut({ redirectTo: '/cards' });
          }}
        >
          <p>You are signed in as {user.name ?? user.email ?? 'a portal user'}.</p>
          <button type="submit" className="usa-button">
            Sign out
          </button>
        </form>
      ) : (
        <p>
          You are not signed in. <Link href="/signin">Sign in</Link>
        </p>
      )}
    </div>
  );
}
