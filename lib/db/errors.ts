/**
 * A database that cannot answer — down, restarting, unreachable, or slower than DB_TIMEOUT_MS — is
 * a 503 with a sentence, never a 500 (ADR 0022). The driver's error may be wrapped (Drizzle's query
 * error keeps it as `cause`), so the whole chain is read.
 */
import { HttpError } from '../http/errors';

/** Node's network errors, and PostgreSQL's classes 08 (connection), 57P (shutdown), 57014 (statement timeout) and the two below. */
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  '57014',
  '57P01',
  '57P02',
  '57P03',
  // Too many connections (instances × DB_POOL_SIZE past the server's limit); a read-only server
  // just after a failover.
  '53300',
  '25006',
]);
const MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|connection error|Client was closed|Cannot use a pool after calling end/iu;

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof e.code === 'string' && (CODES.has(e.code) || e.code.startsWith('08'))) return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
    // Node's connect() to several addresses fails with an AggregateError of them.
    if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = e.cause;
  }
  return false;
}

export const databaseUnavailable = () =>
  new HttpError(503, 'The portal’s database is not answering right now, so nothing was read or saved. Try again in a minute.', { 'Retry-After': '30' });

/**
 * For a page: runs `work`, or says the database is unavailable (the page then shows
 * components/DatabaseUnavailable.tsx instead of failing). Anything else — a redirect to sign in
 * included — goes on as thrown.
 */
export async function orUnavailable<T>(work: () => Promise<T>): Promise<{ readonly ok: true; readonly value: T } | { readonly ok: false }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.error(JSON.stringify({ event: 'database unavailable', page: true, error: String((error as Error)?.message ?? error).slice(0, 300) }));
    return { ok: false };
  }
}
