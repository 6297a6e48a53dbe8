/**
 * GET|POST /cards/export?format=pdf|csv&slug=…&slug=… (or select=all with the dashboard's filter
 * parameters): the selected cards as a PDF (one page per card) or a CSV file. POST takes the same
 * fields as a form body, for selections too long for a URL.
 */
import { getCard, getCardCourses, getCardSearch, getCardSummaries } from '@/lib/cards';
import { listBookmarks } from '@/lib/db/queries';
import { cardsDownload } from '@/lib/export/respond';
import { resolveExport, type ExportSource } from '@/lib/export/request';
import { publicOrigin, unsupportedType } from '@/lib/http';
import { anyone, handle, type Context } from '@/lib/http/handle';
import type { SignedInUser } from '@/lib/auth';

export const dynamic = 'force-dynamic';

/** A selection of 500 slugs fits in well under this. */
const MAX_FORM = 64 * 1024;

function source(ctx: Context<SignedInUser | null>): ExportSource {
  return {
    summaries: getCardSummaries,
    search: getCardSearch,
    card: getCard,
    courses: getCardCourses,
    bookmarks: async () => (ctx.user ? new Set((await listBookmarks(await ctx.db(), ctx.user.id)).map((b) => b.permalink)) : null),
  };
}

async function run(ctx: Context<SignedInUser | null>, params: URLSearchParams): Promise<Response> {
  const { format, cards } = await resolveExport(params, source(ctx));
  return cardsDownload(format, cards, publicOrigin(ctx.request));
}

export function GET(request: Request): Promise<Response> {
  return handle(request, { who: anyone, rate: 'export' }, (ctx) => run(ctx, ctx.query));
}

export function POST(request: Request): Promise<Response> {
  return handle(request, { who: anyone, rate: 'export', maxBody: MAX_FORM }, (ctx) => {
    if (!ctx.body.form) throw unsupportedType('Send the export form as application/x-www-form-urlencoded.');
    return run(ctx, ctx.body.form);
  });
}
