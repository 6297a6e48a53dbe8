/** Open-data responses: a strong ETag of the body, Cache-Control, and 304 for a matching If-None-Match. */
import { createHash } from 'node:crypto';
import { nobody } from '../http/handle';
import { LOCKED_DOWN_CSP } from '../security';

/** The cards change only with a deployment: caches may keep an answer a few minutes, then revalidate. */
const API_CACHE_CONTROL = 'public, max-age=300, must-revalidate';

function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** RFC 9110 If-None-Match: `*`, or a list of (weak or strong) tags compared weakly. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//u, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//u, '') === bare);
}

export function cachedResponse(request: Request, body: string, contentType: string, extra: Record<string, string> = {}): Response {
  const etag = etagOf(body);
  const headers = { ETag: etag, 'Cache-Control': API_CACHE_CONTROL, 'Content-Security-Policy': LOCKED_DOWN_CSP, Vary: 'Accept-Encoding', ...extra };
  if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, 'Content-Type': contentType } });
}

/** Open to scripts on any origin: public data, no cookies read. A script may revalidate with If-None-Match and read the ETag. */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag',
} as const;

export function cachedJson(request: Request, data: unknown): Response {
  return cachedResponse(request, JSON.stringify(data), 'application/json; charset=utf-8', CORS_HEADERS);
}

/** The CORS preflight a browser sends before a cross-origin GET with If-None-Match. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': 'If-None-Match',
      'Access-Control-Max-Age': '86400',
    },
  });
}

/** How every open-data handler runs: no session read, JSON errors, CORS on every answer (errors too). */
export const OPEN_DATA = { who: nobody, errors: 'json', headers: CORS_HEADERS } as const;
