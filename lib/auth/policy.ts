import { env, hasIdentityProvider, isDeployment, type Env } from '../env';
import { currentConnection, type Connection } from '../http/connection';

/**
 * Local sign-in, for trying the portal on a fresh machine with no identity provider: only when no
 * provider is configured, the portal is not a deployment, and the request came on a connection the
 * portal's own server saw arrive on loopback while listening on loopback — decided from the socket,
 * never from a header a client could write (ADR 0006). UNSAFE_ALLOW_LOCAL_SIGNIN overrides it.
 */
export function localSignInAllowed(connection: Connection | undefined = currentConnection(), e: Env = env()): boolean {
  if (e.UNSAFE_ALLOW_LOCAL_SIGNIN) return true;
  if (hasIdentityProvider(e) || isDeployment(e)) return false;
  return connection?.local === true;
}
