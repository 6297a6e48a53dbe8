/** Answers that every handler shares: errors with a sentence, and redirects that keep the address. */
import { LOCKED_DOWN_CSP } from '../security';
import { isHttpError } from './errors';
import { ERROR_PAGE_CSP, errorPage } from './error-page';

/**
 * A 303 to a path on this site, as a relative Location: the browser stays on the origin it used
 * (`127.0.0.1` or `localhost`, or the public origin behind a reverse proxy).
 */
export function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path, 'Cache-Control': 'no-store' } });
}

/** A browser navigating (a link, a plain form) rather than a script: it gets HTML error pages. */
export function acceptsHtml(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('text/html');
}

/**
 * Maps an error to a response: JSON `{ error }` for scripts, a short HTML page for a browser.
 * Anything that is not an HttpError is logged and answered with a plain sentence and a 500.
 */
export function errorResponse(error: unknown, asHtml: boolean): Response {
  const known = isHttpError(error);
  const status = known ? error.status : 500;
  const message = known ? error.message : 'Something went wrong on our side. Please try again.';
  const extra = known ? error.headers : {};
  if (!known) console.error(error);
  const headers = { 'Cache-Control': 'no-store', 'Content-Security-Policy': LOCKED_DOWN_CSP, ...extra };
  if (!asHtml) return Response.json({ error: message }, { status, headers });
  const title =
    status === 404
      ? 'Not found'
      : status === 410
        ? 'This link no longer works'
        : status === 429 || status === 503
          ? 'Please try again shortly'
          : 'Your request was not accepted';
  const page = errorPage(title, message);
  const pageHeaders = { ...headers, 'Content-Type': 'text/html; charset=utf-8', ...(page.styled ? { 'Content-Security-Policy': ERROR_PAGE_CSP } : {}) };
  return new Response(page.html, { status, headers: pageHeaders });
}
