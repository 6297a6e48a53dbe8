/**
 * The only reader of process.env: every setting the portal takes, validated once. A bad
 * configuration fails with a sentence naming the variable.
 */
import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** A whole number from `min` to `max`, `fallback` when unset; a sentence naming the variable otherwise. */
function positiveInt(name: string, fallback: number, min: number, max: number) {
  const range = `${name} must be a whole number from ${min} to ${max}`;
  return optional
    .pipe(
      z
        .string()
        .regex(/^\d{1,9}$/u, { error: range })
        .transform(Number)
        .pipe(z.number().int().min(min, { error: range }).max(max, { error: range }))
        .optional(),
    )
    .transform((v) => v ?? fallback);
}

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** The address the portal's server listens on. Loopback by default: only this machine reaches it. */
  HOST: optional.transform((v) => v ?? '127.0.0.1'),
  PORT: optional
    .pipe(
      z
        .string()
        .regex(/^\d{1,5}$/u, { error: 'PORT must be a port number such as 3000' })
        .transform(Number)
        .pipe(z.number().int().min(1, { error: 'PORT must be from 1 to 65535' }).max(65535, { error: 'PORT must be from 1 to 65535' }))
        .optional(),
    )
    .transform((v) => v ?? 3000),
  /** PostgreSQL connection string; when unset the embedded PGlite database is used. */
  DATABASE_URL: optional.pipe(z.url({ error: 'DATABASE_URL must be a postgres:// URL' }).optional()),
  /** PostgreSQL only: the most connections one instance opens (requests beyond wait, bounded by DB_TIMEOUT_MS). */
  DB_POOL_SIZE: positiveInt('DB_POOL_SIZE', 10, 1, 100),
  /**
   * PostgreSQL only: how long a request waits for a connection, and the longest a query may run,
   * in milliseconds. Past it the request is answered 503 with a sentence; nothing piles up.
   */
  DB_TIMEOUT_MS: positiveInt('DB_TIMEOUT_MS', 5000, 100, 120_000),
  /** Where PGlite keeps its data. */
  PGLITE_DIR: optional.transform((v) => v ?? '.data/pglite'),
  /** Auth.js' secret for signing cookies and tokens; generated and kept in .data/ when unset on a local run. */
  AUTH_SECRET: optional.pipe(z.string().min(32, { error: 'AUTH_SECRET must be at least 32 characters long (openssl rand -base64 32)' }).optional()),
  /** The portal's public origin, e.g. https://fm-roadmap.example.gov. Set in a deployment. */
  AUTH_URL: optional.pipe(z.url({ error: 'AUTH_URL must be the portal’s public origin, such as https://portal.example.gov' }).optional()),
  LOGIN_GOV_ISSUER: optional.transform((v) => v ?? 'https://idp.int.identitysandbox.gov'),
  LOGIN_GOV_CLIENT_ID: optional,
  /** PKCS #8 PEM private key for private_key_jwt (its public key is registered with Login.gov). */
  LOGIN_GOV_PRIVATE_KEY: optional,
  LOGIN_GOV_ACR_VALUES: optional.transform((v) => v ?? 'urn:acr.login.gov:auth-only'),
  OIDC_ISSUER: optional.pipe(z.url({ error: 'OIDC_ISSUER must be the issuer URL' }).optional()),
  OIDC_CLIENT_ID: optional,
  OIDC_CLIENT_SECRET: optional,
  OIDC_NAME: optional.transform((v) => v ?? 'your agency account'),
  /** Where `next build` writes and the server reads the build (the e2e suite uses a second one). */
  NEXT_DIST_DIR: optional.transform((v) => v ?? '.next'),
  /** Multiplies every rate limit (lib/http/rate.ts); the test servers raise them, production keeps 1. */
  RATE_LIMIT_SCALE: optional
    .pipe(
      z
        .string()
        .regex(/^\d+(\.\d+)?$/u, { error: 'RATE_LIMIT_SCALE must be a positive number such as 1' })
        .transform(Number)
        .optional(),
    )
    .transform((v) => v ?? 1),
  /** "true" lets local sign-in work when the portal is not reached on loopback. Never in production. */
  UNSAFE_ALLOW_LOCAL_SIGNIN: optional.transform((v) => v === 'true' || v === '1'),
  /**
   * Addresses of reverse proxies (comma-separated, such as 127.0.0.1 for deploy/nginx.conf) whose
   * X-Forwarded-For is believed: the client a rate limit counts, and whether a request is local,
   * are then the address the proxy saw. Unset: the socket's address (ADR 0023).
   */
  TRUST_PROXY: optional.transform((v) =>
    v
      ? v
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean)
      : [],
  ),
});

export type Env = z.output<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

let cached: Env | null = null;

export function env(): Env {
  if (cached) return cached;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`The portal's configuration is invalid:\n${lines.join('\n')}`);
  }
  const e = result.data;
  if (e.LOGIN_GOV_CLIENT_ID && !e.LOGIN_GOV_PRIVATE_KEY) {
    throw new ConfigError(
      'LOGIN_GOV_CLIENT_ID is set but LOGIN_GOV_PRIVATE_KEY is not: Login.gov signs clients in with private_key_jwt, so set the PEM private key whose public key is registered with Login.gov.',
    );
  }
  if (e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) {
    throw new ConfigError(
      'OIDC_ISSUER is set but OIDC_CLIENT_ID is not: set the client id registered with that issuer (and OIDC_CLIENT_SECRET if it uses one).',
    );
  }
  cached = e;
  return e;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname.toLowerCase()) || hostname.toLowerCase().endsWith('.localhost');
}

/** A deployment: the portal has a public, non-loopback origin. */
export function isDeployment(e: Env = env()): boolean {
  return e.AUTH_URL !== undefined && !isLoopbackHost(new URL(e.AUTH_URL).hostname);
}

export function hasIdentityProvider(e: Env = env()): boolean {
  return Boolean(e.LOGIN_GOV_CLIENT_ID || e.OIDC_ISSUER);
}

/**
 * Fails at startup when a deployment has no way to sign in: local sign-in only works on loopback.
 */
export function assertStartupConfig(e: Env = env()): void {
  if (isDeployment(e) && !hasIdentityProvider(e) && !e.UNSAFE_ALLOW_LOCAL_SIGNIN) {
    throw new ConfigError(
      `No identity provider is configured for ${e.AUTH_URL}: set LOGIN_GOV_CLIENT_ID and LOGIN_GOV_PRIVATE_KEY (Login.gov), or OIDC_ISSUER and OIDC_CLIENT_ID (another OIDC provider).`,
    );
  }
  if (isDeployment(e) && !e.AUTH_SECRET) {
    throw new ConfigError(`AUTH_SECRET is not set: a deployment at ${e.AUTH_URL} needs a secret of at least 32 random characters (openssl rand -base64 32).`);
  }
}
