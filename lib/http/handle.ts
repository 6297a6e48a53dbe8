import 'server-only';
/**
 * The one path of every route handler: same-origin (for anything that changes state), rate limit,
 * authenticate, read a bounded body, then `run` parses (zod), authorizes and queries. Errors carry
 * their status; a browser gets a short HTML page or a redirect, a script JSON. Nothing unexpected
 * reaches anyone as more than a sentence (it is logged).
 */
import { currentUser, type SignedInUser } from '../auth';
import { getDb, type Database } from '../db/client';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/errors';
import { readBody, type Body } from './body';
import { currentConnection } from './connection';
import { forbidden, isHttpError, unauthorized } from './errors';
import { isSameOrigin } from './origin';
import { RateLimiter, scaledLimits, type RateKind } from './rate';
import { env } from '../env';
import { acceptsHtml, errorResponse, seeOther } from './respond';
import { isFormRequest } from './body';

/** Who may call a handler: maps the session's person to the handler's user, or asks for sign-in. */
export type Who<U> = (user: SignedInUser | null) => U | typeof SIGN_IN;
const SIGN_IN = Symbol('sign in');
/** A signed-in person only: a script gets 401, a browser the sign-in page. */
export const signedIn: Who<SignedInUser> = (user) => user ?? SIGN_IN;
/** Anyone; the handler sees who, if anybody, is signed in. */
export const anyone: Who<SignedInUser | null> = (user) => user;
/** Anyone; the session is not even read (public data). */
export const nobody: Who<null> = () => null;

export interface HandleOptions<U> {
  readonly who: Who<U>;
  /** The largest body read, in bytes (default 16 KB). GET, HEAD and OPTIONS bodies are never read. */
  readonly maxBody?: number;
  readonly rate?: RateKind;
  /** Where a signed-out browser comes back to after signing in (default: the fields' `returnTo`). */
  readonly signInReturn?: (ctx: { fields: Record<string, unknown> }) => string | undefined;
  /** `json` for the open-data API: never an HTML page. */
  readonly errors?: 'auto' | 'json';
  /** Headers every answer carries, errors included (CORS of the open-data API). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Context<U> {
  readonly request: Request;
  readonly user: U;
  readonly query: URLSearchParams;
  readonly body: Body;
  /** The JSON object, or the form's fields (the last of a repeated name), or `{}`. */
  readonly fields: Record<string, unknown>;
  /** A browser that gets HTML answers (a plain form, a navigation). */
  readonly asHtml: boolean;
  /** The signed-in person's id, or the connection's address: who a rate limit counts. */
  readonly client: string;
  db(): Promise<Database>;
}

const DEFAULT_MAX_BODY = 16 * 1024;
// One limiter per process, even when Next loads this module in several bundles.
const LIMITER = Symbol.for('fm-portal.rate-limiter');
const holder = globalThis as typeof globalThis & { [LIMITER]?: RateLimiter };
const limiter = (holder[LIMITER] ??= new RateLimiter(scaledLimits(env().RATE_LIMIT_SCALE)));
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

function clientOf(user: SignedInUser | null): string {
  return user ? `user:${user.id}` : `address:${currentConnection()?.remoteAddress ?? 'unknown'}`;
}

/**
 * For a page (which `handle` does not wrap): takes one request of `kind` from the client's
 * allowance; false when it is used up (the page then sends the browser to a handler that answers 429).
 */
export async function withinRate(kind: RateKind): Promise<boolean> {
  try {
    limiter.take(kind, clientOf(await currentUser()));
    return true;
  } catch (error) {
    if (isHttpError(error) && error.status === 429) return false;
    throw error;
  }
}

export async function handle<U>(request: Request, options: HandleOptions<U>, run: (ctx: Context<U>) => Promise<Response>): Promise<Response> {
  const response = await answer(request, options, run);
  for (const [key, value] of Object.entries(options.headers ?? {})) response.headers.set(key, value);
  return response;
}

async function answer<U>(request: Request, options: HandleOptions<U>, run: (ctx: Context<U>) => Promise<Response>): Promise<Response> {
  const asHtml = options.errors !== 'json' && (isFormRequest(request) || acceptsHtml(request));
  try {
    const reads = READS.has(request.method);
    if (!reads && !isSameOrigin(request)) throw forbidden('Cross-site requests are not accepted.');
    const session = options.who === nobody ? null : await currentUser();
    const client = clientOf(session);
    if (options.rate) limiter.take(options.rate, client);
    const body: Body = reads ? { form: null, json: null } : await readBody(request, options.maxBody ?? DEFAULT_MAX_BODY);
    const fields = body.json ?? (body.form ? Object.fromEntries(body.form) : {});
    const query = new URL(request.url).searchParams;
    const user = options.who(session);
    if (user === SIGN_IN) {
      if (!asHtml) throw unauthorized();
      const back = options.signInReturn?.({ fields }) ?? (typeof fields.returnTo === 'string' ? fields.returnTo : undefined);
      return seeOther(`/signin${back ? `?callbackUrl=${encodeURIComponent(back)}` : ''}`);
    }
    return await run({ request, user, query, body, fields, asHtml, client, db: getDb });
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error(
        JSON.stringify({ event: 'database unavailable', path: new URL(request.url).pathname, error: String((error as Error)?.message ?? error).slice(0, 300) }),
      );
      return errorResponse(databaseUnavailable(), asHtml);
    }
    return errorResponse(error, asHtml);
  }
}
