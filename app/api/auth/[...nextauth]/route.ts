/**
 * Auth.js' own endpoints (sign-in, callback, session, sign-out…), behind the one request path:
 * a bounded body, the sign-in rate limit, and inputs Auth.js cannot take made safe first — it
 * answers a malformed `callbackUrl` (in the query or its cookie) with a 500 "configuration
 * error", so a return path is replaced by its checked form (lib/http/return-to.ts) and an unusable
 * callback cookie is dropped.
 */
import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { SESSION_COOKIES } from '@/lib/auth/session';
import { databaseStatus } from '@/lib/db/client';
import { databaseUnavailable } from '@/lib/db/errors';
import { safeReturnTo } from '@/lib/http';
import { handle, nobody, type Context } from '@/lib/http/handle';

export const dynamic = 'force-dynamic';

const CALLBACK_COOKIES = new Set(['authjs.callback-url', '__Secure-authjs.callback-url']);

function usableCallback(value: string): boolean {
  try {
    const decoded = decodeURIComponent(value);
    return decoded.startsWith('/') ? safeReturnTo(decoded, '') === decoded : /^https?:$/u.test(new URL(decoded).protocol);
  } catch {
    return false;
  }
}

function forAuthJs(ctx: Context<null>): NextRequest {
  const url = new URL(ctx.request.url);
  const callback = url.searchParams.get('callbackUrl');
  if (callback !== null) url.searchParams.set('callbackUrl', safeReturnTo(callback, '/plan'));
  const headers = new Headers(ctx.request.headers);
  const cookie = headers.get('cookie');
  if (cookie) {
    const kept = cookie.split(';').filter((part) => {
      const [name = '', ...rest] = part.trim().split('=');
      return !CALLBACK_COOKIES.has(name) || usableCallback(rest.join('='));
    });
    headers.set('cookie', kept.join(';'));
  }
  const body = ctx.body.form ? ctx.body.form.toString() : ctx.body.json ? JSON.stringify(ctx.body.json) : undefined;
  if (body !== undefined) headers.delete('content-length');
  return new NextRequest(url, { method: ctx.request.method, headers, ...(body !== undefined ? { body } : {}) });
}

/**
 * Auth.js answers its adapter's failures itself: a redirect to its error page (`error=Configuration`),
 * a 500, or for a person whose session it cannot read, "no session" (they would look signed out). When the
 * database is what failed, the answer is the portal's 503 with a sentence instead (ADR 0022).
 */
async function unlessDatabaseDown(ctx: Context<null>, response: Response): Promise<Response> {
  const suspicious =
    response.status >= 500 ||
    // Auth.js sends an adapter's failure on a callback or sign-out to its error page.
    (response.headers.get('location') ?? '').includes('error=Configuration') ||
    (new URL(ctx.request.url).pathname.endsWith('/session') &&
      SESSION_COOKIES.some((name) => (ctx.request.headers.get('cookie') ?? '').includes(`${name}=`)) &&
      ['null', '{}', ''].includes((await response.clone().text()).trim()));
  if (!suspicious || (await databaseStatus()).ok) return response;
  throw databaseUnavailable();
}

export function GET(request: Request): Promise<Response> {
  return handle(request, { who: nobody }, async (ctx) => unlessDatabaseDown(ctx, await handlers.GET(forAuthJs(ctx))));
}

export function POST(request: Request): Promise<Response> {
  return handle(request, { who: nobody, rate: 'signin' }, async (ctx) => unlessDatabaseDown(ctx, await handlers.POST(forAuthJs(ctx))));
}
