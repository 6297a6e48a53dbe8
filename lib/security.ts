/**
 * The Content-Security-Policy: a nonce for pages rendered per request, hashes for prerendered ones
 * (ADR 0008). Used by proxy.ts. The other security headers are set for every response in
 * next.config.mjs.
 */

export interface CspOptions {
  /** A fresh nonce for this response (pages rendered per request). */
  readonly nonce?: string;
  /** `'sha256-…'` sources of a prerendered page's inline scripts. */
  readonly hashes?: readonly string[];
  /** Where sign-in forms may post to and redirect through: the identity providers' origins. */
  readonly formTargets?: readonly string[];
}

export function contentSecurityPolicy({ nonce, hashes = [], formTargets = [] }: CspOptions): string {
  // 'self' for Next's script files (a prerendered page's have no nonce); no 'strict-dynamic'.
  const script = nonce ? ["'self'", `'nonce-${nonce}'`, ...hashes] : ["'self'", ...hashes];
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    // React sets style attributes; no inline *scripts* are ever allowed without a nonce or hash.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formTargets.map((t) => ` ${t}`).join('')}`,
    "frame-ancestors 'none'",
  ].join('; ');
}

/** For responses that are not pages (downloads, data, short error pages): nothing may load or run. */
export const LOCKED_DOWN_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** Where sign-in forms may post to and redirect through: the configured identity providers' origins. */
export function formTargetsOf(e: { LOGIN_GOV_CLIENT_ID?: string | undefined; LOGIN_GOV_ISSUER: string; OIDC_ISSUER?: string | undefined }): string[] {
  const out: string[] = [];
  for (const url of [e.LOGIN_GOV_CLIENT_ID ? e.LOGIN_GOV_ISSUER : undefined, e.OIDC_ISSUER]) {
    try {
      if (url) out.push(new URL(url).origin);
    } catch {
      // an invalid URL is reported by lib/env at startup
    }
  }
  return out;
}
