/**
 * Next inlines a page's React Server Components payload into its HTML as scripts that push onto
 * `self.__next_f`: the page's content again, as data for hydration. scripts/csp-hashes.ts (pages
 * Next prerendered) and server/static-pages.ts (/ and /cards, rendered when the server starts) move
 * it into one script file (ADR 0016), and allow what inline script is left by its hash.
 */
import { createHash } from 'node:crypto';

/** Next's inline payload scripts: `(self.__next_f=self.__next_f||[]).push([0])`, then `self.__next_f.push([1,"…"])`. */
const FLIGHT = /<script>((?:\(self\.__next_f=self\.__next_f\|\|\[\]\)|self\.__next_f)\.push\([\s\S]*?\))<\/script>/gu;

/**
 * The page with its payload scripts replaced by one script file (written beside Next's static
 * files), loaded where the last of them stood, at the end of the body, and not deferred: Next's
 * client closes the payload stream once the document has been parsed (readyState no longer
 * "loading"). A deferred script runs after parsing, so when Next's own async chunks come from the
 * cache and run first, they would close the stream before the payload arrives and hydration would
 * fail (React error #412). A plain script keeps the document "loading" until the payload is in,
 * as the inline scripts did; at the end of the body it holds up no content.
 */
export function externalizeFlight(html: string, write: (name: string, js: string) => void): string {
  const parts = [...html.matchAll(FLIGHT)].map((m) => m[1]);
  if (parts.length === 0) return html;
  const js = `${parts.join(';\n')};\n`;
  const name = `flight/${createHash('sha256').update(js).digest('base64url').slice(0, 20)}.js`;
  write(name, js);
  let left = parts.length;
  return html.replace(FLIGHT, () => (--left === 0 ? `<script src="/_next/static/${name}"></script>` : ''));
}

/**
 * A page rendered per request carries the request's CSP nonce on its scripts; a copy kept and sent
 * again is allowed by hashes instead (the nonce would be the same for everyone).
 */
export function withoutNonces(html: string): string {
  return html.replace(/(<(?:script|link|style)\b[^>]*?) nonce="[^"]*"/gu, '$1');
}

/** The CSP source of each distinct inline script of the page (`'sha256-…'`). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/giu)) {
    hashes.add(
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '', 'utf8')
        .digest('base64')}'`,
    );
  }
  return [...hashes];
}
