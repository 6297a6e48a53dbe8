import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NextResponse, type NextRequest } from 'next/server';
import { env } from './lib/env';
import { isSameOrigin } from './lib/http/origin';
import { contentSecurityPolicy, formTargetsOf, LOCKED_DOWN_CSP } from './lib/security';

/**
 * In front of every page:
 * - a state-changing request from another site is answered 403 (the same rule, lib/http/origin.ts,
 *   that every handler applies itself; Next alone would refuse a cross-origin server action with a 500);
 * - the Content-Security-Policy of the pages it sees: hashes for a prerendered one (from
 *   .next/csp-hashes.json), a fresh nonce for one rendered per request (ADR 0008). Prerendered card
 *   pages are not routed through here at all; their policy is in their build output.
 */

let hashes: Record<string, string[]> | null = null;
function staticHashes(): Record<string, string[]> {
  if (hashes) return hashes;
  try {
    hashes = JSON.parse(readFileSync(path.join(process.cwd(), env().NEXT_DIST_DIR, 'csp-hashes.json'), 'utf8')) as Record<string, string[]>;
  } catch {
    hashes = {};
  }
  return hashes;
}

function plainError(status: number, message: string): NextResponse {
  return new NextResponse(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': LOCKED_DOWN_CSP, 'Cache-Control': 'no-store' },
  });
}

/** Paths answered by route handlers (lib/http/handle.ts), not pages. */
const HANDLER_PATHS = /^\/(api\/|data\/|cards\/export$|plan\/export$)/u;
function isHandlerPath(pathname: string): boolean {
  return HANDLER_PATHS.test(pathname);
}

/** True when a path segment's percent-encoding does not decode (Next would answer 500). */
function hasMalformedPath(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  const { method } = request;
  if (hasMalformedPath(request.nextUrl.pathname)) {
    return plainError(400, 'The address has a malformed percent-encoding (such as %ZZ); check the link.');
  }
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && !isSameOrigin(request)) {
    return plainError(403, 'Cross-site requests are not accepted.');
  }
  // Route handlers set their own, stricter policy (nothing may load): the proxy leaves them alone,
  // so no answer carries two policies.
  if (isHandlerPath(request.nextUrl.pathname)) return NextResponse.next();
  // /cards is prerendered; a filtered address is rendered for its filter (without JavaScript the
  // results must match the address) by /cards-results, invisibly to the browser.
  const filtered =
    request.nextUrl.pathname === '/cards' && request.nextUrl.search !== '' ? new URL(`/cards-results${request.nextUrl.search}`, request.url) : null;
  const e = env();
  // next dev evaluates code for hot reloading; the policy applies to production servers.
  if (e.NODE_ENV !== 'production') return filtered ? NextResponse.rewrite(filtered) : NextResponse.next();

  const formTargets = formTargetsOf(e);
  const prerendered = filtered ? undefined : staticHashes()[request.nextUrl.pathname];
  if (prerendered) {
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', contentSecurityPolicy({ hashes: prerendered, formTargets }));
    return response;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  // A page rendered now (or Next's prerendered not-found page for an unknown path).
  const csp = contentSecurityPolicy({ nonce, hashes: staticHashes()['/_not-found'] ?? [], formTargets });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = filtered
    ? NextResponse.rewrite(filtered, { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Not Next's assets, the USWDS fonts and images, the static pages' script, nor /cards without a
  // filter (prerendered; its policy is in its build output, scripts/csp-hashes.ts). The card and
  // compare pages are static files the portal's server sends before Next (ADR 0013): what reaches
  // Next under /cards/ and /compare/ is a 404, rendered with a nonce here.
  // Nor the route handlers (/api/, /data/, /cards/export, /plan/export): with a proxy, Next buffers
  // a request's whole body before the handler may read it, and each handler counts its body as it
  // arrives and checks origin and session itself (lib/http/handle.ts). A percent sign in a skipped
  // path does bring the request here, to refuse a malformed encoding.
  matcher: [
    '/((?!_next/static|_next/image|uswds/|assets/|favicon.ico|cards$|cards/export|api/|data/|plan/export).*)',
    '/:prefix(cards|compare|api|data|plan)/:rest(.*%.*)',
    // /cards with a filter (the parameters of FILTER_PARAMS in lib/filters.ts; a test keeps them in step).
    { source: '/cards', has: [{ type: 'query', key: 'series' }] },
    { source: '/cards', has: [{ type: 'query', key: 'level' }] },
    { source: '/cards', has: [{ type: 'query', key: 'grade' }] },
    { source: '/cards', has: [{ type: 'query', key: 'group' }] },
    { source: '/cards', has: [{ type: 'query', key: 'competency' }] },
    { source: '/cards', has: [{ type: 'query', key: 'q' }] },
    { source: '/cards', has: [{ type: 'query', key: 'bookmarked' }] },
    { source: '/cards', has: [{ type: 'query', key: 'page' }] },
    { source: '/cards', has: [{ type: 'query', key: 'per' }] },
    { source: '/cards', has: [{ type: 'query', key: 'sort' }] },
    { source: '/cards', has: [{ type: 'query', key: 'all' }] },
    { source: '/cards', has: [{ type: 'query', key: 'more' }] },
  ],
};
