import 'server-only';
import { importPKCS8 } from 'jose';
import type { Provider } from 'next-auth/providers';
import { env, type Env } from '../env';

export interface ProviderInfo {
  readonly id: string;
  readonly name: string;
}

/** Login.gov: OIDC with private_key_jwt client authentication, prompt=select_account, acr_values. */
async function loginGov(e: Env): Promise<Provider | null> {
  if (!e.LOGIN_GOV_CLIENT_ID || !e.LOGIN_GOV_PRIVATE_KEY) return null;
  const pem = e.LOGIN_GOV_PRIVATE_KEY.replace(/\\n/gu, '\n');
  const key = await importPKCS8(pem, 'RS256');
  return {
    id: 'logingov',
    name: 'Login.gov',
    type: 'oidc',
    issuer: e.LOGIN_GOV_ISSUER,
    clientId: e.LOGIN_GOV_CLIENT_ID,
    client: { token_endpoint_auth_method: 'private_key_jwt' },
    token: { clientPrivateKey: key },
    authorization: { params: { scope: 'openid email', prompt: 'select_account', acr_values: e.LOGIN_GOV_ACR_VALUES } },
    checks: ['pkce', 'state', 'nonce'],
  } as Provider;
}

/** Any OIDC issuer (an agency IdP); a client secret is allowed here. */
function genericOidc(e: Env): Provider | null {
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID) return null;
  return {
    id: 'oidc',
    name: e.OIDC_NAME,
    type: 'oidc',
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    ...(e.OIDC_CLIENT_SECRET ? { clientSecret: e.OIDC_CLIENT_SECRET } : { client: { token_endpoint_auth_method: 'none' } }),
    authorization: { params: { scope: 'openid email profile' } },
    checks: ['pkce', 'state', 'nonce'],
  };
}

export async function configuredProviders(e: Env = env()): Promise<Provider[]> {
  return [await loginGov(e), genericOidc(e)].filter((p): p is Provider => p !== null);
}

/** The providers' ids and names, for the sign-in page (no secrets). */
export function providerList(e: Env = env()): ProviderInfo[] {
  const list: ProviderInfo[] = [];
  if (e.LOGIN_GOV_CLIENT_ID && e.LOGIN_GOV_PRIVATE_KEY) list.push({ id: 'logingov', name: 'Login.gov' });
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID) list.push({ id: 'oidc', name: e.OIDC_NAME });
  return list;
}
