/**
 * Which origin a request belongs to, decided in one place for the proxy and every handler.
 */
import { env } from '../env';

/** The Host the browser used (`127.0.0.1:3000`, `localhost:3000`, `portal.example.gov`). */
function hostOf(request: Request): string | null {
  return request.headers.get('host');
}

/**
 * The origin people reach the portal at: `AUTH_URL` in a deployment (a reverse proxy may rewrite
 * Host), else the scheme and Host of the request itself — so a person who opened
 * `http://127.0.0.1:3000` stays there. For absolute links (the CSV's permalinks); redirects are relative.
 */
export function publicOrigin(request: Request): string {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = hostOf(request);
  const scheme = new URL(request.url).protocol;
  return host ? `${scheme}//${host}` : new URL(request.url).origin;
}

/**
 * The same, for a page (which has the request's headers, not the request): `AUTH_URL` when set,
 * else `http://` and the Host when it is a plain host[:port]; null when it is not (the page then
 * shows a path). Pages served here locally are plain HTTP; a deployment sets AUTH_URL.
 */
export function pageOrigin(headers: Headers): string | null {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = headers.get('host') ?? '';
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/u.test(host)) return null;
  try {
    return new URL(`http://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * A request from a page of this site: the browser does not call it cross-site or same-site (another
 * subdomain), and its Origin, when sent, is this site's (the Host it was sent to, or `AUTH_URL`).
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return false;
  const origin = request.headers.get('origin');
  if (!origin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === 'null') return false;
  const configured = env().AUTH_URL;
  if (configured && new URL(configured).origin === parsed.origin) return true;
  const host = hostOf(request);
  return host !== null && parsed.host === host.toLowerCase();
}
