// A real OpenID Connect provider for the end-to-end tests (panva's oidc-provider), on loopback only.
// Two clients: "logingov-test" authenticates with private_key_jwt like Login.gov; "fm-portal" with a
// client secret like a generic agency IdP. Any login and password are accepted (devInteractions).
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT ?? 3901);
const portal = process.env.PORTAL_ORIGIN ?? 'http://localhost:3100';
const issuer = `http://127.0.0.1:${port}`;
const loginGovJwk = JSON.parse(process.env.LOGIN_GOV_TEST_JWK ?? 'null');

const clients = [
  {
    client_id: 'fm-portal',
    client_secret: process.env.OIDC_TEST_SECRET ?? 'fm-portal-test-secret-not-for-production',
    redirect_uris: [`${portal}/api/auth/callback/oidc`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  },
];
if (loginGovJwk) {
  clients.push({
    client_id: 'logingov-test',
    redirect_uris: [`${portal}/api/auth/callback/logingov`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'private_key_jwt',
    token_endpoint_auth_signing_alg: 'RS256',
    jwks: { keys: [loginGovJwk] },
  });
}

const provider = new Provider(issuer, {
  clients,
  conformIdTokenClaims: false,
  acrValues: ['urn:acr.login.gov:auth-only', 'urn:acr.login.gov:verified'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['fm-portal-test-idp-cookie-key'] },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: `${id.toLowerCase()}@example.gov`, email_verified: true, name: `Test ${id}` };
      },
    };
  },
});

// Login.gov asks for prompt=select_account; this test IdP shows its login form for it.
provider.use(async (ctx, next) => {
  if (ctx.path === '/auth' && ctx.query.prompt === 'select_account') {
    const query = new URLSearchParams(ctx.querystring);
    query.set('prompt', 'login');
    ctx.querystring = query.toString();
  }
  await next();
});

provider.listen(port, '127.0.0.1', () => console.log(`test OIDC provider at ${issuer}`));
