'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

/** "Sign in", or once the session is known, "Sign out" with the person's name. */
export function AccountLink() {
  const [name, setName] = useState<string | null>(null);
  // Asked again on each navigation: signing in or out happens on pages this link outlives.
  const pathname = usePathname();
  useEffect(() => {
    let live = true;
    fetch('/api/auth/session', { cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<{ user?: { name?: string | null; email?: string | null } } | null>) : null))
      .then((session) => {
        if (live) setName(session?.user ? (session.user.name ?? session.user.email ?? 'you') : null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [pathname]);
  return name ? (
    <Link href="/signout" prefetch={false} data-account-link="">
      Sign out<span className="usa-sr-only"> ({name})</span>
    </Link>
  ) : (
    <Link href="/signin" prefetch={false} data-account-link="">
      Sign in
    </Link>
  );
}
