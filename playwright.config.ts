import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { testLoginGovKeys } from './test/e2e/keys';

/**
 * End-to-end tests, in Debian's Chromium, against the portal's own server (`node dist/server.mjs`)
 * on production builds (`npm run build:e2e` and `npm run build` first):
 *
 * - **site** (E2E_PORT, 3100): the fixture content of test/fixtures/site (CONTENT_DIR), built into
 *   .next-e2e, signing in through a real OIDC provider on loopback — the suite's own data, so that
 *   no test depends on which cards content/ holds;
 * - **local** (3102): the same build with no identity provider: local sign-in, reached at 127.0.0.1;
 * - **catalogue** (3101): the real content/ build (.next), crawled by catalogue.spec.ts;
 * - the OIDC provider (E2E_OIDC_PORT, 3901).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const localPort = port + 2;
const cataloguePort = port + 1;
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3901);
export const baseURL = `http://localhost:${port}`;
/** The same site at the address `npm start` prints. */
export const loopbackURL = `http://127.0.0.1:${port}`;
export const localURL = `http://127.0.0.1:${localPort}`;
export const catalogueURL = `http://127.0.0.1:${cataloguePort}`;

// The runner starts the servers once; workers re-read this file but use the running servers.
const keys = (process.env.E2E_KEYS ??= JSON.stringify(testLoginGovKeys()));
const { privatePem, publicJwk } = JSON.parse(keys) as { privatePem: string; publicJwk: string };
const scratch = (process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'fm-e2e-')));

const common = { NEXT_TELEMETRY_DISABLED: '1', HOST: '127.0.0.1', LOG_REQUESTS: '0' };

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  // One worker: each server keeps PGlite in one process (ADR 0005).
  workers: 1,
  retries: 0,
  reporter: [['list']],
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      command: 'node test/oidc/server.mjs',
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { OIDC_PORT: String(oidcPort), PORTAL_ORIGIN: baseURL, LOGIN_GOV_TEST_JWK: publicJwk },
    },
    {
      command: 'node dist/server.mjs',
      url: `${loopbackURL}/api/ready`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        ...common,
        PORT: String(port),
        NEXT_DIST_DIR: '.next-e2e',
        PGLITE_DIR: path.join(scratch, 'site'),
        // The suite exports and signs in far more often than a person; the local server keeps the real limits.
        RATE_LIMIT_SCALE: '100',
        AUTH_SECRET: 'e2e-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
        AUTH_URL: baseURL,
        OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
        OIDC_CLIENT_ID: 'fm-portal',
        OIDC_CLIENT_SECRET: 'fm-portal-test-secret-not-for-production',
        OIDC_NAME: 'Agency test IdP',
        LOGIN_GOV_ISSUER: `http://127.0.0.1:${oidcPort}`,
        LOGIN_GOV_CLIENT_ID: 'logingov-test',
        LOGIN_GOV_PRIVATE_KEY: privatePem,
        LOGIN_GOV_ACR_VALUES: 'urn:acr.login.gov:auth-only',
      },
    },
    {
      command: 'node dist/server.mjs',
      url: `${localURL}/api/ready`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { ...common, PORT: String(localPort), NEXT_DIST_DIR: '.next-e2e', PGLITE_DIR: path.join(scratch, 'local') },
    },
    {
      command: 'node dist/server.mjs',
      url: `${catalogueURL}/api/ready`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { ...common, PORT: String(cataloguePort), NEXT_DIST_DIR: '.next', PGLITE_DIR: path.join(scratch, 'catalogue'), RATE_LIMIT_SCALE: '100' },
    },
  ],
});
