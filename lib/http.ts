/**
 * The one path every route handler and server action takes: authenticate, parse (zod), authorize
 * ownership, query. Errors carry their HTTP status; nothing unexpected reaches the user as a 500
 * with details (it is logged, and answered with a plain sentence).
 */
import { z } from 'zod';
import { env } from './env';
import { LOCKED_DOWN_CSP } from './security';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const unauthorized = () => new HttpError(401, 'Sign in first.');
export const forbidden = (message: string) => new HttpError(403, message);
export const notFound = (message = 'Not found.') => new HttpError(404, message);

/** Rejects a cross-site request: a foreign Origin, or a browser saying it is cross-site. */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site') throw forbidden('Cross-site requests are not accepted.');
  if (!origin) return;
  const allowed = new Set<string>([new URL(request.url).origin]);
  const host = request.headers.get('host');
  if (host) {
    const proto = request.headers.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(':', '');
    allowed.add(`${proto}://${host}`);
  }
  const configured = env().AUTH_URL;
  if (configured) allowed.add(new URL(configured).origin);
  if (!allowed.has(origin)) throw forbidden('Cross-site requests are not accepted.');
}

/** A path on this site to go back to; anything else (absolute URLs, `//host`) becomes the fallback. */
export function safeReturnTo(value: unknown, fallback = '/cards'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\') || value.length > 2000) return fallback;
  try {
    const url = new URL(value, 'http://portal.invalid');
    return url.origin === 'http://portal.invalid' ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}

/** A browser navigating (a link, a plain form) rather than a script: it gets HTML error pages. */
export function acceptsHtml(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('text/html');
}

export function isFormRequest(request: Request): boolean {
  const type = request.headers.get('content-type') ?? '';
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
}

const MAX_BODY = 16 * 1024;

/** Reads a JSON or form body (at most 16 KB) as a plain object; a malformed body is a 400. */
export async function readBody(request: Request): Promise<Record<string, unknown>> {
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_BODY) throw new HttpError(413, 'The request body is too large.');
  if (isFormRequest(request)) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw badRequest('The form data could not be read.');
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of form.entries()) if (typeof value === 'string') out[key] = value;
    return out;
  }
  const text = await request.text();
  if (text.length > MAX_BODY) throw new HttpError(413, 'The request body is too large.');
  if (!text.trim()) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw badRequest('The request body must be a JSON object.');
  return Object.fromEntries(Object.entries(data));
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const messages = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    throw badRequest(messages.join('; '));
  }
  return result.data;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/** Maps an error to a response: JSON `{ error }` for scripts, a short HTML page for plain forms. */
export function errorResponse(error: unknown, asHtml: boolean): Response {
  const status = error instanceof HttpError ? error.status : 500;
  const message = error instanceof HttpError ? error.message : 'Something went wrong on our side. Please try again.';
  if (!(error instanceof HttpError)) console.error(error);
  if (!asHtml) return Response.json({ error: message }, { status, headers: { 'Cache-Control': 'no-store', 'Content-Security-Policy': LOCKED_DOWN_CSP } });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${status === 404 ? 'Not found' : 'Request not accepted'} | FM Career Roadmap</title></head><body><main><h1>${status === 404 ? 'Not found' : 'Your request was not accepted'}</h1><p>${escapeHtml(message)}</p><p><a href="/cards">Back to the competency cards</a></p></main></body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': LOCKED_DOWN_CSP } });
}
