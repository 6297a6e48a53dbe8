import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { testLoginGovKeys } from './test/e2e/keys';

const port = Number(process.env.E2E_PORT ?? 3100);
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3901);
export const baseURL = `http://localhost:${port}`;

// The runner starts the servers once; workers re-read this file but use the running servers.
const keys = (process.env.E2E_KEYS ??= JSON.stringify(testLoginGovKeys()));
const { privatePem, publicJwk } = JSON.parse(keys) as { privatePem: string; publicJwk: string };
const dataDir = (process.env.E2E_PGLITE_DIR ??= path.join(mkdtempSync(path.join(tmpdir(), 'fm-e2e-')), 'pglite'));

/** End-to-end tests run against a production build (`npm run build` first) in Debian's Chromium. */
export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  // One worker: the server under test keeps PGlite in one process (ADR 0005).
  workers: 1,
  retries: 0,
  reporter: [['list']],
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
      command: `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
      url: `http://127.0.0.1:${port}/cards`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NEXT_TELEMETRY_DISABLED: '1',
        PGLITE_DIR: dataDir,
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
  ],
});
