import type { Metadata } from 'next';
import { SlimAlert } from '@/components/SlimAlert';
import { redirect } from 'next/navigation';
import { currentUserIfReachable, signIn } from '@/lib/auth';
import { localSignInAllowed } from '@/lib/auth/local';
import { providerList } from '@/lib/auth/providers';
import { safeReturnTo } from '@/lib/http';
import { isPendingReturn, pendingCard } from '@/lib/pending-bookmark';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

const ERRORS: Record<string, string> = {
  OAuthSignin: 'We could not start signing you in with that provider. Try again.',
  OAuthCallbackError: 'The sign-in provider did not complete the sign-in. Try again.',
  AccessDenied: 'Access was denied.',
  Configuration: 'Sign-in is not configured correctly. Contact the portal’s administrators.',
  Verification: 'The sign-in link is no longer valid.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeReturnTo(typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined, '/plan');
  const user = await currentUserIfReachable();
  if (user) redirect(callbackUrl);
  const providers = providerList();
  const local = localSignInAllowed();
  const pending = isPendingReturn(callbackUrl) ? await pendingCard() : null;
  const error = typeof params.error === 'string' ? (ERRORS[params.error] ?? 'Signing in did not work. Try again.') : null;

  return (
    <div className="grid-container page-section">
      <h1>Sign in</h1>
      <p className="usa-intro">Sign in to record your job series and GS grade and to keep a plan of target competencies.</p>
      {pending ? (
        <SlimAlert type="info" role="status">
          Sign in to add “{pending.title}” to your plan. It is added as soon as you are signed in, and you go back to where you were.
        </SlimAlert>
      ) : null}
      {error ? (
        <SlimAlert type="error" role="alert">
          {error}
        </SlimAlert>
      ) : null}
      {providers.map((p) => (
        <form
          key={p.id}
          action={async () => {
            'use server';
            await signIn(p.id, { redirectTo: callbackUrl });
          }}
        >
          <button type="submit" className="usa-button">
            Sign in with {p.name}
          </button>
        </form>
      ))}
      {local ? (
        <section aria-labelledby="local-signin" className="local-signin">
          <div className="usa-alert usa-alert--warning notice" role="region" aria-label="Local sign-in notice">
            <div className="usa-alert__body">
              <h2 className="usa-alert__heading" id="local-signin">
                Local sign-in
              </h2>
              <p className="usa-alert__text">
                No identity provider is configured, so this machine offers a local sign-in for trying the portal. It works only on localhost. Anyone using this
                machine can sign in under any name.
              </p>
            </div>
          </div>
          <form method="post" action="/api/local-signin" className="usa-form">
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <label className="usa-label" htmlFor="local-name">
              Your name
            </label>
            <input className="usa-input" id="local-name" name="name" required maxLength={80} autoComplete="name" />
            <button type="submit" className="usa-button">
              Sign in locally
            </button>
          </form>
        </section>
      ) : null}
      {providers.length === 0 && !local ? <p>Sign-in is not available here. Contact the portal’s administrators.</p> : null}
    </div>
  );
}
