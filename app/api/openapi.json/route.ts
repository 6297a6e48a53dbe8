/** GET /api/openapi.json: the OpenAPI document of the open-data API. */
import { openApiDocument } from '@/lib/api/openapi';
import { cachedJson, OPEN_DATA, preflight } from '@/lib/api/respond';
import { handle } from '@/lib/http/handle';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handle(request, OPEN_DATA, async () => cachedJson(request, openApiDocument()));
}

export const OPTIONS = preflight;
