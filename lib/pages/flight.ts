/**
 * Next inlines a prerendered page's React Server Components payload into its HTML as scripts that
 * push onto `self.__next_f`: the page's content again, as data for hydration. scripts/csp-hashes.ts
 * moves it into one script file (ADR 0016).
 */
import { createHash } from 'node:crypto';

/** Next's inline payload scripts: `(self.__next_f=self.__next_f||[]).push([0])`, then `self.__next_f.push([1,"…"])`. */
const FLIGHT = /<script>((?:\(self\.__next_f=self\.__next_f\|\|\[\]\)|self\.__next_f)\.push\([\s\S]*?\))<\/script>/gu;

/** The page with its payload scripts replaced by one deferred script file (written beside Next's static files). */
export function externalizeFlight(html: string, write: (name: string, js: string) => void): string {
  const parts = [...html.matchAll(FLIGHT)].map((m) => m[1]);
  if (parts.length === 0) return html;
  const js = `${parts.join(';\n')};\n`;
  const name = `flight/${createHash('sha256').update(js).digest('base64url').slice(0, 20)}.js`;
  write(name, js);
  let first = true;
  return html.replace(FLIGHT, () => {
    if (!first) return '';
    first = false;
    return `<script defer src="/_next/static/${name}"></script>`;
  });
}
