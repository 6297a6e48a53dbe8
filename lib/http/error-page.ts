/**
 * The HTML a browser gets for a refused request: the build's error page template
 * (<distDir>/static-pages/error.html, lib/pages/static.tsx errorPageTemplate) with the title and
 * the sentence filled in, escaped. Before a build has written it (development, unit tests), a
 * plain page that says the same.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ERROR_TITLE = '__FM_ERROR_TITLE__';
const ERROR_MESSAGE = '__FM_ERROR_MESSAGE__';

/** What the error page may load: the site's stylesheet, fonts and images, and its own script. */
export const ERROR_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

let template: string | null | undefined;

function loadTemplate(): string | null {
  if (template !== undefined) return template;
  try {
    const file = path.resolve(process.env.NEXT_DIST_DIR || '.next', 'static-pages/error.html');
    const text = readFileSync(file, 'utf8');
    template = text.includes(ERROR_MESSAGE) ? text : null;
  } catch {
    template = null;
  }
  return template;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page, and whether it is the styled one (it then needs ERROR_PAGE_CSP rather than the locked-down policy). */
export function errorPage(title: string, message: string): { html: string; styled: boolean } {
  const page = loadTemplate();
  if (page) return { html: page.replaceAll(ERROR_TITLE, escapeHtml(title)).replaceAll(ERROR_MESSAGE, escapeHtml(message)), styled: true };
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} | FM Career Roadmap</title><style>body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:40rem;padding:1rem 1.25rem;color:#1b1b1b}a{color:#005ea2}</style></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/cards">Back to the competency cards</a></p></main></body></html>`;
  return { html, styled: false };
}
