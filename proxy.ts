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
 * - the Content-Security-Policy of the pages it sees: hashes for one Next prerendered (its error
 *   pages; from <distDir>/csp-hashes.json), a fresh nonce for one rendered per request (ADR 0008).
 *   The static card and compare pages, and the copies of / and /cards the server keeps (ADR 0013,
 *   ADR 0019), are sent before Next and never routed through here; their policy is the server's.
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
const HANDLER_PATHS = /^\/(api\/|data\/|cards\/export$|plan\/export$|share\/[^/]+$)/u;
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
  // /cards with a filter is rendered for its filter (without JavaScript the results must match the
  // address) by /cards-results, invisibly to the browser.
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
  // Not Next's assets, the USWDS fonts and images, nor the static pages' script. The card and
  // compare pages, and / and /cards without a query, are sent by the portal's server before Next
  // (ADR 0013, ADR 0019): what reaches Next under /cards/ and /compare/ is a 404, rendered with a
  // nonce here, and / or /cards reach it only for the server's own first rendering, or with a query.
  // Nor the route handlers (/api/, /data/, /cards/export, /plan/export): with a proxy, Next buffers
  // a request's whole body before the handler may read it, and each handler counts its body as it
  // arrives and checks origin and session itself (lib/http/handle.ts). A percent sign in a skipped
  // path does bring the request here, to refuse a malformed encoding.
  matcher: [
    '/((?!_next/static|_next/image|uswds/|assets/|favicon.ico|cards/export|api/|data/|plan/export).*)',
    '/:prefix(cards|compare|api|data|plan)/:rest(.*%.*)',
  ],
};
