/**
 * Takes one-time parameters (`?saved=…` after a plain form's redirect) out of the address once the
 * page has shown their message, so that a reload or a bookmark of the page does not bring it back.
 * Browser-only; shared by the React pages (components/plan/ForgetMessage) and the static pages'
 * script (islands/static-pages.ts).
 */
export function forgetAddressParams(names: readonly string[]): void {
  const url = new URL(window.location.href);
  const present = names.filter((name) => url.searchParams.has(name));
  if (present.length === 0) return;
  for (const name of present) url.searchParams.delete(name);
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}
