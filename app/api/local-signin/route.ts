import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { createLocalSession, localSignInAllowed, sessionCookieName } from '@/lib/auth/local';
import { SESSION_MAX_AGE } from '@/lib/auth/session-config';
import { getDb } from '@/lib/db/client';
import { assertSameOrigin, errorResponse, forbidden, parseInput, readBody, safeReturnTo } from '@/lib/http';

export const dynamic = 'force-dynamic';

const body = z
  .object({
    name: z.string({ error: 'Enter your name.' }).trim().min(1, 'Enter your name.').max(80, 'Use at most 80 characters.'),
    callbackUrl: z.string().max(2000).optional(),
  })
  .strict();

/** Local sign-in (ADR 0006): loopback only, creates a real database session. */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const host = (await headers()).get('host');
    if (!localSignInAllowed(host)) throw forbidden('Local sign-in is only available when the portal is reached on this machine (localhost).');
    const input = parseInput(body, await readBody(request));
    const session = await createLocalSession(await getDb(), input.name);
    const secure = new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
    (await cookies()).set(sessionCookieName(secure), session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: SESSION_MAX_AGE,
    });
    return Response.redirect(new URL(safeReturnTo(input.callbackUrl, '/plan'), request.url), 303);
  } catch (error) {
    return errorResponse(error, true);
  }
}
