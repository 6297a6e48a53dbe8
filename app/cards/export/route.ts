/**
 * GET|POST /cards/export?format=pdf|csv&slug=…&slug=… (or select=all with the dashboard's filter
 * parameters): the selected cards as a PDF (one page per card) or a CSV file. POST takes the same
 * fields as a form body, for selections too long for a URL.
 */
import { currentUser } from '@/lib/auth';
import { getCardByExportKey, getCardByUrl, getCardSearch, getCardSummaries } from '@/lib/cards';
import { getDb } from '@/lib/db/client';
import { listBookmarks } from '@/lib/db/queries';
import { cardsDownload } from '@/lib/export/respond';
import { resolveExport, type ExportSource } from '@/lib/export/request';
import { acceptsHtml, assertSameOrigin, badRequest, errorResponse, HttpError } from '@/lib/http';

export const dynamic = 'force-dynamic';

const MAX_FORM = 64 * 1024;

const source: ExportSource = {
  summaries: getCardSummaries,
  search: getCardSearch,
  cardByKey: getCardByExportKey,
  cardByUrl: getCardByUrl,
  bookmarks: async () => {
    const user = await currentUser();
    if (!user) return null;
    return new Set((await listBookmarks(await getDb(), user.id)).map((b) => b.permalink));
  },
};

async function run(params: URLSearchParams): Promise<Response> {
  const { format, cards } = await resolveExport(params, source);
  return cardsDownload(format, cards);
}

export async function GET(request: Request): Promise<Response> {
  try {
    return await run(new URL(request.url).searchParams);
  } catch (error) {
    return errorResponse(error, acceptsHtml(request));
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    const type = request.headers.get('content-type') ?? '';
    if (!type.startsWith('application/x-www-form-urlencoded')) {
      throw new HttpError(415, 'Send the export form as application/x-www-form-urlencoded.');
    }
    if (Number(request.headers.get('content-length') ?? '0') > MAX_FORM) throw new HttpError(413, 'The export form is too large.');
    const text = await request.text();
    if (text.length > MAX_FORM) throw new HttpError(413, 'The export form is too large.');
    let params: URLSearchParams;
    try {
      params = new URLSearchParams(text);
    } catch {
      throw badRequest('The form data could not be read.');
    }
    return await run(params);
  } catch (error) {
    return errorResponse(error, acceptsHtml(request));
  }
}
