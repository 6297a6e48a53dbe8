import { cookies } from 'next/headers';
import { z } from 'zod';
import { createLocalSession, localSignInAllowed, sessionCookieName } from '@/lib/auth/local';
import { SESSION_MAX_AGE } from '@/lib/auth/session-config';
import { forbidden, NO_CONTROL_CHARACTERS, parseInput, safeReturnTo, seeOther } from '@/lib/http';
import { handle, nobody } from '@/lib/http/handle';

export const dynamic = 'force-dynamic';

const body = z
  .object({
    name: z
      .string({ error: 'Enter your name.' })
      .trim()
      .min(1, 'Enter your name.')
      .max(80, 'Use at most 80 characters.')
      .regex(NO_CONTROL_CHARACTERS, 'Your name cannot contain control characters (such as a NUL byte or a line break).'),
    callbackUrl: z.string().max(2000).optional(),
  })
  .strict();

/** Local sign-in (ADR 0006): only on this machine, decided from the connection; creates a real database session. */
export function POST(request: Request): Promise<Response> {
  return handle(request, { who: nobody, rate: 'signin' }, async (ctx) => {
    if (!localSignInAllowed()) throw forbidden('Local sign-in is only available on the machine the portal runs on, when no identity provider is configured.');
    const input = parseInput(body, ctx.fields);
    const session = await createLocalSession(await ctx.db(), input.name);
    const secure = new URL(request.url).protocol === 'https:';
    (await cookies()).set(sessionCookieName(secure), session.token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_MAX_AGE });
    return seeOther(safeReturnTo(input.callbackUrl, '/plan'));
  });
}
