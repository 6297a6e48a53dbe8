import { describe, expect, it } from 'vitest';
import { localSignInAllowed } from '@/lib/auth/policy';
import { assertStartupConfig, ConfigError, hasIdentityProvider, isDeployment, type Env } from '@/lib/env';
import { safeReturnTo } from '@/lib/http';
import { groupByCompetency, planStatus } from '@/lib/plan';

const base: Env = {
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: 3000,
  DATABASE_URL: undefined,
  DB_POOL_SIZE: 10,
  DB_TIMEOUT_MS: 5000,
  PGLITE_DIR: '.data/pglite',
  NEXT_DIST_DIR: '.next',
  RATE_LIMIT_SCALE: 1,
  AUTH_SECRET: undefined,
  AUTH_URL: undefined,
  LOGIN_GOV_ISSUER: 'https://idp.int.identitysandbox.gov',
  LOGIN_GOV_CLIENT_ID: undefined,
  LOGIN_GOV_PRIVATE_KEY: undefined,
  LOGIN_GOV_ACR_VALUES: 'urn:acr.login.gov:auth-only',
  OIDC_ISSUER: undefined,
  OIDC_CLIENT_ID: undefined,
  OIDC_CLIENT_SECRET: undefined,
  OIDC_NAME: 'your agency account',
  UNSAFE_ALLOW_LOCAL_SIGNIN: false,
  TRUST_PROXY: [],
};

describe('plan status against the current grade', () => {
  it.each([
    ['Mid', 11, 'at-my-level'],
    ['Senior', 11, 'next-level'],
    ['Senior', 8, 'beyond'],
    ['Mid', 8, 'next-level'],
    ['Entry', 5, 'at-my-level'],
    ['Entry', 14, 'below'],
    ['Mid', null, 'no-grade'],
    [null, 11, 'retired'],
  ] as const)('a %s card at GS %s is %s', (level, grade, status) => {
    expect(planStatus(level, grade)).toBe(status);
  });
  it('groups by competency, alphabetically, keeping order inside a group', () => {
    const groups = groupByCompetency([
      { competency: 'Resilience', n: 1 },
      { competency: 'Accountability', n: 2 },
      { competency: 'Resilience', n: 3 },
    ]);
    expect(groups.map((g) => [g.competency, g.items.map((i) => i.n)])).toEqual([
      ['Accountability', [2]],
      ['Resilience', [1, 3]],
    ]);
  });
});

describe('local sign-in', () => {
  const here = { remoteAddress: '127.0.0.1', local: true, requestId: 'r1' };
  const elsewhere = { remoteAddress: '203.0.113.9', local: false, requestId: 'r2' };
  it('is offered on a connection the server saw come from this machine, when no provider is configured', () => {
    expect(localSignInAllowed(here, base)).toBe(true);
  });
  it('is refused for a connection from elsewhere, with no connection known, once a provider exists, or in a deployment', () => {
    expect(localSignInAllowed(elsewhere, base)).toBe(false);
    expect(localSignInAllowed(undefined, base)).toBe(false);
    expect(localSignInAllowed(here, { ...base, OIDC_ISSUER: 'https://idp.example.gov', OIDC_CLIENT_ID: 'x' })).toBe(false);
    expect(localSignInAllowed(here, { ...base, AUTH_URL: 'https://portal.example.gov' })).toBe(false);
  });
  it('works anywhere only with the variable that says it is unsafe', () => {
    expect(localSignInAllowed(elsewhere, { ...base, UNSAFE_ALLOW_LOCAL_SIGNIN: true })).toBe(true);
  });
});

describe('startup configuration', () => {
  it('a local run needs nothing', () => {
    expect(() => assertStartupConfig(base)).not.toThrow();
    expect(isDeployment(base)).toBe(false);
    expect(isDeployment({ ...base, AUTH_URL: 'http://localhost:3000' })).toBe(false);
  });
  it('a deployment with no provider fails with a sentence saying what to set', () => {
    const deployed = { ...base, AUTH_URL: 'https://portal.example.gov', AUTH_SECRET: 's'.repeat(40) };
    expect(() => assertStartupConfig(deployed)).toThrow(ConfigError);
    expect(() => assertStartupConfig(deployed)).toThrow(/set LOGIN_GOV_CLIENT_ID and LOGIN_GOV_PRIVATE_KEY .* or OIDC_ISSUER and OIDC_CLIENT_ID/u);
    const withIdp = { ...deployed, OIDC_ISSUER: 'https://idp.example.gov', OIDC_CLIENT_ID: 'portal' };
    expect(hasIdentityProvider(withIdp)).toBe(true);
    expect(() => assertStartupConfig(withIdp)).not.toThrow();
    expect(() => assertStartupConfig({ ...withIdp, AUTH_SECRET: undefined })).toThrow(/AUTH_SECRET/u);
  });
});

describe('return paths', () => {
  it.each([
    ['/cards?series=0510', '/cards?series=0510'],
    ['/plan#x', '/plan#x'],
    ['https://evil.example/', '/cards'],
    ['//evil.example/x', '/cards'],
    ['/\\evil.example', '/cards'],
    ['javascript:alert(1)', '/cards'],
    [42, '/cards'],
    // Checked after the URL parser has resolved them (issue #13): each resolves to //evil.example/x.
    ['/..//evil.example/x', '/cards'],
    ['/.%2e//evil.example/x', '/cards'],
    ['/%2e%2e//evil.example/x', '/cards'],
    ['/./\\evil.example/x', '/cards'],
    ['/\t/evil.example/x', '/cards'],
    ['/a/../..//evil.example', '/cards'],
    // Still paths on this origin once resolved: accepted, in their resolved form.
    ['/cards/../plan', '/plan'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ])('%s → %s', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});
