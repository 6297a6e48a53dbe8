import type { Metadata } from 'next';
import Link from 'next/link';
import { currentUserIfReachable, signOut } from '@/lib/auth';
import { SlimAlert } from '@/components/SlimAlert';

export const metadata: Metadata = { title: 'Sign out', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignOutPage({ searchParams }: Props) {
  const [user, params] = await Promise.all([currentUserIfReachable(), searchParams]);
  return (
    <div className="grid-container page-section">
      <h1>Sign out</h1>
      {!user && params.done === '1' ? (
        <SlimAlert type="success" role="status">
          You are signed out.
        </SlimAlert>
      ) : null}
      {user ? (
        <form
          action={async () => {
            'use server';
            await signOut({ redirectTo: '/signout?done=1' });
          }}
        >
          <p>You are signed in as {user.name ?? user.email ?? 'a portal user'}.</p>
          <button type="submit" className="usa-button">
            Sign out
          </button>
        </form>
      ) : (
        <p>
          {params.done === '1' ? 'Your session on this machine has ended.' : 'You are not signed in.'} <Link href="/signin">Sign in</Link> or{' '}
          <Link href="/cards">browse the competency cards</Link>.
        </p>
      )}
    </div>
  );
}
