import { env, hasIdentityProvider, isDeployment, isLoopbackHost, type Env } from '../env';

/**
 * Local sign-in, for a fresh machine with no identity provider: only when no provider is
 * configured and the portal is reached on loopback (Host is localhost/127.0.0.1/[::1]) and is not
 * a deployment — or when UNSAFE_ALLOW_LOCAL_SIGNIN is set. ADR 0006.
 */
export function localSignInAllowed(host: string | null, e: Env = env()): boolean {
  if (e.UNSAFE_ALLOW_LOCAL_SIGNIN) return true;
  if (hasIdentityProvider(e) || isDeployment(e) || !host) return false;
  const hostname = host.replace(/:\d+$/u, '');
  return isLoopbackHost(hostname);
}

