/** GET /api/openapi.json: the OpenAPI document of the open-data API. */
import { openApiDocument } from '@/lib/api/openapi';
import { cachedJson, preflight } from '@/lib/api/respond';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Response {
  return cachedJson(request, openApiDocument());
}

export const OPTIONS = preflight;
