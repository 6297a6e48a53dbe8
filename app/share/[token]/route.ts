import { HttpError, notFound, seeOther } from '@/lib/http';
import { handle, nobody } from '@/lib/http/handle';
import { openShareLink } from '@/lib/share-links';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ token: string }> };

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * The address a person sends their supervisor. No sign-in: the token is the permission (ADR 0021).
 * An open link goes on to the read-only view; a revoked or expired one is 410 with a sentence, an
 * address that was never a link 404.
 */
export async function GET(request: Request, { params }: Params) {
  const { token } = await params;
  return handle(request, { who: nobody, rate: 'share' }, async (ctx) => {
    const state = await openShareLink(await ctx.db(), token);
    if (state.kind === 'unknown') throw notFound('There is no shared plan at this address. Check the link you were sent.');
    if (state.kind === 'gone') {
      throw new HttpError(
        410,
        state.reason === 'revoked'
          ? `This shared plan was withdrawn by its owner on ${dateFormat.format(state.at)}. Ask them for a new link.`
          : `This link expired on ${dateFormat.format(state.at)}. Ask the plan’s owner for a new link.`,
      );
    }
    return seeOther(`/share/${token}/view`);
  });
}
