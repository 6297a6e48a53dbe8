/**
 * A path on this site to go back to after signing in or submitting a form. The value is resolved
 * by the URL parser first (as a browser would resolve it: `..`, `%2e%2e`, backslashes, tabs), and
 * only a result that is still a path on this origin is accepted; anything else is the fallback.
 * `/..//evil.example/x` resolves to `//evil.example/x`, a protocol-relative URL: refused.
 */
export function safeReturnTo(value: unknown, fallback = '/cards'): string {
  if (typeof value !== 'string' || value.length > 2000 || !value.startsWith('/')) return fallback;
  const base = 'http://portal.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || !url.pathname.startsWith('/') || url.pathname.startsWith('//')) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // What we send must itself resolve to this origin when a browser reads it from a Location header.
  try {
    if (new URL(path, base).origin !== base) return fallback;
  } catch {
    return fallback;
  }
  return path;
}

/** A path with query parameters added (`/plan?saved=removed`). */
export function withQuery(path: string, params: Record<string, string>): string {
  const url = new URL(path, 'http://portal.invalid');
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return `${url.pathname}${url.search}${url.hash}`;
}
