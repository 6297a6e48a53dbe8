import { NextResponse, type NextRequest } from 'next/server';

/**
 * A coarse gate in front of the app (the checks that matter live in each handler and action):
 * a state-changing request from another site is answered 403 here. Next itself would refuse a
 * cross-origin server action, but with a 500; a person's browser deserves a clear 4xx.
 */
export function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS') {
    const origin = request.headers.get('origin');
    const site = request.headers.get('sec-fetch-site');
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    let foreign = site === 'cross-site';
    if (origin && host) {
      try {
        foreign ||= new URL(origin).host !== host;
      } catch {
        foreign = true;
      }
    }
    if (foreign) {
      return new NextResponse('Cross-site requests are not accepted.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
  }
  return NextResponse.next();
}

export const config = {
  // Everything but Next's own assets and the copied USWDS fonts and images.
  matcher: ['/((?!_next/static|_next/image|uswds/|favicon.ico).*)'],
};
